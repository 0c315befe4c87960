import type Parser from "tree-sitter";
import type { DiffFile, DiffModel } from "../diff/diff-model.js";
import { parseSource, type ParsedSource } from "../code/parse-source.js";
import { runToEnd, type Steps } from "./cooperative.js";
import type { ChangeContext, FileContext, RawFinding, RepoReader } from "./rule.js";

/** Splits text into lines, accepting LF and CRLF; a trailing newline does not make an extra line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** True when every added/context line of the diff matches the given new-side lines. */
export function matchesNewSide(file: DiffFile, newLines: string[]): boolean {
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === undefined) continue;
      const actual = newLines[line.newLine - 1];
      if (actual === undefined || actual.replace(/\r$/, "") !== line.content) return false;
    }
  }
  return true;
}

/**
 * Rebuilds the new side from the hunks alone. Lines the diff does not show become empty, so line
 * numbers stay true even though the text between hunks is unknown.
 */
export function reconstructNewSide(file: DiffFile): string[] {
  const lines: string[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === undefined) continue;
      while (lines.length < line.newLine - 1) lines.push("");
      lines[line.newLine - 1] = line.content;
    }
  }
  return lines;
}

/** Reverse-applies the diff to the new side to obtain the old side. */
export function reverseApply(file: DiffFile, newLines: string[]): string[] {
  const old: string[] = [];
  let next = 1; // next new-side line not yet copied
  for (const hunk of file.hunks) {
    // A hunk with zero new lines sits *after* line newStart (unified diff convention).
    const copyUntil = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
    for (; next <= copyUntil; next++) old.push(newLines[next - 1] ?? "");
    for (const line of hunk.lines) if (line.kind !== "add") old.push(line.content);
    next = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart + hunk.newLines;
  }
  for (; next <= newLines.length; next++) old.push(newLines[next - 1] ?? "");
  return old;
}

/** Receives every finding a rule reports through `FileContext.report`. */
export type ReportHandler = (ctx: FileContext, finding: RawFinding) => void;

const handlers = new WeakMap<ChangeContext, ReportHandler>();

/** Routes the reports of a change's file contexts to `handler` (the rule engine binds the rule id). */
export function setReportHandler(change: ChangeContext, handler: ReportHandler | undefined): void {
  if (handler) handlers.set(change, handler);
  else handlers.delete(change);
}

/** Builds (and parses) the per-file contexts for the files that are to be reviewed. */
export function buildChangeContext(diff: DiffModel, repo: RepoReader): ChangeContext {
  return runToEnd(changeContextSteps(diff, repo));
}

/** Builds (and parses) one file context per step; see `cooperative.ts`. */
export function* changeContextSteps(diff: DiffModel, repo: RepoReader): Steps<ChangeContext> {
  const files: FileContext[] = [];
  const byPath = new Map<string, FileContext>();
  const change: ChangeContext = {
    files,
    repo,
    fileAt: (path) => byPath.get(path),
  };
  for (const file of diff.files) {
    if (file.binary) continue;
    const ctx = buildFileContext(file, repo, change);
    files.push(ctx);
    byPath.set(ctx.path, ctx);
    yield;
  }
  return change;
}

function buildFileContext(file: DiffFile, repo: RepoReader, change: ChangeContext): FileContext {
  let newLines: string[];
  let complete = true;
  if (file.status === "deleted") {
    newLines = [];
  } else {
    const onDisk = repo.readFile(file.path);
    const diskLines = onDisk === undefined ? undefined : splitLines(onDisk);
    if (diskLines && matchesNewSide(file, diskLines)) {
      newLines = diskLines;
    } else {
      newLines = reconstructNewSide(file);
      // An added file's hunk covers it whole, so the reconstruction is the file.
      complete = file.status === "added" && file.hunks.length > 0;
    }
  }
  const oldLines = file.status === "added" ? [] : reverseApply(file, newLines);
  const addedLines = new Set<number>();
  const deletedLines = new Set<number>();
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "add" && line.newLine !== undefined) addedLines.add(line.newLine);
      if (line.kind === "del" && line.oldLine !== undefined) deletedLines.add(line.oldLine);
    }
  }
  const newText = newLines.length ? newLines.join("\n") + "\n" : "";
  const oldText = oldLines.length ? oldLines.join("\n") + "\n" : "";
  const source = file.status === "deleted" ? undefined : parseSource(file.path, newText);
  // Most rules never look at the old side: parse it only when one asks.
  let oldSource: ParsedSource | undefined;
  let oldParsed = file.status === "added";
  const getOldSource = () => {
    if (!oldParsed) {
      oldSource = parseSource(file.oldPath ?? file.path, oldText);
      oldParsed = true;
    }
    return oldSource;
  };
  const addedRanges = toRanges(addedLines);
  const deletedRanges = toRanges(deletedLines);
  const nodeCache = new Map<string, Parser.SyntaxNode[]>();
  const ctx: FileContext = {
    file,
    path: file.path,
    newText,
    oldText,
    source,
    get oldSource() {
      return getOldSource();
    },
    addedLines,
    deletedLines,
    addedRanges,
    deletedRanges,
    addedNodes(types) {
      return nodesInRanges(nodeCache, "+", source, addedRanges, types);
    },
    deletedNodes(types) {
      return nodesInRanges(nodeCache, "-", getOldSource(), deletedRanges, types);
    },
    complete,
    change,
    touchesAdded(node: Parser.SyntaxNode) {
      for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) if (addedLines.has(l)) return true;
      return false;
    },
    report(finding) {
      handlers.get(change)?.(ctx, finding);
    },
  };
  return ctx;
}

/** Sorted line numbers → contiguous [first, last] runs. */
export function toRanges(lines: ReadonlySet<number>): Array<[number, number]> {
  const sorted = [...lines].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const line of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && line === last[1] + 1) last[1] = line;
    else ranges.push([line, line]);
  }
  return ranges;
}

const END_OF_LINE = 1 << 30;

/** Nodes of `types` overlapping any of the ranges, deduplicated, in document order; cached. */
function nodesInRanges(
  cache: Map<string, Parser.SyntaxNode[]>,
  side: string,
  source: ParsedSource | undefined,
  ranges: ReadonlyArray<readonly [number, number]>,
  types: string | string[],
): Parser.SyntaxNode[] {
  if (!source || ranges.length === 0) return [];
  const list = typeof types === "string" ? [types] : types;
  const key = `${side}${list.join(",")}`;
  let nodes = cache.get(key);
  if (!nodes) {
    nodes = [];
    const seen = new Set<string>();
    const root = source.tree.rootNode;
    for (const [first, last] of ranges) {
      for (const node of root.descendantsOfType(list, { row: first - 1, column: 0 }, { row: last - 1, column: END_OF_LINE })) {
        // A node spanning two ranges is found once per range.
        const id = `${node.startIndex}:${node.endIndex}:${node.type}`;
        if (seen.has(id)) continue;
        seen.add(id);
        nodes.push(node);
      }
    }
    nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
    cache.set(key, nodes);
  }
  return nodes;
}
