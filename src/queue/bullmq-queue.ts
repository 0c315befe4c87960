import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { QueueShutdownError } from "./abort-reasons.js";
import { createJobRunner, type RunResult, type RunningJob } from "./bullmq-job-runner.js";
import { enqueueOnBullmq } from "./bullmq-enqueue.js";
import { PullState } from "./pull-state.js";
import { emitQueueEvent, type QueueEvent, type QueueEventListener, type QueueLogger } from "./queue-events.js";
import { RedisClients } from "./redis-clients.js";
import { pullKeys } from "./redis-keys.js";
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from "./retry-policy.js";
import { jobIdOf, type JobQueue, type ReviewJob } from "./review-job.js";
import { watchRunningJobs } from "./supersede-watch.js";

/** What a process does with the shared queue: take webhooks, run reviews, or both. */
export type QueueRole = "producer" | "worker" | "both";

/** Options of {@link createBullmqQueue}. */
export interface BullmqQueueOptions {
  /** e.g. `redis://127.0.0.1:6379`. */
  redisUrl: string;
  /** BullMQ queue name; every process of one deployment uses the same. Default `patchwarden-reviews`. */
  queueName?: string;
  /** Jobs this process runs at once. Default 2. */
  concurrency?: number;
  /** `producer` may only enqueue, `worker` may only start; `both` does both. */
  role: QueueRole;
  /** Retries of RetryableJobErrors. Default: {@link defaultRetryPolicy}. */
  retry?: Partial<RetryPolicy>;
  /** A running job's lock; a worker that dies loses its jobs to others after this long. Default 30 s. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Default 30 s. */
  stalledIntervalMs?: number;
  /** How often a running job is compared with its PR's newest head. Default 1 s. */
  supersedeCheckMs?: number;
  /** How long a job waits while another job of its PR runs. Default 1 s. */
  pullBusyDelayMs?: number;
  /** How long `close()` waits for aborted processors before force-closing. Default 10 s. */
  closeTimeoutMs?: number;
  log?: QueueLogger;
  onEvent?: QueueEventListener;
}

/** The JobQueue on Redis (BullMQ), shared by every App process of a deployment. */
export interface BullmqQueue extends JobQueue {
  readonly kind: "redis";
  readonly queueName: string;
}

/**
 * A JobQueue on BullMQ, for several App processes or machines, with the memory queue's behaviour
 * across them: dedupe by delivery id and job id (bullmq-enqueue), a newer head removes the PR's
 * waiting jobs and aborts its running one wherever it runs, within `supersedeCheckMs`
 * (supersede-watch), jobs of one PR never run side by side (a per-PR Redis lock, see
 * bullmq-job-runner), RetryableJobErrors are retried with the RetryPolicy's backoff.
 * Unlike the memory queue, nothing is lost: close() hands running jobs back to the waiting list,
 * waiting jobs stay in Redis, and a job whose worker dies is handed to another worker once its
 * lock expires, so a job may start more than once but always finishes somewhere.
 */
export function createBullmqQueue(options: BullmqQueueOptions): BullmqQueue {
  const { redisUrl, role, log, onEvent } = options;
  const queueName = options.queueName ?? "patchwarden-reviews";
  const concurrency = options.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`queue concurrency must be a positive integer, got ${concurrency}`);
  }
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const lockDurationMs = options.lockDurationMs ?? 30_000;
  const supersedeCheckMs = options.supersedeCheckMs ?? 1000;
  // The PR lock is renewed by the supersede watch, so it must outlive a few of its rounds.
  const pullLockTtlMs = Math.max(lockDurationMs, 3 * supersedeCheckMs);
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const keys = pullKeys(queueName);
  const emit = (event: QueueEvent) => emitQueueEvent(onEvent, event, log);

  const clients = new RedisClients(redisUrl, log);
  // BullMQ repeats connection errors as its own error events: those are logged once, by `clients`.
  const onBullmqError = (what: string) => (err: Error) => (clients.degraded ? log?.debug({ err }, what) : log?.warn({ err }, what));
  // A few retries only: an enqueue inside a webhook request should fail fast when Redis is down.
  const client = clients.open(3);
  const queue = new Queue<ReviewJob, RunResult>(queueName, { connection: client });
  queue.on("error", onBullmqError("queue error"));
  const producerState = new PullState(client, keys);
  const running = new Map<string, RunningJob>();
  const inFlight = new Set<Promise<unknown>>();
  let worker: Worker<ReviewJob, RunResult> | undefined;
  let workerClient: Redis | undefined;
  let stopWatch: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  async function shutDown(): Promise<void> {
    stopWatch?.();
    if (worker) {
      // Stop taking jobs first, so that an aborted job handed back is not taken again here.
      await worker.pause(true).catch((err: unknown) => log?.warn({ err }, "could not pause the worker"));
      for (const entry of running.values()) {
        entry.reason ??= "shutdown";
        entry.controller.abort(new QueueShutdownError(entry.id));
      }
      const settled = await settleWithin([...inFlight], closeTimeoutMs);
      if (!settled) log?.warn({ stillRunning: running.size, closeTimeoutMs }, "queue closed with processors ignoring their abort signal");
      // Force leaves the ignoring jobs locked: they are recovered by other workers when the lock
      // expires. Without a connection there is nothing to wait for, and a graceful close of a
      // BullMQ worker never resolves while Redis is unreachable; the timeout is the backstop.
      const force = !settled || workerClient?.status !== "ready";
      const closed = worker.close(force).catch((err: unknown) => log?.warn({ err }, "could not close the worker cleanly"));
      if (!(await settleWithin([closed], closeTimeoutMs))) log?.warn({ closeTimeoutMs }, "gave up waiting for the worker to close");
    }
    await queue.close().catch((err: unknown) => log?.warn({ err }, "could not close the queue cleanly"));
    await clients.closeAll();
  }

  return {
    kind: "redis",
    queueName,
    async recordProgress(job) {
      // The job's data in Redis is what another worker gets after a crash: keep its check run id.
      const id = jobIdOf(job);
      for (const entry of running.values()) {
        if (entry.id !== id) continue;
        await entry.persist?.().catch((err: unknown) => log?.warn({ err, jobId: id }, "could not record the job's progress"));
      }
    },
    async enqueue(job) {
      if (closing) throw new Error("queue is closed: cannot enqueue");
      if (role === "worker") throw new Error("queue role is worker: it cannot enqueue");
      return enqueueOnBullmq(job, { queue, state: producerState, policy, log, emit });
    },
    async start(processor) {
      if (closing) throw new Error("queue is closed: cannot start");
      if (role === "producer") throw new Error("queue role is producer: it cannot start workers");
      if (worker) throw new Error("queue already started");
      // BullMQ requires maxRetriesPerRequest: null on a worker's connections (blocking commands).
      workerClient = clients.open(null);
      const state = new PullState(workerClient, keys);
      const runner = createJobRunner({
        state,
        processor,
        policy,
        running,
        isClosing: () => closing !== undefined,
        pullLockTtlMs,
        pullBusyDelayMs: options.pullBusyDelayMs ?? 1000,
        log,
        emit,
      });
      worker = new Worker<ReviewJob, RunResult>(
        queueName,
        (job, token) => {
          const run = runner(job, token);
          inFlight.add(run);
          void run.then(
            () => inFlight.delete(run),
            () => inFlight.delete(run),
          );
          return run;
        },
        {
          connection: workerClient,
          concurrency,
          lockDuration: lockDurationMs,
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          settings: { backoffStrategy: (attemptsMade, _type, err) => retryDelayMs(policy, attemptsMade, err) },
        },
      );
      worker.on("error", onBullmqError("queue worker error"));
      worker.on("stalled", (jobId) => log?.warn({ jobId }, "review job stalled (its worker stopped); handed to another worker"));
      stopWatch = watchRunningJobs({ state, running, intervalMs: supersedeCheckMs, pullLockTtlMs, log, emit });
      // Ready means connected; a close() meanwhile (Redis down at boot) ends the wait too.
      const closingNow = new Promise<void>((resolve) => worker?.once("closing", () => resolve()));
      await Promise.race([worker.waitUntilReady(), closingNow]);
    },
    async depth() {
      if (closing) throw new Error("queue is closed: ask another instance");
      const counts = await queue.getJobCounts("waiting", "delayed", "prioritized", "active");
      return { waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0 };
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

/** True when all `promises` settle within `ms`. */
async function settleWithin(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const result = await Promise.race([Promise.allSettled(promises).then(() => true as const), timedOut]);
  clearTimeout(timer);
  return result;
}
