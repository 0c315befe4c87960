import type { DiffFile } from "../diff/diff-model.js";
import { parseUnifiedDiff } from "../diff/parse-unified-diff.js";

/**
 * One changed file as GitHub lists it (`pulls.listFiles`, and `files` of a comparison): the
 * fields of its "diff-entry" schema that a diff can be rebuilt from.
 */
export interface PullFileEntry {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  /** The file's hunks, without any header. GitHub leaves it out for binary and very large diffs. */
  patch?: string;
  previous_filename?: string;
  changes?: number;
}

export const OMITTED_PATCH_REASON = "GitHub omitted the patch (binary or too large)";

/**
 * git's C-style quoting for a header path. Always quoting keeps names with spaces, tabs or quotes
 * unambiguous for the parser (`"a/my file.ts"`); non-ASCII characters may stay as they are.
 */
function quotePath(path: string): string {
  const escaped = path.replace(/[\\"\x00-\x1f\x7f]/g, (ch) => {
    if (ch === "\\" || ch === '"') return `\\${ch}`;
    if (ch === "\t") return "\\t";
    if (ch === "\n") return "\\n";
    return `\\${ch.charCodeAt(0).toString(8).padStart(3, "0")}`;
  });
  return `"${escaped}"`;
}

/**
 * The `git diff` text of one file: GitHub's `patch` is only the hunks, so the `diff --git`,
 * mode, rename and `---`/`+++` headers are put back from the entry's status and names.
 */
export function buildFileDiffText(entry: PullFileEntry): string {
  const newPath = entry.filename;
  const oldPath = (entry.status === "renamed" || entry.status === "copied") && entry.previous_filename ? entry.previous_filename : newPath;
  const lines = [`diff --git ${quotePath(`a/${oldPath}`)} ${quotePath(`b/${newPath}`)}`];
  if (entry.status === "added") lines.push("new file mode 100644");
  if (entry.status === "removed") lines.push("deleted file mode 100644");
  if (oldPath !== newPath) {
    const verb = entry.status === "copied" ? "copy" : "rename";
    lines.push(`${verb} from ${quotePath(oldPath)}`, `${verb} to ${quotePath(newPath)}`);
  }
  if (entry.patch) {
    lines.push(entry.status === "added" ? "--- /dev/null" : `--- ${quotePath(`a/${oldPath}`)}`);
    lines.push(entry.status === "removed" ? "+++ /dev/null" : `+++ ${quotePath(`b/${newPath}`)}`);
    lines.push(entry.patch);
  }
  return lines.join("\n") + "\n";
}

export type ParsedEntry = { ok: true; file: DiffFile } | { ok: false; reason: string };

/**
 * Parses one listed file into the DiffModel's DiffFile. A file without a patch is unreadable
 * unless it is a pure rename or copy (no changed lines: nothing to omit). A patch the parser
 * refuses becomes a reason, never an exception, so one odd file cannot sink a review.
 */
export function parsePullFile(entry: PullFileEntry): ParsedEntry {
  const pureMove = (entry.status === "renamed" || entry.status === "copied") && (entry.changes ?? 0) === 0;
  if (entry.patch === undefined && !pureMove) return { ok: false, reason: OMITTED_PATCH_REASON };
  try {
    const [file] = parseUnifiedDiff(buildFileDiffText(entry)).files;
    if (!file) return { ok: false, reason: "GitHub's patch names no file" };
    return { ok: true, file };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `could not read GitHub's patch: ${message}` };
  }
}
