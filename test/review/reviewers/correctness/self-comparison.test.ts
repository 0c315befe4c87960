import { selfComparison } from "../../../../src/review/reviewers/correctness/self-comparison.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/self-comparison", () => {
  it("flags a property compared with itself (usually a typo for another object)", () => {
    const findings = reviewSnippet(selfComparison, "a.ts", `
+const same = users.filter((a) => a.id === a.id);`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.8, severity: "warning" });
    expect(findings[0].message).toContain("Number.isNaN(a.id)");
  });

  it("flags relational self-comparisons as always true or false", () => {
    const findings = reviewSnippet(selfComparison, "a.js", `
+if (start < start) {}
+if (end >= end) {}`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [1, 0.9],
      [2, 0.9],
    ]);
    expect(findings[0].message).toContain("always false");
    expect(findings[1].message).toContain("always true");
  });

  it("treats `x !== x` on a plain variable as the NaN idiom: a low-confidence suggestion", () => {
    const findings = reviewSnippet(selfComparison, "a.js", `
+if (value !== value) return 0;`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ confidence: 0.5, severity: "suggestion" });
    expect(findings[0].message).toContain("`Number.isNaN(value)`");
  });

  it("flags Python comparisons, identity included", () => {
    const findings = reviewSnippet(selfComparison, "a.py", `
+if self.total == self.total:
+    pass
+ok = item is item`);
    expect(findings.map((f) => f.line)).toEqual([1, 3]);
    expect(findings[0].message).toContain("not math.isnan(self.total)");
    expect(findings[1].message).toContain("always True");
  });

  it("ignores comparisons of different or impure operands", () => {
    expect(reviewSnippet(selfComparison, "a.js", `
+if (a.id === b.id) {}
+if (next() === next()) {}
+if (a[i++] < a[i++]) {}`)).toEqual([]);
  });

  it("ignores chained Python comparisons and comparisons the change does not touch", () => {
    expect(reviewSnippet(selfComparison, "a.py", `
 if x == x:
     pass
+ok = a < a < b`)).toEqual([]);
  });
});
