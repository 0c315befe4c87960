import { loopCounterMixup } from "../../../../src/review/reviewers/correctness/loop-counter-mixup.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string) => reviewSnippet(loopCounterMixup, "a.js", snippet).map((f) => f.line);

describe("correctness/loop-counter-mixup", () => {
  it("flags an inner loop that re-assigns the outer counter", () => {
    const findings = reviewSnippet(loopCounterMixup, "a.ts", `
+for (let i = 0; i < rows.length; i++) {
+  for (i = 0; i < cols.length; i++) {
+    cell(rows[i], cols[i]);
+  }
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, confidence: 0.85, rule: "correctness/loop-counter-mixup" });
    expect(findings[0].message).toContain("reuses `i`");
  });

  it("flags a nested `var` with the same name (one function-scoped variable)", () => {
    expect(lines(`
+for (var i = 0; i < n; i++) {
+  for (var i = 0; i < m; i++) {}
+}`)).toEqual([2]);
  });

  it("flags an inner loop updating or testing the outer counter instead of its own", () => {
    const findings = reviewSnippet(loopCounterMixup, "a.js", `
+for (let i = 0; i < n; i++) {
+  for (let j = 0; j < m; i++) grid[i][j] = 0;
+  for (let k = 0; i < m; k++) grid[i][k] = 1;
+}`);
    expect(findings.map((f) => f.line)).toEqual([2, 3]);
    expect(findings[0].message).toContain("updates `i`");
    expect(findings[1].message).toContain("tests `i`");
  });

  it("ignores properly nested loops and a shadowing `let`", () => {
    expect(lines(`
+for (let i = 0; i < n; i++) {
+  for (let j = 0; j < m; j++) grid[i][j] = 0;
+  for (let i = 0; i < 3; i++) retry();
+  for (let j = i; j < n; j++) pair(i, j);
+}`)).toEqual([]);
  });

  it("ignores loops inside callbacks and the skip-ahead idiom in the body", () => {
    expect(lines(`
+for (let i = 0; i < args.length; i++) {
+  if (args[i] === "-o") out = args[++i];
+  items.forEach(() => { for (i = 0; i < 2; i++) {} });
+}`)).toEqual([]);
  });
});
