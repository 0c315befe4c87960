import type { PullFileRecord } from "./state-records.js";

/**
 * The text GitHub serves for `Accept: application/vnd.github.diff` on a PR or a comparison:
 * `diff --git` headers around each file's hunks. Binary files get git's "Binary files differ".
 */
export function renderUnifiedDiff(files: PullFileRecord[]): string {
  const parts: string[] = [];
  for (const file of files) {
    const oldPath = file.previousFilename ?? file.filename;
    const from = file.status === "added" ? "/dev/null" : `a/${oldPath}`;
    const to = file.status === "removed" ? "/dev/null" : `b/${file.filename}`;
    parts.push(`diff --git a/${oldPath} b/${file.filename}`);
    if (file.status === "added") parts.push("new file mode 100644");
    if (file.status === "removed") parts.push("deleted file mode 100644");
    if (file.status === "renamed") parts.push(`rename from ${oldPath}`, `rename to ${file.filename}`);
    if (file.binary) {
      parts.push(`Binary files ${from} and ${to} differ`);
      continue;
    }
    if (!file.patch) continue;
    parts.push(`--- ${from}`, `+++ ${to}`, file.patch.replace(/\n$/, ""));
  }
  return parts.length > 0 ? `${parts.join("\n")}\n` : "";
}

/** True when the client asked for the diff media type (`mediaType: { format: "diff" }`). */
export function wantsDiff(accept: string | undefined): boolean {
  return /application\/vnd\.github(\.v3)?\.diff/.test(accept ?? "");
}
