import type Parser from "tree-sitter";
import { buildChangeContext } from "../../../../src/review/file-context.js";
import type { FileContext } from "../../../../src/review/rule.js";
import { addedNodesOfType, hasChildStartingInAddedLines } from "../../../../src/review/reviewers/correctness/added-nodes.js";
import { fileFromSnippet, memoryRepo } from "../../../helpers/snippet.js";

function contextOf(path: string, snippet: string): FileContext {
  const { file, newText } = fileFromSnippet(path, snippet);
  return buildChangeContext({ files: [file] }, memoryRepo({ [path]: newText })).files[0];
}

/** What the index must reproduce: one tree-sitter search per run of added lines, merged. */
function searchEachRun(ctx: FileContext, types: string[]): Parser.SyntaxNode[] {
  const root = ctx.source!.tree.rootNode;
  const found = new Map<number, Parser.SyntaxNode>();
  for (const [first, last] of ctx.addedRanges) {
    for (const node of root.descendantsOfType(types, { row: first - 1, column: 0 }, { row: last - 1, column: 2 ** 31 - 1 })) {
      if (!found.has(node.id)) found.set(node.id, node);
    }
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
}

const spans = (nodes: Parser.SyntaxNode[]) => nodes.map((n) => `${n.type}@${n.startIndex}-${n.endIndex}`);

// Runs at the top, in the middle of nested blocks and at the end; a node spanning two runs; a
// statement and its call sharing a span (no semicolon); statements starting right after a run;
// text before the runs that is not ASCII.
const TS = `
 // Größe — 大きさ 🚀
 const label = "✓ done";
+if (ready = true) start();
 export class Queue {
   private items: number[] = [];
   push(x: number) {
+    if (x === NaN) return
+    this.items.push(x)
+    const note = "ok", other = 'x';
     for (const item of this.items) {
       console.log(item);
     }
+    while (this.items.length > 10) {
       this.items.shift();
+    }
   }
 }
 function tail() {
   return { a: 1,
+    b: 2 };
 }
+tail()
 tail();`;

const PY = `
 # Grüße 🐍
 class Store:
     def put(self, key, value={}):
+        if key == None:
+            return
         self.items[key] = value
+        assert (key, "message")
 
+d = {"a": 1, "a": 2}`;

describe("addedNodesOfType", () => {
  it.each([
    ["one indexed type", ["if_statement"], 2],
    ["a statement type and an expression type that share spans", ["expression_statement", "call_expression"], 6],
    ["statement lists, with the program itself", ["statement_block", "program", "class_body"], 5],
    ["a type the index does not hold", ["member_expression"], 4],
    ["an indexed and an unindexed type", ["binary_expression", "identifier"], 10],
    ["a type that never occurs", ["with_statement"], 0],
    ["the style rules' declarations and strings", ["method_definition", "variable_declarator", "string"], 5],
  ])("finds what a search per run finds in TypeScript: %s", (_name, types, count) => {
    const ctx = contextOf("src/queue.ts", TS);
    expect(spans(addedNodesOfType(ctx, types))).toEqual(spans(searchEachRun(ctx, types)));
    expect(addedNodesOfType(ctx, types)).toHaveLength(count);
  });

  it.each([
    [["comparison_operator"]],
    [["block", "module"]],
    [["dictionary", "assert_statement", "default_parameter"]],
    [["identifier"]],
  ])("finds what a search per run finds in Python: %j", (types) => {
    const ctx = contextOf("pkg/store.py", PY);
    expect(spans(addedNodesOfType(ctx, types))).toEqual(spans(searchEachRun(ctx, types)));
    expect(addedNodesOfType(ctx, types).length).toBeGreaterThan(0);
  });

  it("finds nothing in a file without added lines, and returns lists callers may change", () => {
    expect(addedNodesOfType(contextOf("src/a.ts", "\n const a = 1;\n-const b = 2;"), ["program"])).toEqual([]);
    const ctx = contextOf("src/queue.ts", TS);
    addedNodesOfType(ctx, "if_statement").pop();
    expect(addedNodesOfType(ctx, "if_statement")).toHaveLength(2);
  });

});

describe("hasChildStartingInAddedLines", () => {
  it("tells the statement lists with a child that starts on an added line from those merely around one", () => {
    const ctx = contextOf("src/queue.ts", TS);
    const answers = addedNodesOfType(ctx, ["program", "class_body", "statement_block"]).map((n) => [n.type, n.startPosition.row + 1, hasChildStartingInAddedLines(ctx, n)]);
    expect(answers).toEqual([
      ["program", 1, true], // `if (ready = true)` and `tail()` start on added lines
      ["class_body", 4, false], // the change is inside `push`, not among the members
      ["statement_block", 6, true], // `if (x === NaN)` …
      ["statement_block", 13, true], // the loop body's closing `}` is on an added line (tokens count too)
      ["statement_block", 18, false], // `return { a: 1,` starts above the added `b: 2 };`
    ]);
  });

  it("sees a child that starts on an added line right after one that reaches into it", () => {
    const ctx = contextOf("src/list.ts", "\n const list = [\n+  1,\n+]; done();\n const other = 2;");
    expect(hasChildStartingInAddedLines(ctx, ctx.source!.tree.rootNode)).toBe(true);
    const unchanged = contextOf("src/list.ts", "\n const list = [\n+  1,\n ]; done();");
    expect(hasChildStartingInAddedLines(unchanged, unchanged.source!.tree.rootNode)).toBe(false);
  });
});
