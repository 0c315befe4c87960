import { noneEquality } from "../../../../src/review/reviewers/correctness/none-equality.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/none-equality", () => {
  it("flags `== None` on a name and suggests `is None`", () => {
    const findings = reviewSnippet(noneEquality, "a.py", `
+if result == None:
+    return`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, severity: "suggestion", confidence: 0.75, rule: "correctness/none-equality" });
    expect(findings[0].suggestion).toBe("if result is None:");
  });

  it("flags `!= None` on self attributes and None on the left", () => {
    const findings = reviewSnippet(noneEquality, "a.py", `
+ready = self.conn != None
+empty = None == value`);
    expect(findings.map((f) => f.suggestion)).toEqual(["ready = self.conn is not None", "empty = None is value"]);
  });

  it("ignores query builders and arrays that overload ==", () => {
    expect(reviewSnippet(noneEquality, "a.py", `
+rows = session.query(User).filter(User.deleted_at == None)
+mask = df["a"] == None
+q = select(t).where(t.c.x != None)`)).toEqual([]);
  });

  it("ignores `is None` and comparisons with other values", () => {
    expect(reviewSnippet(noneEquality, "a.py", `
+a = x is None
+b = x == 0
+c = x != ""`)).toEqual([]);
  });
});
