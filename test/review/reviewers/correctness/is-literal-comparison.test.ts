import { isLiteralComparison } from "../../../../src/review/reviewers/correctness/is-literal-comparison.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/is-literal-comparison", () => {
  it("flags `is` with a string literal and suggests ==", () => {
    const findings = reviewSnippet(isLiteralComparison, "a.py", `
+if mode is "fast":
+    run()`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.95, rule: "correctness/is-literal-comparison" });
    expect(findings[0].suggestion).toBe('if mode == "fast":');
  });

  it("flags `is not` with numbers, negative numbers and fresh containers", () => {
    const findings = reviewSnippet(isLiteralComparison, "a.py", `
+ok = count is not 0
+neg = 1 if x is -1 else 2
+empty = items is []`);
    expect(findings.map((f) => f.suggestion)).toEqual(["ok = count != 0", "neg = 1 if x == -1 else 2", "empty = items == []"]);
  });

  it("ignores singletons: None, True, False, Ellipsis and ()", () => {
    expect(reviewSnippet(isLiteralComparison, "a.py", `
+a = x is None
+b = x is not True
+c = x is False
+d = x is ...
+e = x is ()`)).toEqual([]);
  });

  it("ignores identity between names and equality with literals", () => {
    expect(reviewSnippet(isLiteralComparison, "a.py", `
+a = x is y
+b = x == "a"
+c = type(x) is int`)).toEqual([]);
  });
});
