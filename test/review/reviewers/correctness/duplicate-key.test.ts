import { duplicateKey } from "../../../../src/review/reviewers/correctness/duplicate-key.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/duplicate-key", () => {
  it("flags a repeated key with a different value as blocking", () => {
    const findings = reviewSnippet(duplicateKey, "a.js", `
+const config = {
+  retries: 3,
+  timeout: 1000,
+  "retries": 5,
+};`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, severity: "blocking", confidence: 0.95, rule: "correctness/duplicate-key" });
    expect(findings[0].message).toContain("also on line 2");
  });

  it("treats number and string spellings of one key alike, and a repeated same value as a warning", () => {
    const findings = reviewSnippet(duplicateKey, "a.js", `
+const codes = { 1: "one", 0x1: "uno", ok: true, ok: true };`);
    expect(findings.map((f) => f.severity)).toEqual(["blocking", "warning"]);
  });

  it("flags shorthand and method entries that clash with a value", () => {
    const findings = reviewSnippet(duplicateKey, "a.ts", `
+const api = {
+  load,
+  load: () => fetchAll(),
+  save() {},
+  save: null,
+};`);
    expect(findings.map((f) => f.line)).toEqual([3, 5]);
  });

  it("flags repeated keys in Python dict literals", () => {
    const findings = reviewSnippet(duplicateKey, "a.py", `
+HEADERS = {
+    "accept": "json",
+    'accept': "xml",
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, severity: "blocking" });
  });

  it("anchors on the earlier entry when only that one is added", () => {
    const findings = reviewSnippet(duplicateKey, "a.js", `
 const o = {
+  mode: "fast",
   mode: "safe",
 };`);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(2);
  });

  it("ignores getter/setter pairs, computed keys and spreads", () => {
    expect(reviewSnippet(duplicateKey, "a.js", `
+const o = {
+  get size() { return 1; },
+  set size(v) {},
+  [key]: 1,
+  [key]: 2,
+  ...base,
+  mode: 1,
+};`)).toEqual([]);
  });

  it("ignores keys that only look alike, and Python keys we can't compare", () => {
    expect(reviewSnippet(duplicateKey, "a.ts", `
+const o = { a: 1, A: 2, "a ": 3, "\\u0061": 4 };
+type T = { a: string; a: number };`)).toEqual([]);
    expect(reviewSnippet(duplicateKey, "a.py", `
+d = {"a": 1, b"a": 2, f"{x}": 3, f"{x}": 4, 1: 5, 1.0: 6}`)).toEqual([]);
  });

  it("ignores a duplicate the change only re-indents", () => {
    expect(reviewSnippet(duplicateKey, "a.js", `
-const o = { a: 1,
-  a: 2 };
+if (ready) {
+  const o = { a: 1,
+    a: 2 };
+}`)).toEqual([]);
  });

  it("ignores duplicates the change does not touch", () => {
    expect(reviewSnippet(duplicateKey, "a.js", `
 const o = {
   a: 1,
   a: 2,
+  b: 3,
 };`)).toEqual([]);
  });
});
