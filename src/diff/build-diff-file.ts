import type { DiffFile, DiffHunk, FileStatus } from "./diff-model.js";
import { DiffParseError } from "./diff-error.js";
import { DEV_NULL, hasGitPrefixes, stripSidePrefix } from "./diff-paths.js";
import { checkHunkOrder } from "./read-hunks.js";
import type { RawFile } from "./scan-diff.js";

/**
 * The status of a file. One value has to win when several apply: existence first (added,
 * deleted), then identity (renamed, copied), then content kind (binary), then mode-only.
 * `binary` stays true on an added, deleted or renamed binary file.
 */
function statusOf(raw: RawFile, oldName: string | undefined, newName: string | undefined): FileStatus {
  if (raw.newFile || oldName === DEV_NULL) return "added";
  if (raw.deletedFile || newName === DEV_NULL) return "deleted";
  if (raw.renameFrom !== undefined || raw.renameTo !== undefined) return "renamed";
  if (raw.copyFrom !== undefined || raw.copyTo !== undefined) return "copied";
  if (raw.binary) return "binary";
  if (raw.hunks.length === 0 && raw.oldMode !== undefined && raw.newMode !== undefined && raw.oldMode !== raw.newMode) {
    return "mode-changed";
  }
  return "modified";
}

/**
 * Builds one DiffFile from a scanned section and its numbered hunks, or returns undefined for a section that names no
 * file at all (a stray `diff -r` line). Paths come from the most exact header available:
 * `rename`/`copy` lines (never prefixed), then `---`/`+++`, then `diff --git`, then
 * `Binary files`. Prefixes are stripped only when the diff uses git's `a/` and `b/`, judged on
 * the `diff --git` names when present (they are never /dev/null).
 */
export function buildDiffFile(raw: RawFile, hunks: DiffHunk[]): DiffFile | undefined {
  const pairs: [string | undefined, string | undefined][] = [];
  if (raw.patchHeader) pairs.push([raw.minusName, raw.plusName]);
  if (raw.gitNames) pairs.push(raw.gitNames);
  if (raw.binaryNames) pairs.push(raw.binaryNames);
  if (pairs.length === 0 && raw.renameFrom === undefined && raw.copyFrom === undefined) {
    if (raw.git) throw new DiffParseError(`cannot tell the file's path from the diff --git header at line ${raw.startLine}`, raw.startLine);
    return undefined;
  }
  if (!raw.git && raw.patchHeader && raw.hunks.length === 0) {
    throw new DiffParseError(`file header at line ${raw.startLine} is not followed by any hunk`, raw.startLine);
  }
  const prefixed = raw.gitNames ? hasGitPrefixes(...raw.gitNames) : pairs.length > 0 && hasGitPrefixes(...pairs[0]);
  let oldName = raw.renameFrom ?? raw.copyFrom;
  let newName = raw.renameTo ?? raw.copyTo;
  for (const [o, n] of pairs) {
    oldName ??= stripSidePrefix(o, "old", prefixed);
    newName ??= stripSidePrefix(n, "new", prefixed);
  }
  const status = statusOf(raw, oldName, newName);
  const path = status === "deleted" ? oldName : newName !== undefined && newName !== DEV_NULL ? newName : oldName;
  if (!path || path === DEV_NULL) {
    throw new DiffParseError(`cannot tell the file's path from the header at line ${raw.startLine}`, raw.startLine);
  }

  checkHunkOrder(hunks, raw.hunks);
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.kind === "add") additions++;
      else if (line.kind === "del") deletions++;
    }
  }
  const file: DiffFile = { path, status, binary: raw.binary, hunks, additions, deletions };
  if (status !== "added" && status !== "deleted" && oldName !== undefined && oldName !== DEV_NULL && oldName !== path) {
    file.oldPath = oldName;
  }
  if (raw.similarity !== undefined && (status === "renamed" || status === "copied")) file.similarity = raw.similarity;
  const oldMode = raw.oldMode ?? (raw.newFile ? undefined : raw.indexMode);
  const newMode = raw.newMode ?? (raw.deletedFile ? undefined : raw.indexMode);
  if (oldMode !== undefined && status !== "added") file.oldMode = oldMode;
  if (newMode !== undefined && status !== "deleted") file.newMode = newMode;
  return file;
}
