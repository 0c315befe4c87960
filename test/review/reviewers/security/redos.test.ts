import { redos } from "../../../../src/review/reviewers/security/redos.js";
import { analyzeBacktracking } from "../../../../src/review/reviewers/security/regex-backtracking.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const JS_FLAGS = { caseInsensitive: false, unicode: false, dotAll: false, multiLine: false };

describe("analyzeBacktracking", () => {
  it.each([String.raw`^(a+)+$`, String.raw`^(\d+)*$`, String.raw`^(\s*\w+\s*)+$`])("reports nested repetition in %s", (pattern) => {
    const report = analyzeBacktracking(pattern, JS_FLAGS);
    expect(report).toBeDefined();
    expect(report!.attack).toMatch(/^.?(.+)\1{5,}.$/s);
  });

  it("builds an attack string the pattern really chokes on", () => {
    const report = analyzeBacktracking(String.raw`^(a+)+$`, JS_FLAGS)!;
    expect(report.quantifier).toBe("(a+)+");
    expect(report.attack).toMatch(/^a{30,}[^a]$/);
  });

  it.each([
    String.raw`\s*,\s*`, // quadratic at worst: deliberately not reported
    String.raw`^[\w.+-]+@[\w-]+\.[\w.-]+$`,
    String.raw`^(?:[a-z0-9-]+\.)+[a-z]{2,}$`,
    String.raw`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
    String.raw`"(?:[^"\\]|\\.)*"`,
    String.raw`((?<!\\)(\\\\)*)\.`, // sides only shifted by the unanchored prefix
  ])("leaves %s alone", (pattern) => {
    expect(analyzeBacktracking(pattern, JS_FLAGS)).toBeUndefined();
  });
});

describe("security/redos", () => {
  it("flags added regex literals and new RegExp with a literal pattern", () => {
    const findings = reviewSnippet(redos, "src/validate.ts", `
 export function check(s: string) {
+  const word = /^([a-zA-Z0-9]+\\s?)*$/;
+  const num = new RegExp("^(\\\\d+)*$");
   return word.test(s) && num.test(s);
 }`);
    expect(findings.map((f) => f.line)).toEqual([2, 3]);
    expect(findings[0]).toMatchObject({ rule: "security/redos", severity: "warning" });
    expect(findings[0].message).toMatch(/For example `a{30,}[^a]`/);
    expect(findings[1].message).toContain("(\\d+)*");
  });

  it("flags Python re calls with raw patterns, anchoring fullmatch", () => {
    const findings = reviewSnippet(redos, "parse.py", `
 import re
+EMAIL = re.compile(r"^([a-z0-9]+[._]?)+@example\\.com$")
+ok = re.fullmatch(r"(\\w+\\s?)+", text)`);
    expect(findings.map((f) => f.line)).toEqual([2, 3]);
  });

  it("ignores safe and merely quadratic patterns, and unchanged ones", () => {
    expect(reviewSnippet(redos, "src/a.js", `
 const old = /^(a+)+$/;
+const csv = /\\s*,\\s*/;
+const trim = /^\\s+|\\s+$/g;
+const id = new RegExp("^[a-z][a-z0-9_]*$", "i");
+const dyn = new RegExp(userPattern);`)).toEqual([]);
  });

  it("ignores Python patterns it cannot translate faithfully", () => {
    expect(reviewSnippet(redos, "parse.py", `
 import re
+A = re.compile(r"(?x) (a+)+ $")
+B = re.compile(r"(?>a+)+$")
+C = re.compile(r"^[a-z]+$")`)).toEqual([]);
  });
});
