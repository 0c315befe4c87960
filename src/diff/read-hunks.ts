import parseDiff from "parse-diff";
import type { DiffHunk, DiffLine } from "./diff-model.js";
import { DiffParseError } from "./diff-error.js";
import type { RawHunk } from "./scan-diff.js";

/** Turns one parse-diff change into our line: marker dropped, numbers named by side. */
function toLine(change: parseDiff.Change): DiffLine {
  const content = change.content.slice(1);
  if (change.type === "add") return { kind: "add", newLine: change.ln, content };
  if (change.type === "del") return { kind: "del", oldLine: change.ln, content };
  return { kind: "context", oldLine: change.ln1, newLine: change.ln2, content };
}

/**
 * Numbers every file's hunks with one parse-diff call (one call per file costs twice as much on
 * a 5,000-file diff). The scanner has already checked every body against its header, so
 * parse-diff sees only well-formed input: a `diff -` line opening each file, headers rewritten in
 * canonical form (its header regex backtracks badly on odd ones, and it swallows the next header
 * after a 0,0 hunk), and no "\ No newline" markers (it records each as a fake change copying the
 * previous one; the scanner kept their positions instead). Returns each file's hunks, in order.
 */
export function readHunks(files: RawHunk[][]): DiffHunk[][] {
  const text: string[] = [];
  for (const raw of files) {
    if (raw.length === 0) continue;
    text.push("diff -");
    for (const h of raw) {
      text.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
      for (const line of h.body) text.push(line);
    }
  }
  const parsed = text.length ? parseDiff(text.join("\n")) : [];
  let next = 0;
  return files.map((raw) => {
    if (raw.length === 0) return [];
    const chunks = parsed[next++]?.chunks ?? [];
    if (chunks.length !== raw.length) {
      // Not reachable for scanned input; a parse-diff upgrade that changes its reading would land here.
      throw new Error(`parse-diff read ${chunks.length} hunk(s) where the scanner found ${raw.length}`);
    }
    return raw.map((h, k) => toHunk(h, chunks[k]));
  });
}

function toHunk(h: RawHunk, chunk: parseDiff.Chunk): DiffHunk {
  if (chunk.changes.length !== h.body.length) {
    throw new Error(`parse-diff read ${chunk.changes.length} line(s) in the hunk at line ${h.headerLine}, the scanner ${h.body.length}`);
  }
  const lines = chunk.changes.map(toLine);
  for (const at of h.noNewlineAfter) lines[at].noNewlineAtEof = true;
  return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, heading: h.heading, lines };
}

/**
 * Checks that line numbers only grow from hunk to hunk on each side: overlapping or
 * out-of-order hunks (a duplicated or shuffled hunk) would make anchors ambiguous.
 */
export function checkHunkOrder(hunks: DiffHunk[], raw: RawHunk[]): void {
  let lastOld = 0;
  let lastNew = 0;
  hunks.forEach((hunk, k) => {
    const first = hunk.lines.find((l) => l.oldLine !== undefined)?.oldLine;
    const firstNew = hunk.lines.find((l) => l.newLine !== undefined)?.newLine;
    if ((first !== undefined && first <= lastOld) || (firstNew !== undefined && firstNew <= lastNew)) {
      const at = raw[k].headerLine;
      throw new DiffParseError(`hunk at line ${at} overlaps or comes before the hunk above it`, at);
    }
    lastOld = Math.max(lastOld, hunk.oldLines > 0 ? hunk.oldStart + hunk.oldLines - 1 : hunk.oldStart);
    lastNew = Math.max(lastNew, hunk.newLines > 0 ? hunk.newStart + hunk.newLines - 1 : hunk.newStart);
  });
}
