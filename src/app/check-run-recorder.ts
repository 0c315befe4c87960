import type { Logger } from "probot";
import { createCheckRun } from "../github/check-runs.js";
import { describeGitHubError } from "../github/github-errors.js";
import type { GitHubClient } from "../github/github-client.js";
import type { ReviewJob } from "../queue/review-job.js";

/**
 * With the in-memory queue, a job waiting in the process dies with it. Right after a delivery is
 * accepted (outside the webhook response) the recorder creates the job's check run as `queued`,
 * the durable record that start-up reconciliation finds after a crash. The worker picks up the
 * same check run through `idFor`, so a job never gets two.
 */
export class CheckRunRecorder {
  readonly #pending = new Map<string, Promise<number | undefined>>();

  constructor(
    private readonly deps: { octokitFor(installationId: number): Promise<GitHubClient>; log: Logger; checkName: string },
  ) {}

  /** Starts creating the job's check run; never throws (a failure is logged and the worker creates one). */
  record(job: ReviewJob): void {
    const created = (async () => {
      const octokit = await this.deps.octokitFor(job.installationId);
      return createCheckRun(octokit, { owner: job.owner, repo: job.repo, headSha: job.headSha, name: this.deps.checkName, externalId: job.deliveryId });
    })().catch((err: unknown) => {
      this.deps.log.warn({ delivery: job.deliveryId, err: describeGitHubError(err) }, "could not record the queued check run");
      return undefined;
    });
    this.#pending.set(job.deliveryId, created);
    // Forget it once the worker has had the chance to read it (bounded memory under bursts).
    void created.then(() => setTimeout(() => this.#pending.delete(job.deliveryId), 10 * 60_000).unref());
  }

  /** The check run recorded for this job (also on retries), waiting for an in-flight creation. */
  async idFor(job: ReviewJob): Promise<number | undefined> {
    return this.#pending.get(job.deliveryId);
  }
}
