import { negatedLeftOperand } from "../../../../src/review/reviewers/correctness/negated-left-operand.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/negated-left-operand", () => {
  it("flags `!key in obj` and suggests negating the whole test", () => {
    const findings = reviewSnippet(negatedLeftOperand, "a.js", `
+if (!"id" in record) throw new Error("missing id");`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.95, rule: "correctness/negated-left-operand" });
    expect(findings[0].suggestion).toBe('if (!("id" in record)) throw new Error("missing id");');
  });

  it("flags `!x instanceof Y` and unwraps a parenthesized operand", () => {
    const findings = reviewSnippet(negatedLeftOperand, "a.ts", `
+const bad = !(err) instanceof HttpError;`);
    expect(findings[0].message).toContain("always false");
    expect(findings[0].suggestion).toBe("const bad = !(err instanceof HttpError);");
  });

  it("ignores the correctly parenthesized forms", () => {
    expect(reviewSnippet(negatedLeftOperand, "a.js", `
+if (!("id" in record)) {}
+if (!(err instanceof HttpError)) {}`)).toEqual([]);
  });

  it("ignores other negations and operators", () => {
    expect(reviewSnippet(negatedLeftOperand, "a.js", `
+if (!a === b) {}
+if (!a && b in c) {}
+for (const k in obj) {}`)).toEqual([]);
  });
});
