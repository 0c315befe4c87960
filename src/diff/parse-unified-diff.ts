import type { DiffFile, DiffModel } from "./diff-model.js";
import { DiffParseError } from "./diff-error.js";
import { buildDiffFile } from "./build-diff-file.js";
import { readHunks } from "./read-hunks.js";
import { scanDiff } from "./scan-diff.js";

/**
 * Splits on LF and drops trailing CRs, so CRLF diffs read like LF ones. All of them: a diff of a
 * CRLF file saved with CRLF endings has CR CR LF, and its lines should read the same as the
 * diff saved with LF (whose CR is the file's own, which DiffLine content leaves out too).
 */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  // The newline that ends the last line does not start another one.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A loop, not /\r+$/: that pattern backtracks quadratically on a line of many CRs followed by text.
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === 13) end--;
    if (end < line.length) lines[i] = line.slice(0, end);
  }
  return lines;
}

/**
 * Parses `git diff` (with or without `-M`/`-C`, `--binary`) or plain `diff -u` / `diff -ru`
 * output into the DiffModel.
 *
 * 1. split lines (CRLF tolerated)  2. scan file sections and check every hunk against its header
 * 3. number hunk lines with parse-diff  4. resolve paths, status and modes per file
 *
 * An empty or whitespace-only input is an empty change, not an error. Anything else must name at
 * least one file. Throws DiffParseError, and nothing else, for input it cannot read: no file
 * header, a malformed `@@` header, a hunk whose lines disagree with its header's counts (we do
 * not guess which lines were lost), overlapping hunks, combined merge diffs.
 */
export function parseUnifiedDiff(text: string): DiffModel {
  if (text.trim() === "") return { files: [] };
  const files: DiffFile[] = [];
  const raws = scanDiff(splitLines(text));
  const hunks = readHunks(raws.map((raw) => raw.hunks));
  raws.forEach((raw, i) => {
    const file = buildDiffFile(raw, hunks[i]);
    if (file) files.push(file);
  });
  if (files.length === 0) {
    throw new DiffParseError("not a unified diff: no file header (---/+++ or diff --git) found");
  }
  return { files };
}
