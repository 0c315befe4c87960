import { JobSupersededError, QueueShutdownError } from "./abort-reasons.js";
import { describeError, emitQueueEvent, type QueueEvent, type QueueEventListener, type QueueLogger } from "./queue-events.js";
import { RecentIds } from "./recent-ids.js";
import { defaultRetryPolicy, retryDelayMs, shouldRetry, type RetryPolicy } from "./retry-policy.js";
import { jobIdOf, pullKey, type EnqueueOutcome, type JobProcessor, type JobQueue, type ReviewJob } from "./review-job.js";

/** Options of {@link createMemoryQueue}. */
export interface MemoryQueueOptions {
  /** Jobs running at once. Default 2. */
  concurrency?: number;
  /** Retries of jobs whose processor throws a RetryableJobError. Default: {@link defaultRetryPolicy}. */
  retry?: Partial<RetryPolicy>;
  /** How many completed job ids and delivery ids are remembered for dedupe. Default 10,000. */
  recentIds?: number;
  /** How long `close()` waits for aborted processors to settle. Default 10 s. */
  closeTimeoutMs?: number;
  log?: QueueLogger;
  onEvent?: QueueEventListener;
}

/** Counters since the queue was created. */
export interface MemoryQueueStats {
  completed: number;
  failed: number;
  retried: number;
  superseded: number;
  aborted: number;
  duplicates: number;
}

/** The in-process JobQueue, with counters for `/metrics` and tests. */
export interface MemoryQueue extends JobQueue {
  readonly kind: "memory";
  stats(): MemoryQueueStats;
}

interface Entry {
  id: string;
  pull: string;
  job: ReviewJob;
  /** Runs started so far. */
  attempt: number;
  controller?: AbortController;
  abortReason?: "superseded" | "shutdown";
  retryTimer?: NodeJS.Timeout;
}

/**
 * An in-process JobQueue for a single App instance: bounded concurrency, dedupe by delivery id and
 * job id, newer head commits supersede older jobs of the same PR, retries with exponential backoff.
 * Jobs of one PR never run side by side: a newer job waits until the aborted older one settles,
 * so two reviews of one PR are never posted at once. Nothing survives a restart; startup
 * reconciliation re-enqueues what was lost.
 */
export function createMemoryQueue(options: MemoryQueueOptions = {}): MemoryQueue {
  const { log, onEvent } = options;
  const concurrency = options.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`queue concurrency must be a positive integer, got ${concurrency}`);
  }
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;

  const waiting: Entry[] = [];
  const delayed = new Set<Entry>();
  const active = new Set<Entry>();
  const activePulls = new Set<string>();
  /** Waiting and delayed entries by PR, so superseding looks at one PR's jobs, not the whole backlog. */
  const pendingByPull = new Map<string, Set<Entry>>();
  const addPending = (entry: Entry) => {
    const set = pendingByPull.get(entry.pull);
    if (set) set.add(entry);
    else pendingByPull.set(entry.pull, new Set([entry]));
  };
  const removePending = (entry: Entry) => {
    const set = pendingByPull.get(entry.pull);
    if (set?.delete(entry) && set.size === 0) pendingByPull.delete(entry.pull);
  };
  /** Jobs waiting, delayed or active and not yet superseded: the ones a repeat is a duplicate of. */
  const live = new Map<string, Entry>();
  const completedIds = new RecentIds(options.recentIds);
  const deliveries = new RecentIds(options.recentIds);
  const running = new Set<Promise<void>>();
  const stats: MemoryQueueStats = { completed: 0, failed: 0, retried: 0, superseded: 0, aborted: 0, duplicates: 0 };
  let processor: JobProcessor | undefined;
  let closing: Promise<void> | undefined;

  const emit = (event: QueueEvent) => emitQueueEvent(onEvent, event, log);

  function supersede(pull: string, headSha: string, byId: string): string[] {
    const removed: string[] = [];
    for (const entry of [...(pendingByPull.get(pull) ?? [])]) {
      if (entry.job.headSha === headSha) continue;
      if (entry.retryTimer) clearTimeout(entry.retryTimer);
      removePending(entry);
      delayed.delete(entry);
      const at = waiting.indexOf(entry);
      if (at >= 0) waiting.splice(at, 1);
      live.delete(entry.id);
      removed.push(entry.id);
      stats.superseded++;
      emit({ type: "superseded", jobId: entry.id, pull, by: byId, state: "waiting" });
    }
    for (const entry of active) {
      if (entry.pull !== pull || entry.job.headSha === headSha || entry.abortReason) continue;
      entry.abortReason = "superseded";
      live.delete(entry.id);
      stats.superseded++;
      entry.controller?.abort(new JobSupersededError(entry.id, headSha));
      emit({ type: "superseded", jobId: entry.id, pull, by: byId, state: "active" });
    }
    return removed;
  }

  function pump(): void {
    if (!processor || closing) return;
    while (active.size < concurrency) {
      const next = waiting.findIndex((entry) => !activePulls.has(entry.pull));
      if (next < 0) return;
      const [entry] = waiting.splice(next, 1);
      removePending(entry);
      run(entry, processor);
    }
  }

  function run(entry: Entry, handler: JobProcessor): void {
    entry.attempt++;
    entry.controller = new AbortController();
    active.add(entry);
    activePulls.add(entry.pull);
    emit({ type: "started", jobId: entry.id, pull: entry.pull, attempt: entry.attempt });
    const startedAt = Date.now();
    const signal = entry.controller.signal;
    // The async wrapper turns a synchronous throw into a rejection, and the catch means this
    // promise never rejects: a failing job cannot surface as an unhandled rejection.
    const done = (async () => handler(entry.job, signal))().then(
      () => settle(entry, Date.now() - startedAt, undefined, false),
      (err: unknown) => settle(entry, Date.now() - startedAt, err, true),
    );
    running.add(done);
    void done.finally(() => running.delete(done));
  }

  function settle(entry: Entry, ms: number, err: unknown, threw: boolean): void {
    active.delete(entry);
    activePulls.delete(entry.pull);
    const base = { jobId: entry.id, pull: entry.pull };
    if (entry.abortReason) {
      if (live.get(entry.id) === entry) live.delete(entry.id);
      stats.aborted++;
      log?.info({ ...base, reason: entry.abortReason }, "review job aborted");
      emit({ type: "aborted", ...base, reason: entry.abortReason });
    } else if (!threw) {
      live.delete(entry.id);
      completedIds.add(entry.id);
      stats.completed++;
      emit({ type: "completed", ...base, attempt: entry.attempt, ms });
    } else if (!closing && shouldRetry(policy, entry.attempt, err)) {
      const delayMs = retryDelayMs(policy, entry.attempt, err);
      stats.retried++;
      log?.warn({ ...base, attempt: entry.attempt, delayMs, err }, "review job failed; retrying");
      emit({ type: "retrying", ...base, attempt: entry.attempt, delayMs, error: describeError(err) });
      delayed.add(entry);
      addPending(entry);
      entry.retryTimer = setTimeout(() => {
        delayed.delete(entry);
        entry.retryTimer = undefined;
        // An older job goes ahead of ones that arrived while it waited.
        waiting.unshift(entry);
        pump();
      }, delayMs);
      // A pending retry alone should not keep a process alive; close() clears it anyway.
      entry.retryTimer.unref();
    } else {
      live.delete(entry.id);
      stats.failed++;
      log?.error({ ...base, attempt: entry.attempt, err }, "review job failed");
      emit({ type: "failed", ...base, attempt: entry.attempt, error: describeError(err) });
    }
    pump();
  }

  async function shutDown(): Promise<void> {
    const dropped = waiting.length + delayed.size;
    for (const entry of delayed) clearTimeout(entry.retryTimer);
    delayed.clear();
    waiting.length = 0;
    pendingByPull.clear();
    live.clear();
    for (const entry of active) {
      entry.abortReason ??= "shutdown";
      entry.controller?.abort(new QueueShutdownError(entry.id));
    }
    if (dropped > 0) log?.warn({ dropped }, "queue closing: waiting jobs dropped (reconciled at next start)");
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), closeTimeoutMs);
    });
    const result = await Promise.race([Promise.allSettled([...running]), timedOut]);
    clearTimeout(timer);
    if (result === "timeout") {
      log?.warn({ stillRunning: running.size, closeTimeoutMs }, "queue closed with processors ignoring their abort signal");
    }
  }

  return {
    kind: "memory",
    async enqueue(job) {
      if (closing) throw new Error("queue is closed: cannot enqueue");
      const id = jobIdOf(job);
      const pull = pullKey(job);
      const repeat = deliveries.has(job.deliveryId) ? "delivery" : live.has(id) || completedIds.has(id) ? "job-id" : undefined;
      deliveries.add(job.deliveryId);
      if (repeat) {
        stats.duplicates++;
        log?.debug({ jobId: id, deliveryId: job.deliveryId, reason: repeat }, "duplicate review job ignored");
        emit({ type: "duplicate", jobId: id, pull, reason: repeat });
        return { status: "duplicate", jobId: id } satisfies EnqueueOutcome;
      }
      const superseded = supersede(pull, job.headSha, id);
      const entry: Entry = { id, pull, job, attempt: 0 };
      live.set(id, entry);
      waiting.push(entry);
      addPending(entry);
      log?.debug({ jobId: id, superseded }, "review job queued");
      emit({ type: "queued", jobId: id, pull, superseded });
      pump();
      return { status: "queued", jobId: id, superseded };
    },
    async start(handler) {
      if (closing) throw new Error("queue is closed: cannot start");
      if (processor) throw new Error("queue already started");
      processor = handler;
      pump();
    },
    async depth() {
      return { waiting: waiting.length + delayed.size, active: active.size };
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
    stats: () => ({ ...stats }),
  };
}
