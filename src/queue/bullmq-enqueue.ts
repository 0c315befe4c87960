import type { Queue } from "bullmq";
import type { RunResult } from "./bullmq-job-runner.js";
import type { PullState } from "./pull-state.js";
import type { QueueEvent, QueueLogger } from "./queue-events.js";
import { toBullmqJobId } from "./redis-keys.js";
import type { RetryPolicy } from "./retry-policy.js";
import { jobIdOf, pullKey, type EnqueueOutcome, type ReviewJob } from "./review-job.js";

/** BullMQ job name of review jobs. */
export const reviewJobName = "review";
/** Name of the backoff strategy every worker registers (it applies the worker's RetryPolicy). */
export const backoffType = "patchwarden";
/**
 * Finished jobs kept in Redis. Completed ids stay duplicates while kept (the memory queue's recent
 * ids window); failed ones are kept longer for inspection.
 */
const keepCompleted = 1000;
const keepFailed = 5000;

/** What {@link enqueueOnBullmq} works with. */
export interface EnqueueContext {
  queue: Queue<ReviewJob, RunResult>;
  state: PullState;
  policy: RetryPolicy;
  log?: QueueLogger;
  emit(event: QueueEvent): void;
}

/**
 * Accepts a job: 1. dedupe by delivery id  2. dedupe by job id (waiting, running or completed;
 * a failed or superseded commit may be reviewed again)  3. record the PR's newest head and remove
 * its waiting or delayed jobs of older heads (running ones notice the new head themselves)
 * 4. add the job under its job id.
 */
export async function enqueueOnBullmq(job: ReviewJob, ctx: EnqueueContext): Promise<EnqueueOutcome> {
  const { queue, state, log, emit } = ctx;
  const id = jobIdOf(job);
  const pull = pullKey(job);
  const bullmqId = toBullmqJobId(id);
  const duplicate = (reason: "delivery" | "job-id"): EnqueueOutcome => {
    log?.debug({ jobId: id, deliveryId: job.deliveryId, reason }, "duplicate review job ignored");
    emit({ type: "duplicate", jobId: id, pull, reason });
    return { status: "duplicate", jobId: id };
  };

  if (!(await state.acceptDelivery(job.deliveryId))) return duplicate("delivery");
  let superseded: string[];
  try {
    if (await isAccepted(queue, bullmqId)) return duplicate("job-id");
    superseded = await replaceOlderHeads(job, id, ctx);
    await queue.add(reviewJobName, job, {
      jobId: bullmqId,
      attempts: ctx.policy.attempts,
      backoff: { type: backoffType },
      removeOnComplete: { count: keepCompleted },
      removeOnFail: { count: keepFailed },
    });
  } catch (err) {
    await state.forgetDelivery(job.deliveryId).catch(() => {});
    throw err;
  }
  // BullMQ ignores an add under an existing id without saying so; the stored delivery id tells
  // whether this add or a concurrent one (another machine, same commit) won.
  const stored = await queue.getJob(bullmqId);
  if (stored && stored.data.deliveryId !== job.deliveryId) return duplicate("job-id");

  log?.debug({ jobId: id, superseded }, "review job queued");
  emit({ type: "queued", jobId: id, pull, superseded });
  return { status: "queued", jobId: id, superseded };
}

/**
 * Records the job's head as its PR's newest and removes the PR's waiting or delayed jobs of older
 * heads; returns their ids. A job of an older head that is running is left to its worker, which
 * sees the newer head within a second and aborts it.
 */
async function replaceOlderHeads(job: ReviewJob, id: string, ctx: EnqueueContext): Promise<string[]> {
  const pull = pullKey(job);
  const removed: string[] = [];
  for (const olderId of await ctx.state.claimHead(pull, job.headSha, id)) {
    const olderBullmqId = toBullmqJobId(olderId);
    const olderState = await ctx.queue.getJobState(olderBullmqId);
    // remove() answers 0 for a locked job: one that started meanwhile is aborted by its worker.
    if (["waiting", "delayed", "prioritized"].includes(olderState) && (await ctx.queue.remove(olderBullmqId)) === 1) {
      removed.push(olderId);
      ctx.emit({ type: "superseded", jobId: olderId, pull, by: id, state: "waiting" });
    }
  }
  return removed;
}

/** Whether a job under this id counts as already accepted; clears a finished one that does not. */
async function isAccepted(queue: Queue<ReviewJob, RunResult>, bullmqId: string): Promise<boolean> {
  const jobState = await queue.getJobState(bullmqId);
  if (jobState === "unknown") return false;
  if (jobState === "completed") {
    const done = await queue.getJob(bullmqId);
    if ((done?.returnvalue as RunResult | undefined)?.outcome !== "superseded") return true;
  } else if (jobState !== "failed") {
    return true;
  }
  // A failed review can be asked for again, and a superseded commit can come back (a force-push
  // back to it): clear the finished job so that its id is free.
  return (await queue.remove(bullmqId)) !== 1;
}
