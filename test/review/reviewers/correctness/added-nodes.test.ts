import type Parser from "tree-sitter";
import { buildChangeContext } from "../../../../src/review/file-context.js";
import type { FileContext } from "../../../../src/review/rule.js";
import { addedNodesOfType } from "../../../../src/review/reviewers/correctness/added-nodes.js";
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
