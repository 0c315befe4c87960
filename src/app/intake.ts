import type { Logger } from "probot";
import type { JobQueue, ReviewJob } from "../queue/review-job.js";
import type { AppMetrics } from "./metrics.js";

/** What every webhook handler needs: where jobs go and what to count. */
export interface IntakeDeps {
  queue: JobQueue;
  metrics: AppMetrics;
  log: Logger;
  checkName: string;
}

/** Enqueues a job and records the outcome; never throws into the webhook response. */
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
