import type Parser from "tree-sitter";
import type { LanguageId } from "../../../code/languages.js";

type Node = Parser.SyntaxNode;

/** The languages that share tree-sitter-javascript's node names (TypeScript extends it). */
export const JS_LANGUAGES: LanguageId[] = ["javascript", "typescript", "tsx"];

const JS_FUNCTIONS = new Set([
  "function_declaration",
  "function_expression",
  "function",
  "generator_function_declaration",
  "generator_function",
  "arrow_function",
  "method_definition",
]);

const PY_FUNCTIONS = new Set(["function_definition", "lambda"]);

/** True for any node that starts a new function body (JS, TS or Python). */
export function isFunctionNode(node: Node): boolean {
  return JS_FUNCTIONS.has(node.type) || PY_FUNCTIONS.has(node.type);
}

// For a node that is not a function: the innermost function containing it (null at top level).
// Statements of one block share the answer, so most lookups stop at the first parent.
const functionAbove = new WeakMap<Node, Node | null>();

/** The innermost function that contains the node (the node itself excluded). */
export function enclosingFunction(node: Node): Node | undefined {
  const passed: Node[] = [];
  let found: Node | null = null;
  for (let n = node.parent; n; n = n.parent) {
    const known = functionAbove.get(n);
    if (known !== undefined) {
      found = known;
      break;
    }
    if (isFunctionNode(n)) {
      found = n;
      break;
    }
    passed.push(n);
  }
  for (const n of passed) functionAbove.set(n, found);
  return found ?? undefined;
}

// Rules ask about the same enclosing function for every statement in it; node wrappers are
// shared per tree, so a weak map keyed by them answers repeats without a native call.
const asyncFunctions = new WeakMap<Node, boolean>();

/** True when a function node carries the `async` keyword (JS/TS and Python alike). */
export function isAsyncFunction(fn: Node): boolean {
  let known = asyncFunctions.get(fn);
  if (known !== undefined) return known;
  known = false;
  // The keyword is an anonymous child; a parameter or body named `async` is a named identifier.
  // A cursor reads the children's kinds without building a wrapper for each.
  const cursor = fn.walk();
  if (cursor.gotoFirstChild()) {
    do {
      if (!cursor.nodeIsNamed && cursor.nodeType === "async") {
        known = true;
        break;
      }
    } while (cursor.gotoNextSibling());
  }
  asyncFunctions.set(fn, known);
  return known;
}

/**
 * Every descendant of `root` whose type is in `types`, without entering nested functions: what
 * those do runs at another time, so it says nothing about the enclosing body's control flow.
 */
export function descendantsInSameFunction(root: Node, types: ReadonlySet<string>): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (types.has(child.type)) found.push(child);
      if (!isFunctionNode(child)) visit(child);
    }
  };
  visit(root);
  return found;
}

/** Strips any number of parentheses around an expression. */
export function unwrapParens(node: Node): Node {
  let n = node;
  while (n.type === "parenthesized_expression" && n.namedChildCount === 1) n = n.namedChildren[0];
  return n;
}

/** Statement-list children of a block, without comments (tree-sitter keeps comments as extras). */
export function statementsOf(block: Node): Node[] {
  return block.namedChildren.filter((c) => c.type !== "comment");
}

/**
 * True when the line right above the node is a comment (`//`, `#`, or the end of a block
 * comment). Read from the text because grammars attach such comments to different parents.
 */
export function hasCommentAbove(text: string, node: Node): boolean {
  // node-tree-sitter indexes count UTF-16 code units, like String.prototype.slice.
  const lineStart = text.lastIndexOf("\n", node.startIndex - 1);
  if (lineStart <= 0) return false;
  const previous = text.slice(text.lastIndexOf("\n", lineStart - 1) + 1, lineStart).trim();
  return previous.startsWith("//") || previous.startsWith("#") || previous.endsWith("*/");
}
