/**
 * Reads a file's `patch` (the hunks GitHub returns per file, without `diff --git` headers) into
 * lines with their old/new line numbers and their diff `position`. Written independently of the
 * product's diff model on purpose: a test double that shared the parser would share its bugs.
 */
export interface PatchLine {
  kind: "context" | "add" | "delete" | "marker";
  oldLine?: number;
  newLine?: number;
  /**
   * GitHub's legacy position: the line below the first `@@` header is 1 and counting continues
   * through later hunks, whose headers take a position too
   * (https://docs.github.com/rest/pulls/comments#create-a-review-comment-for-a-pull-request).
   */
  position: number;
  hunkIndex: number;
  text: string;
}

export interface PatchHunk {
  header: string;
  headerPosition: number;
  lines: PatchLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parsePatch(patch: string | undefined): PatchHunk[] {
  if (!patch) return [];
  const hunks: PatchHunk[] = [];
  let position = -1;
  let oldLine = 0;
  let newLine = 0;
  for (const text of patch.split("\n")) {
    const header = HUNK_HEADER.exec(text);
    if (header) {
      position += 1;
      oldLine = Number(header[1]);
      newLine = Number(header[3]);
      hunks.push({ header: text, headerPosition: position, lines: [] });
      continue;
    }
    const hunk = hunks[hunks.length - 1];
    if (!hunk) continue;
    position += 1;
    const hunkIndex = hunks.length - 1;
    const first = text[0];
    if (first === "+") {
      hunk.lines.push({ kind: "add", newLine: newLine++, position, hunkIndex, text });
    } else if (first === "-") {
      hunk.lines.push({ kind: "delete", oldLine: oldLine++, position, hunkIndex, text });
    } else if (first === "\\") {
      // "\ No newline at end of file" occupies a row of the diff but is not a line of either side.
      hunk.lines.push({ kind: "marker", position, hunkIndex, text });
    } else {
      hunk.lines.push({ kind: "context", oldLine: oldLine++, newLine: newLine++, position, hunkIndex, text });
    }
  }
  // A trailing newline in the patch text is not a row of the diff.
  const lastHunk = hunks[hunks.length - 1];
  const lastLine = lastHunk?.lines[lastHunk.lines.length - 1];
  if (lastHunk && lastLine && lastLine.kind === "context" && lastLine.text === "" && patch.endsWith("\n")) {
    lastHunk.lines.pop();
  }
  return hunks;
}

/** The diff row for `line` on `side`: RIGHT sees added and context lines, LEFT deleted and context. */
export function findLine(hunks: PatchHunk[], side: "LEFT" | "RIGHT", line: number): PatchLine | undefined {
  for (const hunk of hunks) {
    for (const row of hunk.lines) {
      if (side === "RIGHT" && row.kind !== "delete" && row.kind !== "marker" && row.newLine === line) return row;
      if (side === "LEFT" && row.kind !== "add" && row.kind !== "marker" && row.oldLine === line) return row;
    }
  }
  return undefined;
}

export function findPosition(hunks: PatchHunk[], position: number): PatchLine | undefined {
  for (const hunk of hunks) {
    for (const row of hunk.lines) if (row.position === position) return row;
  }
  return undefined;
}

/** GitHub's `diff_hunk` of a comment: the hunk header through the commented row. */
export function diffHunkUpTo(hunks: PatchHunk[], row: PatchLine): string {
  const hunk = hunks[row.hunkIndex];
  if (!hunk) return "";
  const upTo = hunk.lines.filter((candidate) => candidate.position <= row.position);
  return [hunk.header, ...upTo.map((candidate) => candidate.text)].join("\n");
}

/** Added and deleted line counts, for a diff entry's `additions`/`deletions`. */
export function countChanges(hunks: PatchHunk[]): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    for (const row of hunk.lines) {
      if (row.kind === "add") additions += 1;
      if (row.kind === "delete") deletions += 1;
    }
  }
  return { additions, deletions };
}
