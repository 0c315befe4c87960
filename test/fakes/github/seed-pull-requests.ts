import type { FakeGitHubState } from "./fake-state.js";
import { buildFileRecords, type PullFileInput } from "./pull-file-records.js";
import type { AddPullRequestInput, ComparisonInput, PushInput } from "./seed-inputs.js";
import type { ComparisonRecord, PullRecord, RepoRecord } from "./state-records.js";

/** Seeding pull requests, pushes and comparisons into a repository. */
export function seedPullRequest(state: FakeGitHubState, repo: RepoRecord, input: AddPullRequestInput): PullRecord {
  const files = buildFileRecords(input.files, input.headSha, state.options.maxPatchBytes);
  const now = state.timestamp();
  const pull: PullRecord = {
    id: state.nextId(),
    number: input.number,
    title: input.title ?? `Pull request #${input.number}`,
    body: input.body === undefined ? "" : input.body,
    state: input.state ?? "open",
    draft: input.draft ?? false,
    merged: false,
    author: input.author ?? "octocat",
    authorAssociation: input.authorAssociation ?? "CONTRIBUTOR",
    headRef: input.headRef ?? `feature-${input.number}`,
    headSha: input.headSha,
    headRepoFullName: input.headRepo ?? repo.fullName,
    baseRef: input.baseRef ?? repo.defaultBranch,
    baseSha: input.baseSha,
    labels: input.labels ?? [],
    createdAt: now,
    updatedAt: now,
    files,
    revisions: new Map([[input.headSha, files]]),
  };
  repo.pulls.set(pull.number, pull);
  repo.branches.set(pull.baseRef, pull.baseSha);
  if (pull.headRepoFullName === repo.fullName) repo.branches.set(pull.headRef, pull.headSha);
  seedFiles(state, repo, pull.baseSha, pull.headSha, input.files);
  putComparison(repo, { baseSha: pull.baseSha, headSha: pull.headSha, status: "ahead", aheadBy: 1, behindBy: 0, files });
  return pull;
}

/**
 * Moves a PR's head: the new files replace the old ones (kept as a revision, so review comments
 * may still name the old commit), and `pushedFiles`, when given, answer
 * `compare/{oldHead}...{newHead}`.
 */
export function seedPush(state: FakeGitHubState, repo: RepoRecord, pull: PullRecord, input: PushInput): PullRecord {
  const previousHead = pull.headSha;
  const files = buildFileRecords(input.files, input.headSha, state.options.maxPatchBytes);
  pull.headSha = input.headSha;
  pull.files = files;
  pull.revisions.set(input.headSha, files);
  pull.updatedAt = state.timestamp();
  if (pull.headRepoFullName === repo.fullName) repo.branches.set(pull.headRef, pull.headSha);
  seedFiles(state, repo, pull.baseSha, pull.headSha, input.files);
  putComparison(repo, {
    baseSha: pull.baseSha,
    headSha: pull.headSha,
    status: "ahead",
    aheadBy: pull.revisions.size,
    behindBy: 0,
    files,
  });
  if (input.pushedFiles) {
    const pushed = buildFileRecords(input.pushedFiles, input.headSha, state.options.maxPatchBytes);
    putComparison(repo, { baseSha: previousHead, headSha: pull.headSha, status: "ahead", aheadBy: 1, behindBy: 0, files: pushed });
  }
  return pull;
}

export function seedComparison(
  state: FakeGitHubState,
  repo: RepoRecord,
  base: string,
  head: string,
  input: ComparisonInput,
): void {
  const baseSha = state.resolveRef(repo, base) ?? base;
  const headSha = state.resolveRef(repo, head) ?? head;
  const status = input.status ?? "ahead";
  putComparison(repo, {
    baseSha,
    headSha,
    status,
    aheadBy: input.aheadBy ?? (status === "behind" || status === "identical" ? 0 : 1),
    behindBy: input.behindBy ?? (status === "behind" || status === "diverged" ? 1 : 0),
    files: buildFileRecords(input.files, headSha, state.options.maxPatchBytes),
  });
}

function seedFiles(state: FakeGitHubState, repo: RepoRecord, baseSha: string, headSha: string, inputs: PullFileInput[]): void {
  for (const input of inputs) {
    if (input.contents !== undefined) state.setFile(headSha, input.filename, input.contents, { repo: repo.fullName });
    const basePath = input.previousFilename ?? input.filename;
    if (input.baseContents !== undefined) state.setFile(baseSha, basePath, input.baseContents, { repo: repo.fullName });
  }
}

function putComparison(repo: RepoRecord, comparison: ComparisonRecord): void {
  repo.comparisons.set(`${comparison.baseSha}...${comparison.headSha}`, comparison);
}
