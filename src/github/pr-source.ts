import type { DiffFile, DiffModel } from "../diff/diff-model.js";
import type { SkippedFile } from "../review/review-result.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { fetchIncrementalChange, type IncrementalChange } from "./incremental-lines.js";
import { parsePullFile, type PullFileEntry } from "./pr-file-diff.js";

// "Responses include a maximum of 3000 files. The paginated response returns 30 files per page
// by default." (https://docs.github.com/rest/pulls/pulls#list-pull-requests-files)
export const PULL_FILES_LIMIT = 3000;

export interface PullRequestChange {
  /** Every listed file whose patch could be read, in GitHub's order. */
  diff: DiffModel;
  /** Listed files left out of `diff`, and why (plus a note when the list was cut at 3,000). */
  skipped: SkippedFile[];
  /** True when GitHub's list stopped at its 3,000-file cap, so files are missing. */
  truncated: boolean;
  /** Lines added since `sinceSha`, when that head is an ancestor of the new one. */
  incremental?: IncrementalChange;
}

export interface FetchPullRequestChangeParams extends RepoRef {
  pullNumber: number;
  /** The head being reviewed; the incremental comparison ends here. */
  headSha: string;
  /** The head reviewed last time, for an incremental review of what the push added. */
  sinceSha?: string;
}

/**
 * The PR's change as a DiffModel, from `pulls.listFiles` (100 files a page).
 *
 * 1. list the files  2. rebuild each file's diff from its patch and parse it (unreadable files
 * are skipped with a reason)  3. when `sinceSha` is given, compare it with `headSha`.
 *
 * `pulls.listFiles` always describes the PR's current head: if the PR moved on since the job was
 * queued, the caller finds out when it posts against `headSha`.
 */
export async function fetchPullRequestChange(octokit: GitHubClient, params: FetchPullRequestChangeParams): Promise<PullRequestChange> {
  const { owner, repo, pullNumber, headSha, sinceSha } = params;
  const entries = (await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100,
  })) as PullFileEntry[];

  const files: DiffFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const entry of entries) {
    const parsed = parsePullFile(entry);
    if (parsed.ok) files.push(parsed.file);
    else skipped.push({ path: entry.filename, reason: parsed.reason });
  }
  const truncated = entries.length >= PULL_FILES_LIMIT;
  if (truncated) {
    skipped.push({
      path: `(files after the first ${PULL_FILES_LIMIT.toLocaleString("en-US")})`,
      reason: `GitHub lists at most ${PULL_FILES_LIMIT.toLocaleString("en-US")} files of a pull request; the rest were not reviewed`,
    });
  }

  const change: PullRequestChange = { diff: { files }, skipped, truncated };
  if (sinceSha !== undefined && sinceSha !== headSha) {
    const incremental = await fetchIncrementalChange(octokit, { owner, repo, sinceSha, headSha });
    if (incremental) change.incremental = incremental;
  }
  return change;
}
