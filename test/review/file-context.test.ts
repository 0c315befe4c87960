import type { DiffFile } from "../../src/diff/diff-model.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";
import { buildChangeContext, reconstructNewSide, reverseApply, splitLines, toRanges } from "../../src/review/file-context.js";
import { memoryRepo } from "../helpers/snippet.js";

const OLD = ["a", "b", "c", "d", "e", "f", "g", "h"];
const NEW = ["a", "B", "c", "d", "e", "f", "f2", "g", "h"];
const DIFF = `diff --git a/x.js b/x.js
--- a/x.js
+++ b/x.js
@@ -1,3 +1,3 @@
 a
-b
+B
 c
@@ -6,2 +6,3 @@
 f
+f2
 g
`;

function fileOf(diff: string): DiffFile {
  return parseUnifiedDiff(diff).files[0];
}

describe("file context", () => {
  it("reverse-applies a diff to the new text to recover the old text", () => {
    expect(reverseApply(fileOf(DIFF), NEW)).toEqual(OLD);
  });

  it("reverse-applies pure deletions (hunks with zero new lines)", () => {
    const diff = "--- a/x.js\n+++ b/x.js\n@@ -2,2 +1,0 @@\n-b\n-c\n";
    expect(reverseApply(fileOf(diff), ["a", "d"])).toEqual(["a", "b", "c", "d"]);
  });

  it("reconstructs the new side from hunks, keeping line numbers", () => {
    expect(reconstructNewSide(fileOf(DIFF))).toEqual(["a", "B", "c", "", "", "f", "f2", "g"]);
  });

  it("splits LF and CRLF text without a phantom last line", () => {
    expect(splitLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
  });

  it("groups line numbers into ranges", () => {
    expect(toRanges(new Set([7, 1, 2, 3, 9, 8]))).toEqual([
      [1, 3],
      [7, 9],
    ]);
  });

  it("uses the repository's text when it matches the diff, and the hunks when it does not", () => {
    const good = buildChangeContext(parseUnifiedDiff(DIFF), memoryRepo({ "x.js": NEW.join("\n") + "\n" })).files[0];
    expect(good.complete).toBe(true);
    expect(good.oldText).toBe(OLD.join("\n") + "\n");
    const stale = buildChangeContext(parseUnifiedDiff(DIFF), memoryRepo({ "x.js": "something else\n" })).files[0];
    expect(stale.complete).toBe(false);
    expect(stale.newText.split("\n")[6]).toBe("f2");
  });

  it("finds nodes on added and deleted lines only, each once", () => {
    const diff = `--- a/y.js
+++ b/y.js
@@ -1,4 +1,5 @@
 function f() {
-  old();
+  one();
   keep();
+  two(three());
 }
`;
    const text = "function f() {\n  one();\n  keep();\n  two(three());\n}\n";
    const ctx = buildChangeContext(parseUnifiedDiff(diff), memoryRepo({ "y.js": text })).files[0];
    expect(ctx.addedRanges).toEqual([
      [2, 2],
      [4, 4],
    ]);
    expect(ctx.addedNodes("call_expression").map((n) => n.text)).toEqual(["one()", "two(three())", "three()"]);
    // The enclosing function overlaps both ranges but is listed once.
    expect(ctx.addedNodes(["function_declaration"]).length).toBe(1);
    expect(ctx.deletedNodes("call_expression").map((n) => n.text)).toEqual(["old()"]);
    expect(ctx.oldSource?.text).toContain("old();");
  });
});
