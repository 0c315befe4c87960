import type Parser from "tree-sitter";
import { endLineOf, startLineOf } from "../../../code/parse-source.js";
import type { FileContext } from "../../rule.js";

type Node = Parser.SyntaxNode;

/** The `{startLine, line}` pair that covers a node (startLine only when it spans lines). */
export function rangeOf(node: Node): { line: number; startLine?: number } {
  const start = startLineOf(node);
  const end = endLineOf(node);
  return end > start ? { line: end, startLine: start } : { line: start };
}

/** The first of the nodes that touches an added line: where a finding about them is anchored. */
export function firstAdded(ctx: FileContext, nodes: Array<Node | null | undefined>): Node | undefined {
  return nodes.find((n): n is Node => !!n && ctx.touchesAdded(n));
}

/**
 * The new text of the node's line with the node replaced, for a committable suggestion.
 * Undefined unless the node sits on one line and that line is added: a suggestion replaces the
 * commented lines whole, and we only ever rewrite lines the author wrote in this change.
 */
export function lineWithReplacement(ctx: FileContext, node: Node, replacement: string): string | undefined {
  const row = node.startPosition.row;
  if (node.endPosition.row !== row || !ctx.addedLines.has(row + 1)) return undefined;
  const line = ctx.newText.split(/\r?\n/)[row];
  if (line === undefined) return undefined;
  // node-tree-sitter columns count UTF-16 code units, like String.prototype.slice.
  return line.slice(0, node.startPosition.column) + replacement + line.slice(node.endPosition.column);
}

/** A node's code on one line, shortened for a message. */
export function codeSnippet(node: Node, max = 60): string {
  const text = node.text.replace(/\s+/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const squash = (text: string) => text.replace(/\s+/g, " ");

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

const squashed = new WeakMap<FileContext, { newText: string; oldText: string }>();

/** The file's new and old text with whitespace runs squashed, once per file for every rule. */
function squashedTexts(ctx: FileContext): { newText: string; oldText: string } {
  let texts = squashed.get(ctx);
  if (!texts) squashed.set(ctx, (texts = { newText: squash(ctx.newText), oldText: squash(ctx.oldText) }));
  return texts;
}

/**
 * True when the change adds a new copy of the code from `from` through `to` rather than
 * re-indenting or moving an existing one: the new file holds more copies of it (whitespace aside)
 * than the old file did. A finding about code the author only moved belongs to whoever wrote it.
 */
export function isNewCode(ctx: FileContext, from: Node, to: Node = from): boolean {
  if (!ctx.oldText) return true;
  // The tree was parsed from newText, and node indexes count UTF-16 code units like slice.
  const code = squash(ctx.newText.slice(from.startIndex, to.endIndex)).trim();
  if (!code) return true;
  const texts = squashedTexts(ctx);
  return countOccurrences(texts.newText, code) > countOccurrences(texts.oldText, code);
}
