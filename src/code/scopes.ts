import type { ParsedSource } from "./parse-source.js";
import { describeScope, isScopeType, type Scope, type ScopeNode } from "./scope-node.js";
import { lastLineOf } from "./node-names.js";
import { walkTree } from "./tree-walk.js";

export type { Scope, ScopeKind } from "./scope-node.js";

// Index of the first element >= value in an ascending array.
function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every scope whose span holds at least one of `sortedLines`, in document order (outer before
 * inner). Subtrees that hold none of the lines are skipped, so the cost follows the lines asked
 * for, not the file size.
 */
function collectScopes(source: ParsedSource, sortedLines: number[]): ScopeNode[] {
  const found: ScopeNode[] = [];
  walkTree(source.tree.rootNode, {
    enter(cursor) {
      const first = cursor.startPosition.row + 1;
      const i = lowerBound(sortedLines, first);
      if (i === sortedLines.length || sortedLines[i] > cursor.endPosition.row + 1) return false;
      // Keywords such as `class` and `lambda` are anonymous nodes sharing a scope node's type name.
      if (!cursor.nodeIsNamed || !isScopeType(cursor.nodeType)) return;
      const described = describeScope(cursor.currentNode, cursor.currentFieldName);
      if (described) found.push(described);
    },
  });
  return found;
}

/**
 * Scopes enclosing each of `lines` (1-based), computed in one pruned walk of the tree. Every
 * requested line is a key; lines in no scope map to []. Each list is innermost first: ordered by
 * start line, latest first. A line where one scope ends and a sibling starts (`}, () => {`) lists
 * both, the one starting there first. The file itself is not a scope.
 */
export function scopesForLines(source: ParsedSource, lines: Iterable<number>): Map<number, Scope[]> {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const scopes = collectScopes(source, sorted).map((s) => s.scope);
  const result = new Map<number, Scope[]>();
  // Sweep lines upward; `active` keeps the scopes started so far that still reach the line.
  let active: Scope[] = [];
  let next = 0;
  for (const line of sorted) {
    while (next < scopes.length && scopes[next].startLine <= line) active.push(scopes[next++]);
    active = active.filter((s) => s.endLine >= line);
    result.set(line, active.slice().reverse());
  }
  return result;
}

/** Scopes enclosing one line (1-based), innermost first; see {@link scopesForLines}. */
export function enclosingScopes(source: ParsedSource, line: number): Scope[] {
  return scopesForLines(source, [line]).get(line) ?? [];
}

const linesCache = new WeakMap<ParsedSource, string[]>();

function linesOf(source: ParsedSource): string[] {
  let lines = linesCache.get(source);
  if (!lines) {
    lines = source.text.split(/\r?\n/);
    linesCache.set(source, lines);
  }
  return lines;
}

// Removes the indentation all lines share, so a method's signature reads flush left.
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^\s*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common));
}

/**
 * The scope's heading for context display: its lines from the start up to where the body begins
 * (decorators, parameters and return type included), dedented, without trailing spaces. Falls
 * back to the scope's first line when the scope no longer matches the source's tree.
 */
export function scopeSignature(source: ParsedSource, scope: Scope): string {
  const match = collectScopes(source, [scope.startLine]).find(
    ({ scope: s }) => s.startLine === scope.startLine && s.endLine === scope.endLine && s.kind === scope.kind && s.name === scope.name,
  );
  let last = scope.startLine;
  const body = match?.definition.childForFieldName("body");
  if (body) {
    // The token before the body (`)`, `=>`, `:` in Python) closes the heading; JS braces sit on its line.
    const before = body.previousSibling;
    last = before ? lastLineOf(before) : body.startPosition.row + 1;
  }
  last = Math.min(Math.max(last, scope.startLine), scope.endLine);
  const heading = linesOf(source).slice(scope.startLine - 1, last).map((l) => l.trimEnd());
  return dedent(heading).join("\n");
}
