import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { codeSnippet, isNewCode, rangeOf } from "./report-range.js";
import { enclosingFunction, isFunctionNode } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

const ASSIGNMENTS = new Set(["assignment_expression", "augmented_assignment_expression", "assignment", "augmented_assignment"]);
const LOOPS = new Set(["for_statement", "for_in_statement", "while_statement", "do_statement"]);
const DECLARATIONS = new Set(["variable_declarator", "function_declaration", "class_declaration", "formal_parameters", "parameters"]);

/** The last assignment to `name` in the body, when the body never reads the value it stores. */
function deadStore(body: Node, name: string): Node | undefined {
  // `{ x }` reads x too (shorthand property).
  const uses = body.descendantsOfType(["identifier", "shorthand_property_identifier"]).filter((id) => id.text === name);
  const fn = enclosingFunction(body)?.id;
  let lastWrite: Node | undefined;
  for (const id of uses) {
    const parent = id.parent;
    if (!parent) return undefined;
    // A new binding of the same name in the body, or a use inside a closure: too clever to judge.
    if (DECLARATIONS.has(parent.type) || enclosingFunction(id)?.id !== fn) return undefined;
    if (ASSIGNMENTS.has(parent.type) && parent.childForFieldName("left")?.id === id.id) {
      if (!lastWrite || parent.startIndex > lastWrite.startIndex) lastWrite = parent;
    }
  }
  if (!lastWrite) return undefined;
  const write = lastWrite;
  // Inside an inner loop, reads that come earlier in the text run again after the write.
  for (let n = write.parent; n && n.id !== body.id; n = n.parent) if (LOOPS.has(n.type)) return undefined;
  // Any read after the write (outside its own right-hand side) uses the stored value.
  const readAfter = uses.some((id) => id.startIndex >= write.endIndex);
  return readAfter ? undefined : write;
}

/** Python keeps the loop variable after the loop, so a read further down uses the last value. */
function usedAfterLoop(loop: Node, name: string): boolean {
  const scope = enclosingFunction(loop)?.childForFieldName("body") ?? loop.tree.rootNode;
  return scope.descendantsOfType("identifier").some((id) => id.startIndex >= loop.endIndex && id.text === name);
}

/** `for (let x of xs) { x = f(x); }`: the new value is never read, and `xs` does not change. */
export const loopVariableDeadStore: Rule = {
  meta: {
    id: "correctness/loop-variable-dead-store",
    category: "correctness",
    severity: "warning",
    confidence: 0.85,
    rationale: "Assigning to a for-of/for-in loop variable changes a local copy, not the collection; a value nobody reads afterwards is lost.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx: FileContext) {
    const python = ctx.source!.language === "python";
    for (const loop of addedNodesOfType(ctx, python ? "for_statement" : "for_in_statement")) {
      const variable = loop.childForFieldName("left");
      const collection = loop.childForFieldName("right");
      const body = loop.childForFieldName("body");
      if (variable?.type !== "identifier" || !collection || !body || loop.hasError || isFunctionNode(body)) continue;
      const write = deadStore(body, variable.text);
      if (!write || !ctx.addedLines.has(startLineOf(write))) continue;
      if (python && usedAfterLoop(loop, variable.text)) continue;
      if (!isNewCode(ctx, write)) continue;
      const name = variable.text;
      ctx.report({
        ...rangeOf(write),
        message:
          `\`${codeSnippet(write)}\` assigns to the loop variable, and nothing reads \`${name}\` afterwards: the value is lost and ` +
          `\`${codeSnippet(collection, 40)}\` is unchanged. To update the collection, write to it by index, or build a new one ` +
          (python ? "(a list comprehension)." : "(`.map(...)`)."),
      });
    }
  },
};
