import type Parser from "tree-sitter";
import type { FileContext } from "../../rule.js";

type Node = Parser.SyntaxNode;

// Past the end of any line: tree-sitter compares points (row, column), and columns are uint32.
const LINE_END = 2 ** 31 - 1;

/** Runs of consecutive added lines, as 0-based [startRow, endRow] pairs. */
function addedRuns(ctx: FileContext): Array<[number, number]> {
  const lines = [...ctx.addedLines].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last && line - 1 === last[1] + 1) last[1] = line - 1;
    else runs.push([line - 1, line - 1]);
  }
  return runs;
}

/**
 * The nodes of the given types that overlap an added line, in document order: exactly the nodes
 * for which `ctx.touchesAdded` holds, without walking the parts of the file the change left alone
 * (a two-line change in a 5,000-line file visits a few dozen nodes, not all of them).
 */
export function addedNodesOfType(ctx: FileContext, types: string | string[]): Node[] {
  const root = ctx.source?.tree.rootNode;
  if (!root) return [];
  const seen = new Set<number>();
  const found: Node[] = [];
  for (const [start, end] of addedRuns(ctx)) {
    for (const node of root.descendantsOfType(types, { row: start, column: 0 }, { row: end, column: LINE_END })) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      found.push(node);
    }
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}
