import type { GitHubClient, RepoRef } from "./github-client.js";
import { statusOf } from "./github-error-shape.js";
import { parsePullFile, type PullFileEntry } from "./pr-file-diff.js";

// "The list of changed files is only shown on the first page of results, and it includes up to
// 300 changed files for the entire comparison"
// (https://docs.github.com/rest/commits/commits#compare-two-commits).
const COMPARE_FILE_LIMIT = 300;

/** What one push added on top of an already reviewed head. */
export interface IncrementalChange {
  /** The head that was reviewed before. */
  sinceSha: string;
  /** New-side line numbers each file gained between `sinceSha` and the new head, by new path. */
  addedLines: Map<string, Set<number>>;
}

/**
 * The lines added between two heads of a PR, from `GET /compare/{since}...{head}`. Undefined, so
 * the caller reviews the whole PR, whenever the comparison cannot be trusted to cover the push:
 * history rewritten (a force-push: GitHub answers `diverged` or `behind`, or 404 when `sinceSha`
 * is gone), nothing new (`identical`), 300 files or more (GitHub stops listing), or a changed
 * file whose patch GitHub left out or that does not parse.
 */
export async function fetchIncrementalChange(
  octokit: GitHubClient,
  params: RepoRef & { sinceSha: string; headSha: string },
): Promise<IncrementalChange | undefined> {
  const { owner, repo, sinceSha, headSha } = params;
  let data;
  try {
    ({ data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${sinceSha}...${headSha}` }));
  } catch (error) {
    // 404: a commit is gone or the two share no history; 422: GitHub cannot compare them.
    if (statusOf(error) === 404 || statusOf(error) === 422) return undefined;
    throw error;
  }
  if (data.status !== "ahead") return undefined;
  const files = (data.files ?? []) as PullFileEntry[];
  if (files.length >= COMPARE_FILE_LIMIT) return undefined;

  const addedLines = new Map<string, Set<number>>();
  for (const entry of files) {
    if (entry.patch === undefined && (entry.changes ?? 0) === 0) {
      // Binary files and pure renames: no text lines were added.
      addedLines.set(entry.filename, new Set());
      continue;
    }
    const parsed = parsePullFile(entry);
    if (!parsed.ok) return undefined;
    const added = new Set<number>();
    for (const hunk of parsed.file.hunks) {
      for (const line of hunk.lines) if (line.kind === "add" && line.newLine !== undefined) added.add(line.newLine);
    }
    addedLines.set(parsed.file.path, added);
  }
  return { sinceSha, addedLines };
}
