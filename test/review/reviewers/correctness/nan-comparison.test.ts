import { nanComparison } from "../../../../src/review/reviewers/correctness/nan-comparison.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/nan-comparison", () => {
  it("flags an added comparison with NaN", () => {
    const findings = reviewSnippet(nanComparison, "a.ts", `
 function f(x: number) {
+  if (x === NaN) return 0;
   return x;
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "a.ts", line: 2, side: "RIGHT", rule: "correctness/nan-comparison", category: "correctness" });
    expect(findings[0].message).toContain("Number.isNaN(x)");
  });

  it("ignores comparisons the change does not touch", () => {
    expect(reviewSnippet(nanComparison, "a.js", `
 if (x === NaN) {}
+const y = 1;`)).toEqual([]);
  });

  it("ignores Number.isNaN and other comparisons", () => {
    expect(reviewSnippet(nanComparison, "a.js", `
+if (Number.isNaN(x)) {}
+if (x === nan) {}`)).toEqual([]);
  });
});
