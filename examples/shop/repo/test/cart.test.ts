import { test } from "node:test";
import assert from "node:assert/strict";
import { cartTotal } from "../src/cart.js";

test("cartTotal sums price × quantity", () => {
  assert.equal(cartTotal([{ sku: "a", price: 2, quantity: 3 }]), 6);
});
