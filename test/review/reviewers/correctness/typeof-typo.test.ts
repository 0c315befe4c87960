import { typeofTypo } from "../../../../src/review/reviewers/correctness/typeof-typo.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/typeof-typo", () => {
  it("flags a misspelled typeof result and suggests the real one", () => {
    const findings = reviewSnippet(typeofTypo, "a.js", `
+if (typeof window === "undefind") return;`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, severity: "blocking", confidence: 0.95, rule: "correctness/typeof-typo" });
    expect(findings[0].suggestion).toBe('if (typeof window === "undefined") return;');
  });

  it("flags the literal on the left and other near misses, keeping the quote style", () => {
    const findings = reviewSnippet(typeofTypo, "a.ts", `
+const isFn = 'fucntion' == typeof cb;
+const isStr = typeof s !== "String";`);
    expect(findings.map((f) => f.suggestion)).toEqual(["const isFn = 'function' == typeof cb;", 'const isStr = typeof s !== "string";']);
  });

  it("reports a comparison spread over lines as a range, without a one-line suggestion", () => {
    const findings = reviewSnippet(typeofTypo, "a.js", `
+const missing =
+  typeof cb ===
+    "undefnied";`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ startLine: 2, line: 3 });
    expect(findings[0].suggestion).toBeUndefined();
  });

  it("ignores the eight real results", () => {
    expect(reviewSnippet(typeofTypo, "a.js", `
+const t = [typeof a === "undefined", typeof b === "object", typeof c === "boolean", typeof d === "number",
+  typeof e === "string", typeof f === "function", typeof g === "symbol", typeof h === "bigint"];`)).toEqual([]);
  });

  it("ignores strings that are not near any result, and non-typeof comparisons", () => {
    expect(reviewSnippet(typeofTypo, "a.js", `
+if (typeof x === "unknown") {}
+if (kind === "undefind") {}
+if (typeof x === name) {}`)).toEqual([]);
  });
});
