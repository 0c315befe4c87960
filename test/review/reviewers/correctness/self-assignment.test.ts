import { selfAssignment } from "../../../../src/review/reviewers/correctness/self-assignment.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/self-assignment", () => {
  it("flags a variable assigned to itself", () => {
    const findings = reviewSnippet(selfAssignment, "a.ts", `
+class Box {
+  constructor(public size: number) {
+    size = size;
+  }
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, confidence: 0.9, rule: "correctness/self-assignment" });
    expect(findings[0].message).toContain("this.size = size");
  });

  it("reports a property assigned to itself with low confidence (setters may be the point)", () => {
    const findings = reviewSnippet(selfAssignment, "a.js", `
+this.total = this.total;
+cfg["mode"] = cfg[ "mode" ];`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [1, 0.5],
      [2, 0.5],
    ]);
  });

  it("ignores reload idioms and assignments from another value", () => {
    expect(reviewSnippet(selfAssignment, "a.js", `
+location.href = location.href;
+frame.src = frame.src;
+this.size = size;
+x = x + 1;`)).toEqual([]);
  });

  it("ignores expressions with side effects on either side", () => {
    expect(reviewSnippet(selfAssignment, "a.js", `
+a[i++] = a[i++];
+next().value = next().value;`)).toEqual([]);
  });
});
