import type { GitHubClient, RepoRef } from "./github-client.js";
import type { CheckAnnotation } from "./check-annotations.js";
import { MAX_CHECK_OUTPUT_CHARS, truncateText } from "./text-limits.js";

// "The Checks API limits the number of annotations to a maximum of 50 per API request. To create
// more than 50 annotations, you have to make multiple requests to the Update a check run
// endpoint. Each time you update the check run, annotations are appended to the list of
// annotations that already exist." (https://docs.github.com/rest/checks/runs#update-a-check-run)
export const ANNOTATIONS_PER_REQUEST = 50;

export type CheckConclusion = "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required";

/**
 * Creates the check run that records one review job on `headSha`; returns its id. `externalId`
 * ties the run to the job (the worker's reconciliation reads it back after a crash).
 */
export async function createCheckRun(
  octokit: GitHubClient,
  params: RepoRef & { headSha: string; name?: string; externalId: string; status?: "queued" | "in_progress" },
): Promise<number> {
  const { owner, repo, headSha, name = "patchwarden", externalId, status = "queued" } = params;
  const { data } = await octokit.rest.checks.create({
    owner,
    repo,
    head_sha: headSha,
    name,
    external_id: externalId,
    status,
    ...(status === "in_progress" ? { started_at: new Date().toISOString() } : {}),
  });
  return data.id;
}

/** Marks the run in progress (the worker picked the job up). */
export async function startCheckRun(octokit: GitHubClient, params: RepoRef & { checkRunId: number }): Promise<void> {
  await octokit.rest.checks.update({
    owner: params.owner,
    repo: params.repo,
    check_run_id: params.checkRunId,
    status: "in_progress",
    started_at: new Date().toISOString(),
  });
}

export interface CompleteCheckRunParams extends RepoRef {
  checkRunId: number;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
}

/**
 * Completes the run with its conclusion and output. The first 50 annotations go with the
 * completion and each further 50 in one more `checks.update` carrying the same title, summary
 * and text (GitHub requires title and summary whenever `output` is sent). Requests:
 * `max(1, ceil(annotations / 50))` — 120 annotations take 3. `summary` and `text` are cut to
 * 65,535 characters.
 */
export async function completeCheckRun(octokit: GitHubClient, params: CompleteCheckRunParams): Promise<void> {
  const { owner, repo, checkRunId, conclusion, annotations = [] } = params;
  const output = {
    title: params.title,
    summary: truncateText(params.summary, MAX_CHECK_OUTPUT_CHARS),
    ...(params.text !== undefined ? { text: truncateText(params.text, MAX_CHECK_OUTPUT_CHARS) } : {}),
  };
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  await octokit.rest.checks.update({
    owner,
    repo,
    check_run_id: checkRunId,
    conclusion,
    completed_at: new Date().toISOString(),
    output: { ...output, annotations: batches[0] ?? [] },
  });
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, output: { ...output, annotations: batch } });
  }
}

/** A check run left queued or in progress, e.g. by a worker that crashed mid-job. */
export interface UnfinishedCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: "queued" | "in_progress";
  externalId: string | null;
  startedAt: string | null;
}

/**
 * Check runs named `name` on `ref` that never completed (every run, not only the latest per
 * name), for start-up reconciliation. `appId` keeps only runs of that App.
 */
export async function findUnfinishedCheckRuns(
  octokit: GitHubClient,
  params: RepoRef & { ref: string; name: string; appId?: number },
): Promise<UnfinishedCheckRun[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: params.owner,
    repo: params.repo,
    ref: params.ref,
    check_name: params.name,
    filter: "all",
    per_page: 100,
    ...(params.appId !== undefined ? { app_id: params.appId } : {}),
  });
  return runs
    .filter((run) => run.status === "queued" || run.status === "in_progress")
    .map((run) => ({
      id: run.id,
      name: run.name,
      headSha: run.head_sha,
      status: run.status as UnfinishedCheckRun["status"],
      externalId: run.external_id,
      startedAt: run.started_at,
    }));
}
