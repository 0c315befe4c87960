import type { SkippedFile } from "../review/review-result.js";
import type { RepoReader } from "../review/rule.js";
import { fetchFileText } from "./file-contents.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { statusOf } from "./github-error-shape.js";
import { mapLimited } from "./map-limited.js";
import { findLikelyTests } from "./test-candidates.js";

/** A RepoReader whose contents were fetched up front, with what it could not hold. */
export interface PrefetchedRepoReader extends RepoReader {
  /**
   * True when GitHub cut the recursive tree short (over 100,000 entries or 7 MB, see
   * https://docs.github.com/rest/git/trees#get-a-tree), so `listFiles()` misses paths.
   */
  listingTruncated: boolean;
  /** Wanted paths that `readFile` cannot serve, and why ("absent", "binary", over the limits). */
  unread: SkippedFile[];
}

export interface PrefetchRepoReaderParams extends RepoRef {
  /** Commit sha (or branch) to read at: the PR's head. */
  ref: string;
  /** Files to fetch, most important first (the changed files, then anything else wanted). */
  paths: string[];
  /**
   * Also fetch the repository's file list (one `git.getTree` request) and the tests of the given
   * source files found in it by naming convention. Without it, `listFiles()` lists only the
   * fetched files.
   */
  listing?: boolean;
  /** Most files fetched in all (one request each), paths before tests. Default 200. */
  maxFiles?: number;
  /** Largest single file read, in bytes. Default 1 MiB, the contents API's own inline limit. */
  maxBytes?: number;
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
}

const MIB = 1024 * 1024;

/** Blob paths of the tree at `ref`; symlinks (mode 120000) and submodules are not files. */
async function fetchListing(octokit: GitHubClient, params: RepoRef & { ref: string }): Promise<{ files: string[]; truncated: boolean } | undefined> {
  try {
    const { data } = await octokit.rest.git.getTree({ owner: params.owner, repo: params.repo, tree_sha: params.ref, recursive: "true" });
    const files = data.tree.filter((e) => e.type === "blob" && e.mode !== "120000" && e.path).map((e) => e.path as string);
    return { files: files.sort(), truncated: data.truncated };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/**
 * Builds the synchronous RepoReader the review pipeline reads, from GitHub, before the review
 * runs.
 *
 * 1. list the tree (when `listing`)  2. add the likely tests of the given paths  3. fetch up to
 * `maxFiles` files, `concurrency` at a time, skipping paths the listing says do not exist.
 *
 * `readFile` answers undefined for anything not fetched. Errors other than 404 (rate limits,
 * 5xx) propagate so the worker can retry the job.
 */
export async function prefetchRepoReader(octokit: GitHubClient, params: PrefetchRepoReaderParams): Promise<PrefetchedRepoReader> {
  const { owner, repo, ref, listing = false, maxFiles = 200, maxBytes = MIB, concurrency = 8 } = params;
  const tree = listing ? await fetchListing(octokit, { owner, repo, ref }) : undefined;
  const known = tree && !tree.truncated ? new Set(tree.files) : undefined;

  const wanted = [...new Set(params.paths)];
  if (tree) for (const test of findLikelyTests(params.paths, tree.files)) if (!wanted.includes(test)) wanted.push(test);
  const unread: SkippedFile[] = [];
  const toFetch: string[] = [];
  for (const path of wanted) {
    if (known && !known.has(path)) unread.push({ path, reason: "absent" });
    else if (toFetch.length >= maxFiles) unread.push({ path, reason: `over the prefetch limit of ${maxFiles} files` });
    else toFetch.push(path);
  }

  const texts = new Map<string, string>();
  const results = await mapLimited(toFetch, concurrency, (path) => fetchFileText(octokit, { owner, repo, ref, path, maxBytes }));
  results.forEach((result, i) => {
    if (result.ok) texts.set(toFetch[i], result.text);
    else unread.push({ path: toFetch[i], reason: result.reason });
  });

  const files = tree ? tree.files : [...texts.keys()].sort();
  return {
    listingTruncated: tree?.truncated ?? false,
    unread,
    listFiles: () => files,
    readFile: (path) => texts.get(path),
  };
}
