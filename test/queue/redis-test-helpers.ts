import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { createBullmqQueue, type BullmqQueue, type BullmqQueueOptions } from "../../src/queue/bullmq-queue.js";
import { pullKeys } from "../../src/queue/redis-keys.js";

/** The Redis these tests run against; CI starts one. */
export const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Fails (never skips) when Redis is unreachable, naming the URL: a Redis queue suite that passes
 * without Redis would prove nothing.
 */
export async function requireRedis(): Promise<void> {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${redisUrl} (set REDIS_URL or start redis-server): ${String(err)}`);
  } finally {
    probe.disconnect();
  }
}

/** Timings that make crash recovery and superseding observable within a test's patience. */
export const fastTimings = {
  lockDurationMs: 1500,
  stalledIntervalMs: 500,
  supersedeCheckMs: 100,
  pullBusyDelayMs: 100,
  closeTimeoutMs: 2000,
} satisfies Partial<BullmqQueueOptions>;

/**
 * One test's queues on a queue name of its own: `open()` creates an instance ("a machine") and
 * `cleanUp()` closes them all, then deletes every key of the queue name from Redis.
 */
export function redisQueueHarness() {
  const queueName = `pw-test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const opened: BullmqQueue[] = [];
  return {
    queueName,
    open(options: Partial<BullmqQueueOptions> = {}): BullmqQueue {
      const queue = createBullmqQueue({ redisUrl, queueName, role: "both", ...fastTimings, ...options });
      opened.push(queue);
      return queue;
    },
    async cleanUp(): Promise<void> {
      await Promise.all(opened.map((queue) => queue.close()));
      const admin = new Redis(redisUrl, { maxRetriesPerRequest: null });
      const bull = new Queue(queueName, { connection: admin });
      try {
        await bull.obliterate({ force: true });
        const ours = await admin.keys(`${pullKeys(queueName).prefix}*`);
        if (ours.length > 0) await admin.del(...ours);
      } finally {
        await bull.close();
        await admin.quit();
      }
    },
  };
}

/** Polls an async `check` (a Redis read) until it returns true, failing with `what` after `timeoutMs`. */
export async function waitForRedis(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A BullMQ view of a test's queue, for asserting job states; close it after use. */
export async function inspectJob(queueName: string, bullmqId: string) {
  const admin = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const bull = new Queue(queueName, { connection: admin });
  try {
    const job = await bull.getJob(bullmqId);
    const state = await bull.getJobState(bullmqId);
    return { state, attemptsMade: job?.attemptsMade, returnvalue: job?.returnvalue as unknown, failedReason: job?.failedReason };
  } finally {
    await bull.close();
    await admin.quit();
  }
}
