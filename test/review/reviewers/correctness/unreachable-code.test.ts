import { unreachableCode } from "../../../../src/review/reviewers/correctness/unreachable-code.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string, path = "a.ts") =>
  reviewSnippet(unreachableCode, path, snippet)
    .map((f) => f.line)
    .sort((a, b) => a - b);

describe("correctness/unreachable-code", () => {
  it("flags a statement after return in the same block", () => {
    const findings = reviewSnippet(unreachableCode, "a.ts", `
+function total(items: number[]) {
+  return sum(items);
+  audit(items);
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, rule: "correctness/unreachable-code", confidence: 0.9 });
    expect(findings[0].message).toContain("`return` on line 2");
  });

  it("flags code after throw, break and continue", () => {
    expect(lines(`
+for (const x of xs) {
+  if (x) {
+    continue;
+    seen.add(x);
+  }
+  switch (x) {
+    case 1:
+      break;
+      handle(x);
+  }
+  throw new Error("no");
+  cleanup();
+}`)).toEqual([4, 9, 12]);
  });

  it("flags an added early return that cuts off existing code, on the return line", () => {
    expect(lines(`
 function f() {
+  return;
   doWork();
 }`)).toEqual([2]);
  });

  it("flags dead code after raise in Python", () => {
    expect(lines(`
+def f(x):
+    raise ValueError(x)
+    return x`, "a.py")).toEqual([3]);
  });

  it("ignores hoisted functions, type declarations and a defensive break after return", () => {
    expect(lines(`
+function f(kind: string) {
+  switch (kind) {
+    case "a":
+      return 1;
+      break;
+  }
+  return helper();
+  function helper() { return 2; }
+  type T = number;
+  interface I { a: T }
+}`)).toEqual([]);
  });

  it("ignores if/else branches that each return, and the Python empty-generator idiom", () => {
    expect(lines(`
+function g(a: boolean) {
+  if (a) return 1;
+  else return 2;
+}`)).toEqual([]);
    expect(lines(`
+def empty():
+    return
+    yield`, "a.py")).toEqual([]);
  });

  it("ignores one-line defs with trailing comments (a tree-sitter-python quirk)", () => {
    expect(lines(`
+def isascii(c): return 0 <= _ctoi(c) <= 127          # ?
+def isblank(c): return _ctoi(c) in (9, 32)`, "a.py")).toEqual([]);
  });

  it("ignores dead code the change only moves into a new wrapper", () => {
    expect(lines(`
-function f() {
-  return 1;
-  g();
-}
+export const api = {
+  f() {
+    return 1;
+    g();
+  },
+};`)).toEqual([]);
  });

  it("ignores dead code the change does not touch", () => {
    expect(lines(`
 function f() {
   return 1;
   g();
 }
+const x = 2;`)).toEqual([]);
  });
});
