import type { DiffFile, DiffModel, LineKind, Side } from "./diff-model.js";

/** Where a review comment would go: one line, or `startLine..line`, on one side of a file. */
export interface Anchor {
  side: Side;
  line: number;
  startLine?: number;
}

export type AnchorCheck = { ok: true } | { ok: false; reason: string };

interface SideMap {
  /** Line number → index of the hunk it is shown in, and its kind. */
  lines: Map<number, { hunk: number; kind: LineKind }>;
  /** Each hunk's first and last line on this side, in line order (hunks with none left out). */
  spans: { first: number; last: number; hunk: number }[];
}

interface FileLineMap {
  LEFT: SideMap;
  RIGHT: SideMap;
}

// DiffFiles are never mutated after parsing, so a file's map can be built once and shared.
const maps = new WeakMap<DiffFile, FileLineMap>();

function emptySide(): SideMap {
  return { lines: new Map(), spans: [] };
}

/** Records a line on a side, widening its hunk's span (hunk lines are in order on each side). */
function addLine(side: SideMap, line: number, hunk: number, kind: LineKind): void {
  side.lines.set(line, { hunk, kind });
  const span = side.spans[side.spans.length - 1];
  if (span && span.hunk === hunk) {
    span.first = Math.min(span.first, line);
    span.last = Math.max(span.last, line);
  } else {
    side.spans.push({ first: line, last: line, hunk });
  }
}

function lineMapOf(file: DiffFile): FileLineMap {
  const cached = maps.get(file);
  if (cached) return cached;
  const map: FileLineMap = { LEFT: emptySide(), RIGHT: emptySide() };
  file.hunks.forEach((hunk, index) => {
    for (const line of hunk.lines) {
      // GitHub shows deleted and context lines on the LEFT, added and context lines on the RIGHT.
      if (line.oldLine !== undefined && line.kind !== "add") addLine(map.LEFT, line.oldLine, index, line.kind);
      if (line.newLine !== undefined && line.kind !== "del") addLine(map.RIGHT, line.newLine, index, line.kind);
    }
  });
  // Models built by hand (tests, the App) may list hunks out of order.
  for (const side of [map.LEFT, map.RIGHT]) side.spans.sort((a, b) => a.first - b.first);
  maps.set(file, map);
  return map;
}

const fail = (reason: string): AnchorCheck => ({ ok: false, reason });

/**
 * Decides whether GitHub accepts a review comment at `anchor` on `file`: the line must be shown
 * in a hunk on that side (RIGHT: added or context lines by new number; LEFT: deleted or context
 * lines by old number), and a range must lie within one hunk. A range with `startLine === line`
 * is accepted as a single line; the poster should then omit `start_line`, which GitHub wants to
 * precede `line`. Reasons are one line, meant for the summary and the logs.
 */
export function checkAnchor(file: DiffFile, anchor: Anchor): AnchorCheck {
  const { side, line } = anchor;
  const start = anchor.startLine ?? line;
  if (file.binary) return fail(`${file.path} is binary: it has no lines to comment on`);
  if (!Number.isInteger(line) || line < 1 || !Number.isInteger(start) || start < 1) {
    return fail(`line ${anchor.startLine !== undefined ? `${start}-` : ""}${line} is not a valid line number`);
  }
  if (start > line) return fail(`start line ${start} comes after line ${line}`);
  const map = lineMapOf(file)[side];
  const end = map.lines.get(line);
  const first = map.lines.get(start);
  if (!end || !first) {
    const missing = end ? start : line;
    const near = nearestAnchorableLine(file, side, missing);
    const hint = near === undefined ? "" : ` (nearest commentable line: ${near})`;
    return fail(`line ${missing} of ${file.path} is not in the diff on the ${side} side${hint}`);
  }
  if (first.hunk !== end.hunk) return fail(`lines ${start}-${line} of ${file.path} span more than one hunk`);
  return { ok: true };
}

/**
 * The commentable line on `side` closest to `line` (itself when commentable), for moving a
 * finding that points just outside a hunk onto it; ties go to the earlier line. Undefined when
 * the side has no lines, or the closest is further than `maxDistance`.
 */
export function nearestAnchorableLine(file: DiffFile, side: Side, line: number, options: { maxDistance?: number } = {}): number | undefined {
  if (file.binary) return undefined;
  const map = lineMapOf(file)[side];
  if (map.lines.has(line)) return line;
  let best: number | undefined;
  // A hunk's lines are contiguous on each side, so the nearest line is a span's end or inside it.
  for (const span of map.spans) {
    const candidate = line < span.first ? span.first : line > span.last ? span.last : line;
    if (best === undefined || Math.abs(candidate - line) < Math.abs(best - line)) best = candidate;
  }
  if (best === undefined || !map.lines.has(best)) return undefined;
  const limit = options.maxDistance ?? Infinity;
  return Math.abs(best - line) <= limit ? best : undefined;
}

/**
 * True when a ```suggestion block on `startLine..line` (RIGHT) replaces exactly the lines the
 * change added: every line of the range is an added line of one hunk. A suggestion over context
 * lines would rewrite code the author did not touch.
 */
export function isSuggestionExact(file: DiffFile, startLine: number, line: number): boolean {
  if (file.binary || !Number.isInteger(startLine) || !Number.isInteger(line) || startLine > line || startLine < 1) return false;
  const map = lineMapOf(file).RIGHT;
  if (line - startLine + 1 > file.additions) return false;
  const hunk = map.lines.get(startLine)?.hunk;
  for (let n = startLine; n <= line; n++) {
    const entry = map.lines.get(n);
    if (!entry || entry.kind !== "add" || entry.hunk !== hunk) return false;
  }
  return true;
}

/** Anchor lookups over a whole change, by path. */
export interface AnchorIndex {
  /** The file at `path` (its new path; the old one for deleted files). */
  file(path: string): DiffFile | undefined;
  check(path: string, anchor: Anchor): AnchorCheck;
  /** The reason an anchor is rejected, or undefined when GitHub will accept it. */
  problem(path: string, anchor: Anchor): string | undefined;
  nearest(path: string, side: Side, line: number, options?: { maxDistance?: number }): number | undefined;
}

/**
 * Indexes a change for many anchor lookups: a path lookup, then a line-map lookup built once per
 * file on first use, so each check costs O(1) (O(range) for isSuggestionExact). When a path
 * appears twice, the first file wins, as it would on GitHub's file list.
 */
export function buildAnchorIndex(model: DiffModel): AnchorIndex {
  const byPath = new Map<string, DiffFile>();
  for (const file of model.files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  const check = (path: string, anchor: Anchor): AnchorCheck => {
    const file = byPath.get(path);
    return file ? checkAnchor(file, anchor) : fail(`${path} is not part of the diff`);
  };
  return {
    file: (path) => byPath.get(path),
    check,
    problem(path, anchor) {
      const result = check(path, anchor);
      return result.ok ? undefined : result.reason;
    },
    nearest(path, side, line, options) {
      const file = byPath.get(path);
      return file ? nearestAnchorableLine(file, side, line, options) : undefined;
    },
  };
}
