import type { JobJournal } from "./job-journal.js";
import { journalVerdict } from "./journal-verdict.js";
import type { QueueLogger } from "./queue-events.js";
import { RecentIds } from "./recent-ids.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { jobIdOf, type JobProcessor, type JobQueue, type ReviewJob } from "./review-job.js";

/** Options of {@link createJournaledQueue}. */
export interface JournaledQueueOptions {
  /**
   * The inner queue's retry policy (the same object or values): a retryable failure stays in the
   * journal while the inner queue will run the job again, and is done once its attempts are spent.
   */
  retry?: Partial<RetryPolicy>;
  log?: QueueLogger;
}

/**
 * Makes a queue that forgets its jobs with the process (the memory queue) crash-safe: every job
 * it accepts is recorded in `journal` before `enqueue` returns and marked done when it ends for
 * good (`enqueue` settles once the record is written), and `start` first re-enqueues what an earlier process accepted and never finished.
 * Jobs keep their delivery id, so a replay is deduplicated like a redelivery. A job for a check
 * run that a job of this queue already owns is a duplicate too: start-up reconciliation finds
 * the check run of a job cut short by the last shutdown, which the journal replays itself.
 */
export function createJournaledQueue(inner: JobQueue, journal: JobJournal, options: JournaledQueueOptions = {}): JobQueue {
  const { log } = options;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  /** Delivery of each job the inner queue holds, to mark the ones it drops as superseded. */
  const deliveryOf = new Map<string, string>();
  /** Jobs the inner queue holds, by delivery: a run sets the check run id on the object. */
  const held = new Map<string, ReviewJob>();
  /** Check runs of jobs that ended here, so a late reconciliation does not run them again. */
  const endedChecks = new RecentIds();
  /** Runs started per delivery in this process. */
  const attempts = new Map<string, number>();
  /** Deliveries between the inner queue's answer and their `accepted` record... */
  const enqueuing = new Set<string>();
  /** ...and the ones among them whose job already ended, so no record would be left pending. */
  const endedEarly = new Set<string>();
  let started = false;
  let closing = false;

  /** A journal that cannot write costs crash safety, not the review: log it and go on. */
  function record(what: string, deliveryId: string, write: () => void): void {
    try {
      write();
    } catch (err) {
      log?.error({ err, delivery: deliveryId, path: journal.path }, `job journal: could not record ${what}; the job is not crash-safe`);
    }
  }

  function hold(jobId: string, job: ReviewJob): void {
    deliveryOf.set(jobId, job.deliveryId);
    held.set(job.deliveryId, job);
  }

  function owned(checkRunId: number): boolean {
    if (endedChecks.has(String(checkRunId))) return true;
    for (const job of held.values()) if (job.checkRunId === checkRunId) return true;
    return false;
  }

  function markDone(jobId: string, deliveryId: string): void {
    if (deliveryOf.get(jobId) === deliveryId) deliveryOf.delete(jobId);
    const checkRunId = held.get(deliveryId)?.checkRunId;
    if (checkRunId !== undefined) endedChecks.add(String(checkRunId));
    held.delete(deliveryId);
    attempts.delete(deliveryId);
    if (enqueuing.has(deliveryId)) endedEarly.add(deliveryId);
    else record("a finished job", deliveryId, () => journal.done(jobId, deliveryId));
  }

  function markSuperseded(jobIds: string[]): void {
    for (const jobId of jobIds) {
      const deliveryId = deliveryOf.get(jobId);
      if (deliveryId !== undefined) markDone(jobId, deliveryId);
    }
  }

  function journaled(processor: JobProcessor): JobProcessor {
    return async (job, signal) => {
      const attempt = (attempts.get(job.deliveryId) ?? 0) + 1;
      attempts.set(job.deliveryId, attempt);
      const settle = (threw: boolean, err?: unknown) => {
        if (journalVerdict({ signal, threw, err, attempt, policy, closing }) === "done") markDone(jobIdOf(job), job.deliveryId);
        // Still pending: record what the run learnt (its check run id), so a replay reuses it.
        else if (!enqueuing.has(job.deliveryId)) record("a job's check run", job.deliveryId, () => journal.accepted(job));
      };
      try {
        await processor(job, signal);
      } catch (err) {
        settle(true, err);
        throw err;
      }
      settle(false);
    };
  }

  async function admit(job: ReviewJob): Promise<void> {
    const outcome = await inner.enqueue(job);
    if (outcome.status === "duplicate") {
      // Two pending records of one job (a redelivery after a restart): the other one runs it.
      markDone(outcome.jobId, job.deliveryId);
      return;
    }
    hold(outcome.jobId, job);
    markSuperseded(outcome.superseded);
  }

  return {
    kind: inner.kind,
    recordProgress(job) {
      // A held job re-journaled with what it learnt (its check run id): a hard crash now replays
      // onto the same check run instead of creating a second one.
      if (held.has(job.deliveryId) && !enqueuing.has(job.deliveryId)) {
        held.set(job.deliveryId, job);
        record("a job's check run", job.deliveryId, () => journal.accepted(job));
        // A journal that cannot write costs crash safety (logged), never the review itself.
        return journal.written().catch(() => undefined);
      }
      return undefined;
    },
    async enqueue(job) {
      if (job.checkRunId !== undefined && owned(job.checkRunId)) {
        log?.debug({ delivery: job.deliveryId, checkRunId: job.checkRunId }, "job journal: check run already has its job");
        return { status: "duplicate", jobId: jobIdOf(job) };
      }
      enqueuing.add(job.deliveryId);
      let outcome;
      try {
        outcome = await inner.enqueue(job);
      } finally {
        enqueuing.delete(job.deliveryId);
      }
      if (outcome.status !== "queued") {
        // The job it duplicates may have been accepted this very turn: answer after its record too
        // (its own enqueue reports a failed write).
        await journal.written().catch(() => undefined);
        return outcome;
      }
      if (!endedEarly.delete(job.deliveryId)) {
        hold(outcome.jobId, job);
        record("an accepted job", job.deliveryId, () => journal.accepted(job));
      }
      markSuperseded(outcome.superseded);
      // The answer to GitHub waits for the record (written with the rest of this turn's). If it
      // cannot be written, the job still runs here, but the caller hears that it is not
      // crash-safe: the webhook answers 500 and GitHub shows the delivery as failed (a
      // redelivery is a duplicate while this process lives).
      await journal.written();
      return outcome;
    },
    async start(processor) {
      if (started) throw new Error("queue already started");
      started = true;
      // Jobs this process accepted before start are in the inner queue already.
      const replay = journal.pending().filter((job) => !held.has(job.deliveryId));
      // Oldest first, before any runs, so a newer commit's job supersedes an older one's as it did.
      for (const job of replay) await admit(job);
      if (replay.length > 0) log?.info({ replayed: replay.length, path: journal.path }, "job journal: re-enqueued jobs accepted before the last stop");
      await inner.start(journaled(processor));
    },
    depth: () => inner.depth(),
    async close() {
      closing = true;
      try {
        await inner.close();
      } finally {
        await journal.close();
      }
    },
  };
}
