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

/** The innermost function that contains the node (the node itself excluded). */
export function enclosingFunction(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionNode(n)) return n;
  return undefined;
}

/** True when a function node carries the `async` keyword (JS/TS and Python alike). */
export function isAsyncFunction(fn: Node): boolean {
  // The keyword is an anonymous child; a parameter or body named `async` is a named identifier.
  return fn.children.some((child) => !child.isNamed && child.type === "async");
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
