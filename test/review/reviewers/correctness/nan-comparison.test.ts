import { nanComparison } from "../../../../src/review/reviewers/correctness/nan-comparison.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/nan-comparison", () => {
  it("flags an added comparison with NaN and suggests Number.isNaN for the line", () => {
    const findings = reviewSnippet(nanComparison, "a.ts", `
 function f(x: number) {
+  if (x === NaN) return 0;
   return x;
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "a.ts", line: 2, side: "RIGHT", rule: "correctness/nan-comparison", category: "correctness" });
    expect(findings[0].message).toContain("Number.isNaN(x)");
    expect(findings[0].suggestion).toBe("  if (Number.isNaN(x)) return 0;");
  });

  it("negates the suggestion for != and handles Number.NaN on the left", () => {
    const findings = reviewSnippet(nanComparison, "a.js", `
+const ok = Number.NaN != value.total && done;`);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("always true");
    expect(findings[0].suggestion).toBe("const ok = !Number.isNaN(value.total) && done;");
  });

  it("reports a multi-line comparison as a range without a suggestion", () => {
    const findings = reviewSnippet(nanComparison, "a.js", `
+if (computeTotal(a,
+  b) === NaN) {}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ startLine: 1, line: 2 });
    expect(findings[0].suggestion).toBeUndefined();
  });

  it("ignores comparisons the change does not touch", () => {
    expect(reviewSnippet(nanComparison, "a.js", `
 if (x === NaN) {}
+const y = 1;`)).toEqual([]);
  });

  it("ignores a comparison the change only re-indents", () => {
    expect(reviewSnippet(nanComparison, "a.js", `
-if (x === NaN) {}
+  if (x === NaN) {}`)).toEqual([]);
  });

  it("ignores Number.isNaN and other comparisons", () => {
    expect(reviewSnippet(nanComparison, "a.js", `
+if (Number.isNaN(x)) {}
+if (x === nan) {}
+if (Object.is(x, NaN)) {}`)).toEqual([]);
  });
});
