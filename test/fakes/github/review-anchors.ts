import { diffHunkUpTo, findLine, findPosition, parsePatch, type PatchLine } from "./patch-lines.js";
import type { PullFileRecord } from "./state-records.js";

/** One inline comment as a client sends it in `comments[]` or to `POST .../pulls/{n}/comments`. */
export interface ThreadInput {
  path: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
  subject_type?: string;
}

export interface ResolvedAnchor {
  path: string;
  subjectType: "line" | "file";
  line: number | null;
  side: "LEFT" | "RIGHT";
  startLine: number | null;
  startSide: "LEFT" | "RIGHT" | null;
  position: number | null;
  diffHunk: string;
}

export type AnchorResult = { ok: true; anchor: ResolvedAnchor } | { ok: false; messages: string[] };

// The wording of GitHub's review-thread validation errors, as its API returns them.
const THREAD = "Pull request review thread";
const LINE_NOT_IN_DIFF = `${THREAD} line must be part of the diff`;
const START_NOT_IN_HUNK = `${THREAD} start line must be part of the same hunk as the line.`;
const START_AFTER_END = `${THREAD} start line must precede the end line.`;
const HUNK_BLANK = `${THREAD} diff hunk can't be blank`;
const PATH_INVALID = `${THREAD} path is invalid`;
const POSITION_INVALID = `${THREAD} position is invalid`;
const SIDE_INVALID = `${THREAD} side is not included in the list`;

/**
 * Applies GitHub's rules for where a review comment may sit: the path must be a file of the PR;
 * `line` must be a row of that file's patch on `side` (RIGHT: added or context lines, numbered in
 * the new file; LEFT: deleted or context lines, numbered in the old file); a range's `start_line`
 * must be in the same hunk and precede `line`; a legacy `position` must name a row of the patch.
 * Files without a patch (binary, too large) have no commentable lines.
 */
export function resolveAnchor(files: PullFileRecord[], input: ThreadInput): AnchorResult {
  const file = files.find((candidate) => candidate.filename === input.path);
  if (!file) return { ok: false, messages: [PATH_INVALID, HUNK_BLANK] };
  const hunks = parsePatch(file.binary || file.omitPatch ? undefined : file.patch);

  if (input.subject_type === "file") {
    return {
      ok: true,
      anchor: {
        path: file.filename,
        subjectType: "file",
        line: null,
        side: "RIGHT",
        startLine: null,
        startSide: null,
        position: null,
        diffHunk: hunks[0]?.header ?? "",
      },
    };
  }

  if (input.line === undefined && input.position !== undefined) {
    const row = findPosition(hunks, input.position);
    if (!row || row.kind === "marker") return { ok: false, messages: [POSITION_INVALID, HUNK_BLANK] };
    const side = row.kind === "delete" ? "LEFT" : "RIGHT";
    return { ok: true, anchor: lineAnchor(file.filename, hunks, row, side, null) };
  }

  const side = input.side ?? "RIGHT";
  const startSide = input.start_side ?? side;
  if (!isSide(side) || !isSide(startSide)) return { ok: false, messages: [SIDE_INVALID] };
  const end = input.line === undefined ? undefined : findLine(hunks, side, input.line);
  const start = input.start_line === undefined ? undefined : findLine(hunks, startSide, input.start_line);

  if (!end) {
    const messages = [LINE_NOT_IN_DIFF];
    if (input.start_line !== undefined) messages.push(START_NOT_IN_HUNK);
    messages.push(HUNK_BLANK);
    return { ok: false, messages };
  }
  if (input.start_line === undefined) {
    return { ok: true, anchor: lineAnchor(file.filename, hunks, end, side, null) };
  }
  if (!start || start.hunkIndex !== end.hunkIndex) return { ok: false, messages: [START_NOT_IN_HUNK] };
  if (start.position >= end.position) return { ok: false, messages: [START_AFTER_END] };
  return {
    ok: true,
    anchor: lineAnchor(file.filename, hunks, end, side, { line: input.start_line, side: startSide }),
  };
}

function lineAnchor(
  path: string,
  hunks: ReturnType<typeof parsePatch>,
  row: PatchLine,
  side: "LEFT" | "RIGHT",
  start: { line: number; side: "LEFT" | "RIGHT" } | null,
): ResolvedAnchor {
  const line = side === "LEFT" ? row.oldLine : row.newLine;
  return {
    path,
    subjectType: "line",
    line: line ?? null,
    side,
    startLine: start?.line ?? null,
    startSide: start?.side ?? null,
    position: row.position,
    diffHunk: diffHunkUpTo(hunks, row),
  };
}

function isSide(value: string): value is "LEFT" | "RIGHT" {
  return value === "LEFT" || value === "RIGHT";
}
