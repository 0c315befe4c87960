import { createHash } from "node:crypto";
import { countChanges, parsePatch } from "./patch-lines.js";
import type { FileStatus, PullFileRecord } from "./state-records.js";

/** A changed file as a test seeds it. */
export interface PullFileInput {
  filename: string;
  /** Defaults to "modified" (or "added" when only `contents` is given and no patch). */
  status?: FileStatus;
  /**
   * The file's hunks as GitHub would return them. When absent, an added file's patch is built
   * from `contents` and a removed file's from `baseContents`.
   */
  patch?: string;
  /** The file's text at the PR head; served by the contents API at the head sha. */
  contents?: string;
  /** The file's text at the PR base; served by the contents API at the base sha. */
  baseContents?: string;
  previousFilename?: string;
  /** GitHub returns binary files without a `patch`. */
  binary?: boolean;
  /** Forces the "diff too large" behaviour: the entry is listed without a `patch`. */
  omitPatch?: boolean;
}

/** A deterministic 40-hex sha for synthetic commits and blobs. */
export function fakeSha(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}

/** git's blob sha: sha1 of `blob <byte length>\0<bytes>`. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/**
 * Turns seeded files into diff entries: status, patch (built when missing), counts, blob sha.
 * `maxPatchBytes` mimics GitHub leaving `patch` out of entries whose diff is too large to render;
 * GitHub does not publish the exact limit, so the threshold is a fake's option.
 */
export function buildFileRecords(
  inputs: PullFileInput[],
  headSha: string,
  maxPatchBytes: number,
): PullFileRecord[] {
  return inputs.map((input) => {
    const status = input.status ?? (input.patch === undefined && input.contents !== undefined ? "added" : "modified");
    const patch = input.binary ? undefined : (input.patch ?? synthesizePatch(status, input));
    const { additions, deletions } = countChanges(parsePatch(patch));
    const omitPatch = input.omitPatch === true || (patch !== undefined && Buffer.byteLength(patch) > maxPatchBytes);
    const sha =
      input.contents !== undefined
        ? gitBlobSha(Buffer.from(input.contents))
        : fakeSha(`${headSha}:${input.filename}`);
    return {
      filename: input.filename,
      status,
      previousFilename: input.previousFilename,
      patch,
      additions,
      deletions,
      changes: additions + deletions,
      sha,
      binary: input.binary === true,
      omitPatch,
    };
  });
}

function synthesizePatch(status: FileStatus, input: PullFileInput): string | undefined {
  if (status === "added" && input.contents !== undefined) return wholeFilePatch(input.contents, "+");
  if (status === "removed" && input.baseContents !== undefined) return wholeFilePatch(input.baseContents, "-");
  return undefined;
}

function wholeFilePatch(text: string, sign: "+" | "-"): string {
  if (text === "") return "";
  const endsWithNewline = text.endsWith("\n");
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split("\n");
  const range = `${lines.length === 1 ? "1" : `1,${lines.length}`}`;
  const header = sign === "+" ? `@@ -0,0 +${range} @@` : `@@ -${range} +0,0 @@`;
  const body = lines.map((line) => `${sign}${line}`);
  if (!endsWithNewline) body.push("\\ No newline at end of file");
  return [header, ...body].join("\n");
}
