import { DelayedError, UnrecoverableError, WaitingError, type Job } from "bullmq";
import type { PullState } from "./pull-state.js";
import { describeError, type QueueEvent, type QueueLogger } from "./queue-events.js";
import { isRetryableJobError, retryDelayMs, shouldRetry, type RetryPolicy } from "./retry-policy.js";
import { jobIdOf, pullKey, type JobProcessor, type ReviewJob } from "./review-job.js";

/**
 * What a BullMQ review job returns. A superseded job completes (it is neither retried nor failed)
 * with `superseded`, which also tells a later enqueue of the same commit that it may run again.
 */
export type RunResult = { outcome: "completed" } | { outcome: "superseded"; byHeadSha: string };

/** A job whose processor runs in this process right now. */
export interface RunningJob {
  id: string;
  pull: string;
  headSha: string;
  /** The BullMQ lock token of this run; also the owner of the PR's run lock. */
  token: string;
  controller: AbortController;
  reason?: "superseded" | "shutdown";
  byHeadSha?: string;
  /** Writes the job's data back to Redis (what the run learnt, e.g. its check run id). */
  persist?: () => Promise<unknown>;
}

/** What the runner needs from the queue that owns it. */
export interface JobRunnerContext {
  state: PullState;
  processor: JobProcessor;
  policy: RetryPolicy;
  /** Shared with the supersede watch and close(), keyed by token. */
  running: Map<string, RunningJob>;
  isClosing(): boolean;
  pullLockTtlMs: number;
  /** How long a job waits (delayed, no attempt used) while another job of its PR runs. */
  pullBusyDelayMs: number;
  log?: QueueLogger;
  emit(event: QueueEvent): void;
}

type BullJob = Job<ReviewJob, RunResult>;

/**
 * The BullMQ processor around a JobProcessor: 1. skip a job whose PR has a newer head
 * 2. take the PR's run lock or wait  3. run with an AbortSignal the supersede watch and close()
 * abort  4. map the outcome onto BullMQ (complete, retry, fail for good, or back to waiting).
 */
export function createJobRunner(ctx: JobRunnerContext): (job: BullJob, token?: string) => Promise<RunResult> {
  const forget = (pull: string, id: string) =>
    ctx.state.settle(pull, id).catch((err: unknown) => ctx.log?.warn({ err, jobId: id }, "could not forget a settled job"));

  return async (bullJob, token) => {
    const job = bullJob.data;
    const id = jobIdOf(job);
    const pull = pullKey(job);
    // In-process workers always get a token; it identifies this run to BullMQ and to our PR lock.
    const owner = token ?? `${bullJob.id}:${Date.now()}`;
    if (ctx.isClosing()) return putBack(ctx, bullJob, token);

    const latest = await ctx.state.latestHead(pull);
    if (latest !== null && latest !== job.headSha) {
      await forget(pull, id);
      ctx.emit({ type: "superseded", jobId: id, pull, by: `${pull}@${latest}`, state: "waiting" });
      return { outcome: "superseded", byHeadSha: latest };
    }
    if (!(await ctx.state.lockPull(pull, owner, ctx.pullLockTtlMs))) {
      // Another job of this PR runs, here or on another machine (often one being superseded that
      // has not settled yet): come back shortly, without spending an attempt.
      await bullJob.moveToDelayed(Date.now() + ctx.pullBusyDelayMs, token);
      throw new DelayedError();
    }

    const entry: RunningJob = {
      id,
      pull,
      headSha: job.headSha,
      token: owner,
      controller: new AbortController(),
      persist: () => bullJob.updateData(job),
    };
    ctx.running.set(owner, entry);
    const attempt = bullJob.attemptsMade + 1;
    ctx.emit({ type: "started", jobId: id, pull, attempt });
    const startedAt = Date.now();
    let failure: { err: unknown } | undefined;
    try {
      await ctx.processor(job, entry.controller.signal);
    } catch (err) {
      failure = { err };
    } finally {
      ctx.running.delete(owner);
      await ctx.state
        .unlockPull(pull, owner)
        .catch((err: unknown) => ctx.log?.warn({ err, jobId: id }, "could not release the pull request's run lock; it expires"));
    }

    const base = { jobId: id, pull };
    if (entry.reason === "superseded") {
      await forget(pull, id);
      ctx.log?.info({ ...base, reason: entry.reason }, "review job aborted");
      ctx.emit({ type: "aborted", ...base, reason: "superseded" });
      return { outcome: "superseded", byHeadSha: entry.byHeadSha ?? "" };
    }
    if (entry.reason === "shutdown") {
      ctx.log?.info({ ...base, reason: entry.reason }, "review job aborted");
      ctx.emit({ type: "aborted", ...base, reason: "shutdown" });
      return putBack(ctx, bullJob, token);
    }
    if (!failure) {
      await forget(pull, id);
      ctx.emit({ type: "completed", ...base, attempt, ms: Date.now() - startedAt });
      return { outcome: "completed" };
    }
    const { err } = failure;
    // The producer chose the attempts when it added the job; the worker's policy gives the delays.
    const policy = { ...ctx.policy, attempts: bullJob.opts.attempts ?? ctx.policy.attempts };
    if (shouldRetry(policy, attempt, err)) {
      const delayMs = retryDelayMs(policy, attempt, err);
      ctx.log?.warn({ ...base, attempt, delayMs, err }, "review job failed; retrying");
      ctx.emit({ type: "retrying", ...base, attempt, delayMs, error: describeError(err) });
      throw err;
    }
    await forget(pull, id);
    ctx.log?.error({ ...base, attempt, err }, "review job failed");
    ctx.emit({ type: "failed", ...base, attempt, error: describeError(err) });
    // UnrecoverableError stops BullMQ from spending the remaining attempts on a bug.
    throw isRetryableJobError(err) ? err : new UnrecoverableError(describeError(err));
  };
}

/** Hands a job this worker will not finish back to the waiting list for any worker. */
async function putBack(ctx: JobRunnerContext, bullJob: BullJob, token: string | undefined): Promise<never> {
  try {
    await bullJob.moveToWait(token);
  } catch (err) {
    // A force-closed worker has no connection left: the job's lock expires and the stalled-job
    // check of another worker hands it on instead.
    ctx.log?.warn({ err, jobId: bullJob.id }, "could not hand the job back; it is recovered when its lock expires");
  }
  throw new WaitingError();
}
