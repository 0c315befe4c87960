import { commentedOutCode } from "../../../../src/review/reviewers/style/commented-out-code.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("style/commented-out-code", () => {
  it("flags three added comment lines that parse as code", () => {
    const findings = reviewSnippet(commentedOutCode, "src/a.ts", `
 export function f(items: string[]) {
+  // const seen = new Set<string>();
+  // for (const item of items) {
+  //   seen.add(item);
+  // }
   return items;
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ startLine: 2, line: 5, rule: "style/commented-out-code", severity: "suggestion", confidence: 0.4 });
  });

  it("flags commented-out Python, keeping its indentation", () => {
    const findings = reviewSnippet(commentedOutCode, "pkg/a.py", `
 def f(items):
+    # result = []
+    # for item in items:
+    #     result.append(item)
     return items`);
    expect(findings.map((f) => [f.startLine, f.line])).toEqual([[2, 4]]);
  });

  it("ignores prose, labels, doc examples and short runs", () => {
    expect(reviewSnippet(commentedOutCode, "src/a.ts", `
+// The cache is keyed by path because
+// two files can share a name; see
+// https://example.com/issue/1 for the details.
+//
+// Usage:
+//   const c = new Cache();
+//   c.get("a");
+//
+// TODO: remove
+// once the migration is done
+// and nothing reads it
+//
+// const old = compute();
+// old.run();
+const x = 1;`)).toEqual([]);
  });

  it("ignores lone words, Python prose and unchanged comments", () => {
    expect(reviewSnippet(commentedOutCode, "src/a.js", `
+// foo
+// bar
+// baz`)).toEqual([]);
    expect(reviewSnippet(commentedOutCode, "pkg/a.py", `
+# Returns the parsed value, or None
+# when the input is empty. print this
+# type: ignore
 # x = compute()
 # y = x + 1
 # z = y * 2
+a = 1`)).toEqual([]);
  });

  it("ignores tool directives that happen to parse as annotated assignments", () => {
    expect(reviewSnippet(commentedOutCode, "pkg/a.py", `
+# pylint: disable=unused-import
+# mypy: strict=True
+# ruff: noqa=E501
+import os`)).toEqual([]);
  });

  it("splits runs at empty comment lines", () => {
    const findings = reviewSnippet(commentedOutCode, "src/a.js", `
+// Explains the block below, in words.
+//
+// run(a);
+// run(b);
+// run(c);`);
    expect(findings.map((f) => [f.startLine, f.line])).toEqual([[3, 5]]);
  });
});
