import { describe, expect, test } from "@jest/globals";
import { formatUsd, LlmBudget, type BudgetLimits } from "../../src/llm/budget.js";
import { costOf, DEFAULT_PRICES, mergePrices, priceFor, UNKNOWN_MODEL_PRICE } from "../../src/llm/price-table.js";
import { MemorySpendStore } from "../../src/llm/spend-store.js";

describe("price table", () => {
  const table = mergePrices({ "llama3.1": { prompt: 0, completion: 0 }, "gpt-4o": { prompt: 5, completion: 15 } });

  test.each([
    ["exact name", "gpt-4.1-mini", undefined, DEFAULT_PRICES["gpt-4.1-mini"]],
    ["dated variant by prefix", "gpt-4o-2024-08-06", undefined, { prompt: 5, completion: 15 }],
    ["the longest prefix wins", "gpt-4o-mini-2024-07-18", undefined, DEFAULT_PRICES["gpt-4o-mini"]],
    ["a repository override", "llama3.1", undefined, { prompt: 0, completion: 0 }],
    ["an Azure deployment name: the reported model", "my-review-deployment", "gpt-4.1-nano-2025-04-14", DEFAULT_PRICES["gpt-4.1-nano"]],
    ["unknown everywhere: the conservative price", "mystery", "mystery-1", UNKNOWN_MODEL_PRICE],
    ["no prefix without a dash", "gpt-4oo", undefined, UNKNOWN_MODEL_PRICE],
  ])("%s", (_name, configured, reported, expected) => {
    expect(priceFor(configured, table, reported)).toEqual(expected);
  });

  test("cost is USD per million tokens", () => {
    expect(costOf({ promptTokens: 1_000_000, completionTokens: 500_000 }, { prompt: 0.4, completion: 1.6 })).toBeCloseTo(1.2);
  });

  test("formatUsd keeps small spends visible", () => {
    expect([formatUsd(0), formatUsd(0.0042), formatUsd(0.5), formatUsd(12.345)]).toEqual(["$0.00", "$0.0042", "$0.50", "$12.35"]);
  });
});

const limits: BudgetLimits = { maxTokensPerReview: 10_000, maxCostPerReviewUsd: 1, maxCostPerInstallationPerDayUsd: 5 };
// 400 characters of prompt: about 100 tokens plus message overhead.
const call = { system: "s".repeat(200), messages: [{ role: "user" as const, content: "u".repeat(200) }], maxTokens: 1000 };
const prices = { m: { prompt: 100, completion: 100 } }; // $0.0001 per token: easy sums

describe("LlmBudget", () => {
  test("reserves the worst case (prompt estimate + maxTokens) and settles the real usage", async () => {
    const budget = new LlmBudget({ limits, prices, model: "m" });
    const held = await budget.reserve(call);
    if (!held.ok) throw new Error(held.why);
    expect(held.reservation.tokens).toBe(1108);

    await expect(budget.settle(held.reservation, { promptTokens: 110, completionTokens: 90 })).resolves.toBeCloseTo(0.02);
    expect(budget.spent()).toEqual({ promptTokens: 110, completionTokens: 90, costUsd: expect.closeTo(0.02) });
  });

  test("a call whose worst case does not fit the tokens left is refused, and so is every later one", async () => {
    const budget = new LlmBudget({ limits: { ...limits, maxCostPerReviewUsd: 100 }, prices, model: "m" });
    for (let i = 0; i < 3; i++) {
      const held = await budget.reserve(call);
      if (!held.ok) throw new Error(held.why);
      await budget.settle(held.reservation, { promptTokens: 1500, completionTokens: 1500 });
    }
    // 9,000 used + up to 1,108 > 10,000, although the call might have used less.
    const refused = await budget.reserve(call);
    expect(refused).toEqual({ ok: false, why: "per-review token budget reached (9,000 of 10,000 tokens used, the next call may need up to 1,108)" });
    // Sticky: a smaller call is refused too, so the skipped part of a review is one tail.
    expect(await budget.reserve({ ...call, maxTokens: 10 })).toEqual(refused);
  });

  test("concurrent calls hold their worst case until settled", async () => {
    const budget = new LlmBudget({ limits: { ...limits, maxTokensPerReview: 2000, maxCostPerReviewUsd: 100 }, prices, model: "m" });
    const first = await budget.reserve(call);
    const second = await budget.reserve(call);
    expect([first.ok, second.ok]).toEqual([true, false]);
    if (!first.ok) return;
    await budget.settle(first.reservation, { promptTokens: 100, completionTokens: 100 });
    // Refused stays refused: a review does not resume calls after skipping some.
    expect((await budget.reserve(call)).ok).toBe(false);
  });

  test("the per-review cost limit", async () => {
    const budget = new LlmBudget({ limits: { ...limits, maxCostPerReviewUsd: 0.25 }, prices, model: "m" });
    const held = await budget.reserve(call);
    if (!held.ok) throw new Error(held.why);
    await budget.settle(held.reservation, { promptTokens: 1000, completionTokens: 500 });

    expect(await budget.reserve(call)).toEqual({ ok: false, why: "per-review cost budget reached ($0.15 of $0.25 spent)" });
  });

  test("the daily cap spans the reviews of one installation, not others, and resets the next UTC day", async () => {
    const store = new MemorySpendStore();
    let now = Date.parse("2025-06-01T23:00:00Z");
    const review = (installationId: number) => new LlmBudget({ limits: { ...limits, maxCostPerInstallationPerDayUsd: 0.5 }, prices, model: "m", installationId, store, now: () => now });
    const spend = async (budget: LlmBudget) => {
      const held = await budget.reserve(call);
      if (!held.ok) return held.why;
      await budget.settle(held.reservation, { promptTokens: 2000, completionTokens: 2000 });
      return "spent";
    };

    expect(await spend(review(1))).toBe("spent");
    expect(await spend(review(1))).toBe("daily LLM budget of this installation reached ($0.40 of $0.50 spent today, UTC)");
    expect(await spend(review(2))).toBe("spent");
    now = Date.parse("2025-06-02T00:30:00Z");
    expect(await spend(review(1))).toBe("spent");
    expect(await store.spentUsd(1, "2025-06-01")).toBe(0);
  });

  test("no installation (the CLI): no daily cap", async () => {
    const budget = new LlmBudget({ limits: { ...limits, maxCostPerInstallationPerDayUsd: 0 }, prices, model: "m" });
    expect((await budget.reserve(call)).ok).toBe(true);
  });
});
