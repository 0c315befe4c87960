import type { FileContext } from "../../rule.js";
import type { SyntaxNode } from "./js-syntax.js";

const END_OF_LINE = 1 << 30;

// Every node type the security rules look for on added lines. One walk of the changed ranges
// for all of them costs about what a walk for one type does, so the rules share it.
const JS_ADDED_TYPES = [
  "assignment_expression",
  "augmented_assignment_expression",
  "call_expression",
  "new_expression",
  "regex",
  "string",
  "template_string",
  "pair",
  "jsx_attribute",
];
const PY_ADDED_TYPES = ["call", "assignment", "string"];
const addedCache = new WeakMap<FileContext, Map<string, SyntaxNode[]>>();

/**
 * Like `ctx.addedNodes(types)` (new-side nodes overlapping an added line, in document order), but
 * served from one shared search for every type the security rules use.
 */
export function addedNodesOf(ctx: FileContext, types: string | string[]): SyntaxNode[] {
  const list = typeof types === "string" ? [types] : types;
  const shared = ctx.source?.language === "python" ? PY_ADDED_TYPES : JS_ADDED_TYPES;
  if (!list.every((t) => shared.includes(t))) return ctx.addedNodes(list);
  let byKey = addedCache.get(ctx);
  if (!byKey) addedCache.set(ctx, (byKey = new Map()));
  const key = list.join(",");
  let nodes = byKey.get(key);
  if (!nodes) {
    const wanted = new Set(list);
    nodes = ctx.addedNodes(shared).filter((n) => wanted.has(n.type));
    byKey.set(key, nodes);
  }
  return nodes;
}
const lineStartsCache = new WeakMap<FileContext, number[]>();

/** Offsets in `ctx.newText` where each new-side line starts (0-based rows). */
function lineStartsOf(ctx: FileContext): number[] {
  let starts = lineStartsCache.get(ctx);
  if (!starts) {
    starts = [0];
    const text = ctx.newText;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    lineStartsCache.set(ctx, starts);
  }
  return starts;
}

/** The 0-based row holding a text offset. */
function rowAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 0-based rows of new-side lines whose text matches `pattern` (which must not span lines), ascending. */
export function rowsMatching(ctx: FileContext, pattern: RegExp): number[] {
  const starts = lineStartsOf(ctx);
  const rows: number[] = [];
  // One scan of the whole text is much cheaper than one regex call per line.
  const scan = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, "") + "g");
  let match: RegExpExecArray | null;
  while ((match = scan.exec(ctx.newText))) {
    const row = rowAt(starts, match.index);
    rows.push(row);
    // One hit per line is enough: continue on the next line.
    scan.lastIndex = row + 1 < starts.length ? starts[row + 1] : ctx.newText.length + 1;
  }
  return rows;
}

/**
 * New-side nodes of `types` that overlap a line whose text matches `pattern`, in document order,
 * each once. A text scan is far cheaper than walking the whole tree, so rules whose sinks are
 * named (`exec`, `.query(`) use it to find unchanged sinks fed by added code.
 */
export function nodesOnMatchingLines(ctx: FileContext, pattern: RegExp, types: string | string[]): SyntaxNode[] {
  const root = ctx.source?.tree.rootNode;
  if (!root) return [];
  return nodesOnRows(root, rowsMatching(ctx, pattern), types);
}

/** Nodes of `types` overlapping any of the (0-based, ascending) rows, deduplicated, in document order. */
export function nodesOnRows(root: SyntaxNode, rows: readonly number[], types: string | string[]): SyntaxNode[] {
  const list = typeof types === "string" ? [types] : types;
  const found: SyntaxNode[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; ) {
    let last = rows[i];
    let j = i + 1;
    while (j < rows.length && rows[j] === last + 1) last = rows[j++];
    for (const node of root.descendantsOfType(list, { row: rows[i], column: 0 }, { row: last, column: END_OF_LINE })) {
      // A node spanning two runs is found once per run.
      const id = `${node.startIndex}:${node.endIndex}:${node.type}`;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(node);
    }
    i = j;
  }
  return found.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** A regex source for any of the names, as whole words (names are escaped). */
export function wordsPattern(names: Iterable<string>): RegExp | undefined {
  const escaped = [...new Set(names)].filter(Boolean).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return escaped.length ? new RegExp(`(?<![\\w$])(?:${escaped.join("|")})(?![\\w$])`) : undefined;
}
