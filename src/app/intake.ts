import type { EmitterWebhookEventName } from "@octokit/webhooks";
import type { Logger, Probot } from "probot";
import type { GitHubClient } from "../github/github-client.js";
import type { JobQueue, ReviewJob } from "../queue/review-job.js";
import type { Decision, DeliveryRoutes } from "./delivery.js";
import type { AppMetrics } from "./metrics.js";

/** What acting on a decision needs: where jobs go and what to count. */
export interface IntakeDeps {
  queue: JobQueue;
  metrics: AppMetrics;
  log: Logger;
  checkName: string;
}

/** Enqueues a job and records the outcome. */
export async function acceptJob(deps: IntakeDeps, event: string, job: ReviewJob): Promise<void> {
  const outcome = await deps.queue.enqueue(job);
  deps.metrics.deliveries.inc({ event, outcome: outcome.status });
  deps.log.info(
    { event, delivery: job.deliveryId, pr: `${job.owner}/${job.repo}#${job.pullNumber}`, sha: job.headSha, outcome: outcome.status },
    outcome.status === "queued" ? "review queued" : "duplicate delivery ignored",
  );
}

/** Records a delivery the App chose not to act on, and why. */
export function skipDelivery(deps: IntakeDeps, event: string, reason: string, details: Record<string, unknown> = {}): void {
  deps.metrics.deliveries.inc({ event, outcome: `skipped:${reason}` });
  deps.log.debug({ event, reason, ...details }, "delivery skipped");
}

/** Acts on a final decision: enqueue its jobs (in order) or record the skip. */
export async function applyDecision(deps: IntakeDeps, decision: Decision): Promise<void> {
  if (decision.kind === "skip") return skipDelivery(deps, decision.event, decision.reason, decision.details);
  if (decision.kind === "ask-github") throw new Error(`${decision.event}: a decision that still asks GitHub cannot be applied`);
  // Every job is offered even if one fails (e.g. its journal record could not be written), so a
  // rerequested check over several PRs is not cut short; the first failure is reported after.
  const failures: unknown[] = [];
  for (const job of decision.jobs) {
    try {
      await acceptJob(deps, decision.event, job);
    } catch (err) {
      failures.push(err);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} of ${decision.jobs.length} jobs of ${decision.event} could not be queued`);
}

/**
 * Wires the routes into Probot (`probot.receive`, Probot's own server in setup and proxy modes):
 * triage on the payload, `resolve` with the Context's Octokit when triage asks GitHub, then apply.
 */
export function registerRoutes(probot: Probot, routes: DeliveryRoutes, deps: IntakeDeps): void {
  for (const name of routes.names()) {
    probot.on(name as EmitterWebhookEventName, async (context) => {
      const decision = await routes.decide(
        { id: context.id, name: context.name as never, payload: context.payload as never },
        { checkName: deps.checkName, log: deps.log, octokit: async () => context.octokit as unknown as GitHubClient },
      );
      if (decision) await applyDecision(deps, decision);
    });
  }
}
