import { assignmentInCondition } from "../../../../src/review/reviewers/correctness/assignment-in-condition.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string) => reviewSnippet(assignmentInCondition, "a.js", snippet).map((f) => f.line);

describe("correctness/assignment-in-condition", () => {
  it("flags `if (a = b)` between plain names", () => {
    const findings = reviewSnippet(assignmentInCondition, "a.ts", `
+if (status = expected) {
+  retry();
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.8, rule: "correctness/assignment-in-condition" });
    expect(findings[0].message).toContain("`status === expected`");
  });

  it("flags assigning a literal in any condition (it makes the condition constant)", () => {
    const findings = reviewSnippet(assignmentInCondition, "a.js", `
+if (count = 0) reset();
+while (done = false) step();
+for (let i = 0; i = 10; i++) {}`);
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3]);
    expect(findings[0].message).toContain("always false");
    expect(findings[2].message).toContain("always true");
    expect(findings.every((f) => f.confidence === 0.9)).toBe(true);
  });

  it("ignores an assignment wrapped in extra parentheses", () => {
    expect(lines(`
+if ((a = b)) {}
+while ((x = 0)) {}`)).toEqual([]);
  });

  it("ignores the assign-and-test idioms with computed values", () => {
    expect(lines(`
+while (node = node.parent) visit(node);
+if (match = re.exec(text)) use(match);
+do { n++; } while (item = queue.shift());`)).toEqual([]);
  });

  it("ignores comparisons and assignments outside conditions", () => {
    expect(lines(`
+if (a === b) {}
+const c = d;
+x = y ? 1 : 2;`)).toEqual([]);
  });
});
