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

  it("ignores safe patterns, unchanged ones and patterns run only on constants", () => {
    expect(reviewSnippet(redos, "src/a.js", `
 const old = /^(a+)+$/;
+const id = new RegExp("^[a-z][a-z0-9_]*$", "i");
+const dyn = new RegExp(userPattern);
+const parts = "a, b".split(/\\s*,\\s*/);
+export const isBlank = (s) => /^\\s*$/.test(s);`)).toEqual([]);
  });

  it("flags quadratic patterns run on a caller's text, and only in the summary when unused here", () => {
    const findings = reviewSnippet(redos, "src/headers.js", `
+const TOKEN_LIST = / *, */;
+export function parseTokenList(header) {
+  return header.split(TOKEN_LIST);
+}
+export const trimEnd = (text) => text.replace(/[\\r\\n]+$/, "");
+export const RULES = { name: /^\\s*(\\w+)\\s*=/, separator: /\\s*;\\s*/ };`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [1, 0.6],
      [5, 0.6],
      [6, 0.4],
    ]);
    expect(findings[0].message).toContain('takes quadratic time on text like `" ".repeat(50000)');
    expect(findings[0].message).toContain("passed in by the caller");
    expect(findings[1].message).toContain('"\\n".repeat(50000)');
  });

  it("lowers confidence for text that does not come from a caller, and skips length-checked text", () => {
    const findings = reviewSnippet(redos, "src/ms.js", `
+export function parse(str) {
+  str = String(str);
+  if (str.length > 100) return undefined;
+  const m = /^(-?(?:\\d+)?\\.?\\d+) *(ms|s|m|h)?$/i.exec(str);
+  return m && Number(m[1]);
+}
+export class Lexer {
+  next() { return this.buffer.match(/\\s+$/); }
+}`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([[8, 0.45]]);
    expect(findings[0].message).toContain("built elsewhere");
  });

  it("flags quadratic Python patterns on a function's parameter", () => {
    const findings = reviewSnippet(redos, "util.py", `
 import re
+def strip_newlines(text):
+    return re.sub(r"[\\r\\n]+$", "", text)
+def is_id(value):
+    return re.fullmatch(r"[a-z]+\\d*", value)`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([[3, 0.6]]);
  });

  it("ignores Python patterns it cannot translate faithfully", () => {
    expect(reviewSnippet(redos, "parse.py", `
 import re
+A = re.compile(r"(?x) (a+)+ $")
+B = re.compile(r"(?>a+)+$")
+C = re.compile(r"^[a-z]+$")`)).toEqual([]);
  });
});
