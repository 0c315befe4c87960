import type Parser from "tree-sitter";
import type { FileContext } from "../../rule.js";

type Node = Parser.SyntaxNode;

// Past the end of any line: tree-sitter compares points (row, column), and columns are uint32.
const LINE_END = 2 ** 31 - 1;

/**
 * The node types the correctness and style rules search the changed lines for. One walk per file
 * collects them all; a type outside this list still works, through a search of its own.
 */
export const INDEXED_TYPES: ReadonlySet<string> = new Set([
  // JavaScript / TypeScript
  "binary_expression",
  "call_expression",
  "new_expression",
  "expression_statement",
  "assignment_expression",
  "if_statement",
  "while_statement",
  "do_statement",
  "for_statement",
  "for_in_statement",
  "switch_body",
  "switch_case",
  "switch_default",
  "catch_clause",
  "class_body",
  "class_static_block",
  "object",
  "statement_block",
  "program",
  "debugger_statement",
  "string",
  "jsx_attribute",
  // ...declarations, for the naming convention
  "function_declaration",
  "generator_function_declaration",
  "class_declaration",
  "abstract_class_declaration",
  "interface_declaration",
  "type_alias_declaration",
  "enum_declaration",
  "method_definition",
  "variable_declarator",
  // Python
  "assert_statement",
  "call",
  "comparison_operator",
  "except_clause",
  "class_definition",
  "function_definition",
  "dictionary",
  "default_parameter",
  "typed_default_parameter",
  "block",
  "module",
]);

/** The nodes of the indexed types overlapping the added lines, and every type seen there. */
interface AddedIndex {
  /** Per type, the nodes and their places in the walk (document order, outer nodes first). */
  byType: Map<string, { nodes: Node[]; places: number[] }>;
  /** Types of all nodes overlapping an added line: a type never seen there has no nodes to find. */
  seen: Set<string>;
  /** The runs of added lines as text offsets: [start of the first row, start of the row after]. */
  runs: Array<[number, number]>;
}

const indexes = new WeakMap<FileContext, AddedIndex>();
// Node type names by grammar and symbol id: reading an id is cheaper than building its name.
const typeNames = new Map<string, string[]>();

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
 * The runs as text offsets: a node overlaps run [a, b] when it ends after the start of row a and
 * starts before the start of row b + 1 (the same test tree-sitter applies to points).
 */
function runOffsets(text: string, runs: Array<[number, number]>): Array<[number, number]> {
  const rowStarts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) rowStarts.push(at + 1);
  const startOf = (row: number) => (row < rowStarts.length ? rowStarts[row] : Infinity);
  return runs.map(([a, b]) => [startOf(a), startOf(b + 1)]);
}

/**
 * Collects, in one cursor walk, the indexed nodes overlapping the added lines. Subtrees that end
 * before the next run are skipped without reading their nodes, the walk stops after the last run,
 * and inside a node that lies strictly within a run (so all its descendants overlap it too) no
 * offsets are read: a change of 2,000 lines in 57 files reads ~19,000 nodes, about 10% of them.
 */
function buildIndex(ctx: FileContext): AddedIndex {
  const source = ctx.source;
  // node-tree-sitter offsets count UTF-16 code units, like the text's own indexes.
  const runs = source ? runOffsets(source.text, addedRuns(ctx)) : [];
  const index: AddedIndex = { byType: new Map(), seen: new Set(), runs };
  if (!source || !runs.length) return index;
  let names = typeNames.get(source.language);
  if (!names) typeNames.set(source.language, (names = []));
  const cursor = source.tree.walk();
  const record = () => {
    const id = cursor.nodeTypeId;
    let type = names[id];
    if (type === undefined) names[id] = type = cursor.nodeType;
    index.seen.add(type);
    if (!INDEXED_TYPES.has(type)) return;
    let list = index.byType.get(type);
    if (!list) index.byType.set(type, (list = { nodes: [], places: [] }));
    list.nodes.push(cursor.currentNode);
    list.places.push(place++);
  };
  let place = 0;
  let run = 0;
  let depth = 0;
  // Depth of the node strictly inside a run whose subtree the walk is in, or -1.
  let inside = -1;
  for (;;) {
    let descended: boolean;
    if (inside >= 0) {
      record();
      descended = cursor.gotoFirstChild();
    } else {
      const start = cursor.startIndex;
      // Runs wholly before this node cannot overlap it or anything after it in document order.
      while (run < runs.length && runs[run][1] <= start) run++;
      if (run === runs.length) break;
      const [runStart, runEnd] = runs[run];
      const end = cursor.endIndex;
      if (end > runStart) {
        record();
        if (start > runStart && end < runEnd) {
          inside = depth;
          descended = cursor.gotoFirstChild();
        } else {
          // Straight to the first child that reaches the run: the ones before it end too early.
          descended = cursor.gotoFirstChildForIndex(runStart) !== null;
        }
      } else {
        descended = false;
      }
    }
    if (descended) {
      depth++;
      continue;
    }
    // Next sibling, or the next sibling of the nearest ancestor that has one.
    for (;;) {
      if (inside === depth) inside = -1;
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) return index;
      depth--;
    }
  }
  return index;
}

/** The per-range search, for types the index does not hold. */
function searchRuns(ctx: FileContext, types: readonly string[]): Node[] {
  const root = ctx.source?.tree.rootNode;
  if (!root) return [];
  const seen = new Set<number>();
  const found: Node[] = [];
  for (const [start, end] of addedRuns(ctx)) {
    for (const node of root.descendantsOfType([...types], { row: start, column: 0 }, { row: end, column: LINE_END })) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      found.push(node);
    }
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * The nodes of the given types that overlap an added line, in document order: exactly the nodes
 * for which `ctx.touchesAdded` holds, without walking the parts of the file the change left alone
 * (a two-line change in a 5,000-line file visits a few dozen nodes, not all of them). The nodes of
 * every correctness and style rule come from one walk per file; each search of its own cost as
 * much again, and `FileContext.addedNodes` searches once per run of added lines.
 */
export function addedNodesOfType(ctx: FileContext, types: string | readonly string[]): Node[] {
  if (!ctx.source) return [];
  const list: readonly string[] = typeof types === "string" ? [types] : types;
  const index = indexOf(ctx);
  const parts: Array<{ nodes: Node[]; places: number[] }> = [];
  for (const type of list) {
    if (!index.seen.has(type)) continue;
    if (!INDEXED_TYPES.has(type)) return searchRuns(ctx, list);
    parts.push(index.byType.get(type)!);
  }
  if (parts.length <= 1) return parts.length ? [...parts[0].nodes] : [];
  // Each list is in walk order; merged by place, outer nodes stay before the nodes inside them.
  const merged: Node[] = [];
  const next = parts.map(() => 0);
  for (;;) {
    let best = -1;
    for (let k = 0; k < parts.length; k++) {
      if (next[k] < parts[k].places.length && (best < 0 || parts[k].places[next[k]] < parts[best].places[next[best]])) best = k;
    }
    if (best < 0) return merged;
    merged.push(parts[best].nodes[next[best]++]);
  }
}

function indexOf(ctx: FileContext): AddedIndex {
  let index = indexes.get(ctx);
  if (!index) indexes.set(ctx, (index = buildIndex(ctx)));
  return index;
}

/**
 * True when some child of `node` starts on an added line (an anonymous token counts too). Asks
 * natively for each run's first child instead of reading every child.
 */
export function hasChildStartingInAddedLines(ctx: FileContext, node: Node): boolean {
  const start = node.startIndex;
  const end = node.endIndex;
  for (const [runStart, runEnd] of indexOf(ctx).runs) {
    if (runEnd <= start) continue;
    if (runStart >= end) break;
    // The first child that reaches the run; the ones before it start (and end) before it.
    const child = node.firstChildForIndex(runStart);
    if (!child) continue;
    const first = child.startIndex;
    if (first >= runStart) {
      if (first < runEnd) return true;
      continue;
    }
    // That child began before the run; the next one starts after it ends.
    const next = child.nextSibling;
    if (next && next.startIndex < runEnd) return true;
  }
  return false;
}
