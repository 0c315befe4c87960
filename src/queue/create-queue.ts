// Type-only: erased at runtime, so the memory path never loads BullMQ or ioredis.
import type { BullmqQueueOptions } from "./bullmq-queue.js";
import { createMemoryQueue, type MemoryQueueOptions } from "./memory-queue.js";
import type { JobQueue } from "./review-job.js";

/** The queue settings of the environment, as read at start-up. */
export interface QueueEnv {
  /** `memory` (default) or `redis`. */
  QUEUE?: string;
  /** Redis to use when `QUEUE=redis`, e.g. `redis://127.0.0.1:6379`. */
  REDIS_URL?: string;
}

/** Which queue the environment asks for. */
export type QueueSelection = { kind: "memory" } | { kind: "redis"; redisUrl: string };

/** A queue setting that cannot work; the message names the variable to fix. */
export class QueueConfigError extends Error {
  override readonly name = "QueueConfigError";
}

/**
 * Reads QUEUE and REDIS_URL. Redis is an explicit opt-in: a REDIS_URL alone (set for something
 * else, or left over) does not switch a single instance to a shared queue, whose deliveries other
 * machines would then take. QUEUE=redis without REDIS_URL fails at start-up, not at first enqueue.
 */
export function selectQueue(env: QueueEnv): QueueSelection {
  const kind = (env.QUEUE ?? "").trim().toLowerCase();
  if (kind === "" || kind === "memory") return { kind: "memory" };
  if (kind !== "redis") {
    throw new QueueConfigError(`QUEUE must be "memory" or "redis", got ${JSON.stringify(env.QUEUE)}`);
  }
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) {
    throw new QueueConfigError("QUEUE=redis needs REDIS_URL (for example redis://127.0.0.1:6379)");
  }
  return { kind: "redis", redisUrl };
}

/**
 * Options of every queue kind; each kind reads the ones it knows (`recentIds` is the memory
 * queue's, `role`, `queueName`, lock and stall timings the Redis queue's).
 */
export type CreateQueueOptions = MemoryQueueOptions & Partial<Omit<BullmqQueueOptions, "redisUrl" | "retry" | "log" | "onEvent">>;

/**
 * Builds the queue the environment selects: the in-process memory queue by default.
 * Async so that the Redis queue can be loaded only when selected.
 */
export async function createQueue(env: QueueEnv, options: CreateQueueOptions = {}): Promise<JobQueue> {
  const selection = selectQueue(env);
  if (selection.kind === "memory") return createMemoryQueue(options);
  const { createBullmqQueue } = await import("./bullmq-queue.js");
  return createBullmqQueue({ ...options, role: options.role ?? "both", redisUrl: selection.redisUrl });
}
