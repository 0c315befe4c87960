import type { Logger } from "probot";
import { findUnfinishedCheckRuns } from "../github/check-runs.js";
import type { GitHubClient } from "../github/github-client.js";
import type { JobQueue } from "../queue/review-job.js";

/** Bounds so a large installation base cannot stall start-up. */
const MAX_REPOS = 500;
const MAX_PULLS_PER_REPO = 100;

export interface ReconcileDeps {
  /** Authenticated as the App itself (JWT). */
  appOctokit: GitHubClient;
  octokitFor(installationId: number): Promise<GitHubClient>;
  queue: JobQueue;
  log: Logger;
  checkName: string;
}

/**
 * After a crash or restart: finds this App's check runs left `queued`/`in_progress` on the heads
 * of open pull requests and enqueues their reviews again. Jobs not yet started come back from the
 * memory queue's journal (or Redis); this catches jobs in flight whose local record is gone (a
 * container restarted without its DATA_DIR volume) and check runs another process left behind.
 */
export async function reconcileUnfinishedChecks(deps: ReconcileDeps): Promise<number> {
  let requeued = 0;
  let repos = 0;
  const installations = await deps.appOctokit.paginate(deps.appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = await deps.octokitFor(installation.id);
    const accessible = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const repository of accessible) {
      if (++repos > MAX_REPOS) {
        deps.log.warn({ limit: MAX_REPOS }, "reconciliation stopped at the repository limit");
        return requeued;
      }
      const owner = repository.owner.login;
      const repo = repository.name;
      const { data: pulls } = await octokit.rest.pulls.list({ owner, repo, state: "open", per_page: MAX_PULLS_PER_REPO });
      for (const pr of pulls) {
        const runs = await findUnfinishedCheckRuns(octokit, { owner, repo, ref: pr.head.sha, name: deps.checkName });
        for (const run of runs) {
          const outcome = await deps.queue.enqueue({
            deliveryId: `reconcile:${run.id}`,
            installationId: installation.id,
            owner,
            repo,
            pullNumber: pr.number,
            headSha: pr.head.sha,
            baseSha: pr.base.sha,
            trigger: "reconcile",
            full: false,
            checkRunId: run.id,
            enqueuedAt: new Date().toISOString(),
          });
          if (outcome.status === "queued") requeued++;
        }
      }
    }
  }
  deps.log.info({ requeued, repos }, "start-up reconciliation done");
  return requeued;
}
