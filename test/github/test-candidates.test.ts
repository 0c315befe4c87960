import { findLikelyTests, looksLikeTest } from "../../src/github/test-candidates.js";

const LISTING = [
  "src/cart.ts",
  "src/cart.test.ts",
  "src/cart.spec.tsx",
  "src/__tests__/cart.ts",
  "test/unit/cart.test.ts",
  "test/other/cart.test.ts",
  "src/pay/index.ts",
  "src/pay/index.test.ts",
  "src/ship/index.test.ts",
  "test/pay/index.test.ts",
  "lib/util.js",
  "tests/lib/util.test.mjs",
  "pkg/tax.py",
  "tests/test_tax.py",
  "pkg/tax_test.py",
  "src/notes.md",
  "src/cartography.test.ts",
];

describe("findLikelyTests", () => {
  it.each([
    ["beside the source first, then __tests__, then test folders by shared folder names", ["src/cart.ts"], 5, [
      "src/cart.test.ts",
      "src/cart.spec.tsx",
      "src/__tests__/cart.ts",
      "test/unit/cart.test.ts",
      "test/other/cart.test.ts",
    ]],
    ["at most perSource per source", ["src/cart.ts"], 2, ["src/cart.test.ts", "src/cart.spec.tsx"]],
    ["the same family of extensions (.js ↔ .test.mjs)", ["lib/util.js"], 3, ["tests/lib/util.test.mjs"]],
    ["Python's test_foo.py and foo_test.py", ["pkg/tax.py"], 3, ["pkg/tax_test.py", "tests/test_tax.py"]],
    ["a generic name only in a folder named like the source's", ["src/pay/index.ts"], 3, ["src/pay/index.test.ts", "test/pay/index.test.ts"]],
    ["nothing for a test itself, or a file nobody tests", ["src/cart.test.ts", "src/notes.md"], 3, []],
  ])("%s", (_name, sources, perSource, expected) => {
    expect(findLikelyTests(sources, LISTING, perSource)).toEqual(expected);
  });

  it("lists each test once across sources", () => {
    expect(findLikelyTests(["src/cart.ts", "src/cart.ts"], LISTING, 1)).toEqual(["src/cart.test.ts"]);
  });
});

describe("looksLikeTest", () => {
  it.each([
    ["src/a.test.ts", true],
    ["src/a.spec.js", true],
    ["tests/test_a.py", true],
    ["pkg/a_test.go", true],
    ["src/__tests__/a.ts", true],
    ["src/a.ts", false],
    ["src/testing.ts", false],
  ])("%s → %s", (path, expected) => {
    expect(looksLikeTest(path)).toBe(expected);
  });
});
