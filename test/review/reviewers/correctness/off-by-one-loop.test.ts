import { offByOneLoop } from "../../../../src/review/reviewers/correctness/off-by-one-loop.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/off-by-one-loop", () => {
  it("flags `i <= arr.length` indexing arr[i] and suggests `<`", () => {
    const findings = reviewSnippet(offByOneLoop, "a.ts", `
+function sum(values: number[]) {
+  let total = 0;
+  for (let i = 0; i <= values.length; i++) {
+    total += values[i];
+  }
+  return total;
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, confidence: 0.9, rule: "correctness/off-by-one-loop" });
    expect(findings[0].suggestion).toBe("  for (let i = 0; i < values.length; i++) {");
  });

  it("handles the mirrored form and member arrays", () => {
    const findings = reviewSnippet(offByOneLoop, "a.js", `
+for (var k = 1; this.items.length >= k; ++k) render(this.items[k]);`);
    expect(findings).toHaveLength(1);
    expect(findings[0].suggestion).toBe("for (var k = 1; this.items.length > k; ++k) render(this.items[k]);");
  });

  it("flags Python range(len(a) + 1) indexing a[i]", () => {
    const findings = reviewSnippet(offByOneLoop, "a.py", `
+for i in range(len(rows) + 1):
+    print(rows[i])`);
    expect(findings).toHaveLength(1);
    expect(findings[0].suggestion).toBe("for i in range(len(rows)):");
  });

  it("ignores `<`, bounds that do not index the array, and other steps", () => {
    expect(reviewSnippet(offByOneLoop, "a.js", `
+for (let i = 0; i < a.length; i++) use(a[i]);
+for (let i = 0; i <= a.length; i++) use(i);
+for (let i = 0; i <= a.length; i += 2) use(a[i]);
+for (let i = 0; i <= a.length; i++) use(b[i]);`)).toEqual([]);
  });

  it("ignores loops that guard the last step or look one back (sentinel use)", () => {
    expect(reviewSnippet(offByOneLoop, "a.js", `
+for (let i = 0; i <= s.length; i++) {
+  if (i === s.length || s[i] === ",") flush();
+}
+for (let i = 1; i <= s.length; i++) {
+  if (s[i] !== s[i - 1]) runs++;
+}`)).toEqual([]);
    expect(reviewSnippet(offByOneLoop, "a.py", `
+for i in range(len(a) + 1):
+    total += i
+for i in range(1, len(a) + 1):
+    print(a[i])`)).toEqual([]);
  });
});
