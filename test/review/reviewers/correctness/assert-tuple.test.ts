import { assertTuple } from "../../../../src/review/reviewers/correctness/assert-tuple.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/assert-tuple", () => {
  it("flags an assert on a (condition, message) tuple", () => {
    const findings = reviewSnippet(assertTuple, "a.py", `
+assert (len(rows) > 0, "no rows")`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.95, rule: "correctness/assert-tuple" });
    expect(findings[0].message).toContain('`assert len(rows) > 0, "no rows"`');
  });

  it("flags a multi-line tuple assert", () => {
    expect(reviewSnippet(assertTuple, "a.py", `
+assert (
+    user.active,
+    "inactive user",
+)`).map((f) => f.line)).toEqual([1]);
  });

  it("ignores parenthesized conditions and the usual message form", () => {
    expect(reviewSnippet(assertTuple, "a.py", `
+assert (x > 0)
+assert x > 0, "positive"
+assert (x > 0), ("positive")`)).toEqual([]);
  });

  it("ignores asserts the change does not add", () => {
    expect(reviewSnippet(assertTuple, "a.py", `
 assert (x, "m")
+y = 1`)).toEqual([]);
  });
});
