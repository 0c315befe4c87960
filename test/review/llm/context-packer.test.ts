import { describe, expect, test } from "@jest/globals";
import { packContext, type PackedContext } from "../../../src/review/llm/context-packer.js";
import { estimateTokens } from "../../../src/review/llm/token-estimate.js";
import { snippetChange } from "./llm-review-fixtures.js";

const filler = (name: string, lines: number) => [` export function ${name}() {`, ...Array.from({ length: lines }, (_, i) => `   const v${i} = ${i} * 2;`), "   return 0;", " }"].join("\n");

const ORDERS = `
 import { priceOf } from "./pricing.js";
${filler("unrelated", 30)}
 export function total(items: string[]) {
   let sum = 0;
   const seen = new Set<string>();
   const skip = (item: string) => seen.has(item);
   const mark = (item: string) => seen.add(item);
   for (const item of items) {
-    sum += 1;
+    sum += priceOf(item);
   }
   const rounded = Math.round(sum);
   const clamped = Math.max(0, rounded);
   const result = clamped;
   return result;
 }
${filler("alsoUnrelated", 30)}`;

const SNIPPETS = {
  "README.md": "\n # Orders\n+Totals now use real prices.\n",
  "src/orders.ts": ORDERS,
  "package-lock.json": '\n {\n+  "lockfileVersion": 3\n }\n',
  "src/api.generated.ts": "\n+export const x = 1;\n",
};
const REPO = {
  "src/pricing.ts": "/** Price of one item, in cents. */\nexport function priceOf(item: string): number {\n  return item.length * 100;\n}\n",
  "test/orders.test.ts": 'import { total } from "../src/orders.js";\ntest("total adds prices", () => {\n  expect(total(["ab"])).toBe(200);\n});\n',
};

function pack(budgetTokens: number, extra: Parameters<typeof packContext>[1] = { budgetTokens }, snippets: Record<string, string> = SNIPPETS): PackedContext {
  return packContext(snippetChange(snippets, REPO).change, { ...extra, budgetTokens });
}

const orders = (packed: PackedContext) => packed.files.find((f) => f.path === "src/orders.ts")?.text ?? "";

describe("packContext", () => {
  test("is deterministic, whatever the order of the diff's files", () => {
    const reversed = Object.fromEntries(Object.entries(SNIPPETS).reverse());
    expect(pack(10_000)).toEqual(pack(10_000));
    expect(pack(10_000, undefined, reversed)).toEqual(pack(10_000));
  });

  test("shows the hunk widened to its enclosing function, the called definition and the related test", () => {
    const text = orders(pack(10_000));
    expect(text).toContain(" export function total(items: string[]) {\n   let sum = 0;\n   const seen = new Set<string>();\n");
    expect(text).toContain("   for (const item of items) {\n-    sum += 1;\n+    sum += priceOf(item);\n   }\n");
    expect(text).toContain("   const result = clamped;\n   return result;\n }");
    expect(text).toContain("### priceOf, defined in src/pricing.ts:2\nexport function priceOf(item: string): number {");
    expect(text).toContain('### related test test/orders.test.ts\nimport { total } from "../src/orders.js";');
    // Functions the change does not touch stay out.
    expect(text).not.toContain("unrelated");
    expect(text).not.toContain("alsoUnrelated");
  });

  test("never packs lock or generated files, and says why", () => {
    const packed = pack(10_000);
    expect(packed.files.map((f) => f.path)).toEqual(["src/orders.ts", "README.md"]);
    expect(packed.omitted.filter((o) => o.what === "file").sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: "package-lock.json", what: "file", detail: "package-lock.json", reason: "lock-file: matches **/package-lock.json" },
      { path: "src/api.generated.ts", what: "file", detail: "src/api.generated.ts", reason: "generated: matches **/*.generated.*" },
    ]);
  });

  test.each([30, 60, 90, 120, 200, 400, 1000])("stays within a budget of %i tokens, per-file overhead included", (budget) => {
    const packed = pack(budget, { budgetTokens: budget, perFileOverheadTokens: 10 });
    const actual = packed.files.reduce((n, f) => n + estimateTokens(f.text) + 10, 0);
    expect(packed.tokens).toBe(actual);
    expect(actual).toBeLessThanOrEqual(budget);
  });

  test("a bigger budget never shows fewer added lines", () => {
    const shown = [40, 80, 100, 120, 200, 400].map((b) => pack(b).files.reduce((n, f) => n + f.addedShown, 0));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown[shown.length - 1]).toBe(2);
  });

  test("riskier files first: source code gets the budget before docs, and what is left out is reported", () => {
    const packed = pack(80);
    expect(packed.files.map((f) => f.path)).toEqual(["src/orders.ts"]);
    expect(packed.omitted).toContainEqual({ path: "README.md", what: "file", detail: "README.md", reason: "over the LLM context budget" });
    expect(packed.omitted).toContainEqual(expect.objectContaining({ path: "src/orders.ts", what: "enclosing function", detail: "total:35" }));
  });

  test("hunks come before any context: a tight budget shows both files' changes but no definitions", () => {
    const packed = pack(100);
    expect(packed.files.map((f) => f.path)).toEqual(["src/orders.ts", "README.md"]);
    expect(orders(packed)).not.toContain("defined in");
  });

  test("a dimension that needs no definitions or tests gets none", () => {
    const text = orders(pack(10_000, { budgetTokens: 0, needs: { definitions: false, tests: false } }));
    expect(text).toContain("export function total");
    expect(text).not.toContain("defined in");
    expect(text).not.toContain("related test");
  });

  test("an enclosing function longer than maxScopeLines is shown by its signature and the lines near the change", () => {
    const text = orders(pack(10_000, { budgetTokens: 0, maxScopeLines: 5, needs: { definitions: false, tests: false } }));
    expect(text).toContain(" export function total(items: string[]) {\n   let sum = 0;");
    const long = filler("long", 40).replace("const v20 = 20 * 2;", "const v20 = 21 * 2;");
    const big = pack(10_000, { budgetTokens: 0, maxScopeLines: 20, needs: { definitions: false, tests: false } }, { "src/long.ts": long.replace("   const v20 = 21 * 2;", "+  const v20 = 21 * 2;") });
    const view = big.files[0].text;
    expect(view).toContain(" export function long() {\n⋮\n");
    expect(view).toContain("+  const v20 = 21 * 2;");
    expect(view).not.toContain("const v5 =");
  });

  test("the whole-file baseline shows every line of each changed file and nothing else", () => {
    const text = orders(pack(10_000, { budgetTokens: 0, strategy: "whole-file" }));
    expect(text).toContain("unrelated");
    expect(text).toContain("alsoUnrelated");
    expect(text).not.toContain("defined in");
    expect(text.split("\n")).toHaveLength(1 + 1 + 1 + 33 + 14 + 33);
  });
});
