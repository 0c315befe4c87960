import type { FileContext } from "../../rule.js";
import type { SyntaxNode } from "./js-syntax.js";

/**
 * The line to anchor a finding about `node` on: `preferred`'s first line when the change adds
 * it, else the first added line inside `node`, else `node`'s first line. Comments on added
 * lines are the ones GitHub always accepts and authors read.
 */
export function anchorLine(ctx: FileContext, node: SyntaxNode, preferred: SyntaxNode = node): number {
  const wanted = preferred.startPosition.row + 1;
  if (ctx.addedLines.has(wanted)) return wanted;
  for (let line = node.startPosition.row + 1; line <= node.endPosition.row + 1; line++) if (ctx.addedLines.has(line)) return line;
  return node.startPosition.row + 1;
}

/** The first added line among the nodes' ranges, or undefined when none of them is added. */
export function firstAddedLine(ctx: FileContext, nodes: Array<SyntaxNode | undefined>): number | undefined {
  for (const node of nodes) {
    if (!node) continue;
    for (let line = node.startPosition.row + 1; line <= node.endPosition.row + 1; line++) if (ctx.addedLines.has(line)) return line;
  }
  return undefined;
}

/** Shortens code for a message: one line, at most `max` characters. */
export function excerpt(code: string, max = 60): string {
  const flat = code.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
