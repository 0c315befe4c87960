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

/** Options shared by every queue kind. */
export type CreateQueueOptions = MemoryQueueOptions;

/**
 * Builds the queue the environment selects: the in-process memory queue by default.
 * Async so that the Redis queue can be loaded only when selected.
 */
export async function createQueue(env: QueueEnv, options: CreateQueueOptions = {}): Promise<JobQueue> {
  const selection = selectQueue(env);
  if (selection.kind === "memory") return createMemoryQueue(options);
  // bullmq 6 is installed but none of its Redis drivers is (ioredis is an optional peer of it), so
  // the Redis queue cannot connect yet; say so at start-up instead of failing on the first job.
  throw new QueueConfigError("QUEUE=redis is not available in this build yet: the Redis queue needs the ioredis package");
}
