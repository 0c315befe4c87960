import type { DiffHunk } from "../../diff/diff-model.js";
import { splitLines } from "../file-context.js";
import type { FileContext } from "../rule.js";
import { stripInvisible } from "./untrusted.js";

/**
 * A changed file as the LLM reviewers see it: new-side lines marked `+` (added) or ` ` (context),
 * the deleted lines `-` where they were, and `⋮` where lines are left out. Line numbers are not
 * shown: reviewers quote code, and patchwarden finds the lines itself.
 */
export interface FileRows {
  path: string;
  /** New-side lines as shown (invisible characters removed, very long lines cut). */
  lines: string[];
  added: ReadonlySet<number>;
  /** Deleted lines, by the new-side line they are shown before (lines.length + 1: after the last). */
  deletedBefore: ReadonlyMap<number, string[]>;
}

/** Longest line shown (minified files are filtered out before review; this bounds the odd data line). */
export const MAX_SHOWN_LINE = 400;
/** Marks a gap between shown regions. */
export const GAP = "⋮";

/** One line as it is shown to a model (and as quotes are matched against it). */
export function shownLine(text: string): string {
  const visible = stripInvisible(text);
  return visible.length > MAX_SHOWN_LINE ? `${visible.slice(0, MAX_SHOWN_LINE)}…` : visible;
}

/** The new-side line before which a hunk's deleted line is shown. */
function deletionAnchors(hunk: DiffHunk): Array<{ anchor: number; content: string }> {
  const out: Array<{ anchor: number; content: string }> = [];
  let pending: string[] = [];
  let lastNew = hunk.newLines === 0 ? hunk.newStart : hunk.newStart - 1;
  for (const line of hunk.lines) {
    if (line.kind === "del") pending.push(line.content);
    else if (line.newLine !== undefined) {
      for (const content of pending) out.push({ anchor: line.newLine, content });
      pending = [];
      lastNew = line.newLine;
    }
  }
  for (const content of pending) out.push({ anchor: lastNew + 1, content });
  return out;
}

/** Builds a file's rows once; views of any selection of lines are rendered from them. */
export function buildFileRows(ctx: FileContext): FileRows {
  const deletedBefore = new Map<number, string[]>();
  for (const hunk of ctx.file.hunks) {
    for (const { anchor, content } of deletionAnchors(hunk)) {
      const list = deletedBefore.get(anchor) ?? [];
      list.push(shownLine(content));
      deletedBefore.set(anchor, list);
    }
  }
  return { path: ctx.path, lines: splitLines(ctx.newText).map(shownLine), added: ctx.addedLines, deletedBefore };
}

/** The new-side lines (and deletion anchors) a hunk covers. */
export function hunkLines(hunk: DiffHunk): number[] {
  const lines = new Set<number>();
  for (const line of hunk.lines) if (line.kind !== "del" && line.newLine !== undefined) lines.add(line.newLine);
  for (const { anchor } of deletionAnchors(hunk)) lines.add(anchor);
  return [...lines].sort((a, b) => a - b);
}

/** Characters one shown line costs in a view (marker, text, newline). */
export function rowChars(rows: FileRows, line: number): number {
  let chars = 0;
  for (const deleted of rows.deletedBefore.get(line) ?? []) chars += deleted.length + 2;
  const text = rows.lines[line - 1];
  if (text !== undefined) chars += text.length + 2;
  return chars;
}

/** Renders the shown lines of a file in order, with a gap marker between separate regions. */
export function renderView(rows: FileRows, shown: ReadonlySet<number>): string {
  const out: string[] = [];
  let previous: number | undefined;
  for (const line of [...shown].sort((a, b) => a - b)) {
    if (previous !== undefined && line > previous + 1) out.push(GAP);
    for (const deleted of rows.deletedBefore.get(line) ?? []) out.push(`-${deleted}`);
    const text = rows.lines[line - 1];
    if (text !== undefined) out.push(`${rows.added.has(line) ? "+" : " "}${text}`);
    previous = line;
  }
  return out.join("\n");
}
