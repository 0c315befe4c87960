import { loopVariableDeadStore } from "../../../../src/review/reviewers/correctness/loop-variable-dead-store.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string, path = "a.ts") => reviewSnippet(loopVariableDeadStore, path, snippet).map((f) => f.line);

describe("correctness/loop-variable-dead-store", () => {
  it("flags assigning to a for-of variable that nothing reads afterwards", () => {
    const findings = reviewSnippet(loopVariableDeadStore, "a.ts", `
+for (let price of prices) {
+  price = Math.round(price * 100) / 100;
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, confidence: 0.85, rule: "correctness/loop-variable-dead-store" });
    expect(findings[0].message).toContain("`prices` is unchanged");
  });

  it("flags compound assignments and for-in loops", () => {
    expect(lines(`
+for (var key in table) {
+  log(key);
+  key += "_old";
+}`, "a.js")).toEqual([3]);
  });

  it("flags Python loops whose variable is not used after the loop either", () => {
    expect(lines(`
+def clean(lines):
+    for line in lines:
+        line = line.strip()
+    return lines`, "a.py")).toEqual([3]);
  });

  it("ignores an assigned value that the body reads later", () => {
    expect(lines(`
+for (let line of lines) {
+  line = line.trim();
+  if (!line) continue;
+  out.push({ line });
+}
+for (let x of xs) {
+  x = normalize(x);
+  send(x);
+}`)).toEqual([]);
  });

  it("ignores shadowing, closures, destructuring and index writes", () => {
    expect(lines(`
+for (let x of xs) {
+  { let x = 1; x = 2; }
+}
+for (let y of ys) {
+  later(() => { y = 0; });
+}
+for (const [k, v] of pairs) {
+  map[k] = v;
+}
+for (let i = 0; i < a.length; i++) {
+  a[i] = a[i] * 2;
+}`)).toEqual([]);
  });

  it("ignores writes inside an inner loop, whose earlier reads run again", () => {
    expect(lines(`
+def walk(traversal, fixers):
+    for node in traversal:
+        for fixer in fixers:
+            if fixer.match(node):
+                node = fixer.transform(node)`, "a.py")).toEqual([]);
  });

  it("ignores Python loop variables read after the loop", () => {
    expect(lines(`
+def last(items):
+    for item in items:
+        item = item.lower()
+    return item`, "a.py")).toEqual([]);
  });
});
