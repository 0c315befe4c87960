/**
 * The unified-diff model every other layer reads. Built by `parseUnifiedDiff` (parse-diff under
 * the hood) and never mutated afterwards.
 */

/** How a file changed. `binary` and `mode-changed` files carry no hunks. */
export type FileStatus = "added" | "modified" | "deleted" | "renamed" | "copied" | "binary" | "mode-changed";

/** Which side of the diff a line lives on, named as GitHub's review API names them. */
export type Side = "LEFT" | "RIGHT";

export type LineKind = "add" | "del" | "context";

export interface DiffLine {
  kind: LineKind;
  /** Line number in the old file (deleted and context lines). */
  oldLine?: number;
  /** Line number in the new file (added and context lines). */
  newLine?: number;
  /** The line's text without the leading +/-/space marker and without a trailing CR. */
  content: string;
  /** True when the diff says "\ No newline at end of file" right after this line. */
  noNewlineAtEof?: boolean;
}

export interface DiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The text after the second @@ (often the enclosing function's signature). */
  heading: string;
  lines: DiffLine[];
}

export interface DiffFile {
  /** Path on the new side; for deleted files, the old path. */
  path: string;
  /** Path on the old side when it differs (renames, copies). */
  oldPath?: string;
  status: FileStatus;
  /** Similarity index of a rename or copy, 0-100. */
  similarity?: number;
  binary: boolean;
  oldMode?: string;
  newMode?: string;
  hunks: DiffHunk[];
  additions: number;
  deletions: number;
}

export interface DiffModel {
  files: DiffFile[];
}
