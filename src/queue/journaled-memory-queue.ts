import { join } from "node:path";
import { openJobJournal } from "./job-journal.js";
import { createJournaledQueue } from "./journaled-queue.js";
import { createMemoryQueue, type MemoryQueueOptions } from "./memory-queue.js";
import type { JobQueue } from "./review-job.js";

/** The journal's file name inside the data directory. */
export const QUEUE_JOURNAL_FILE = "queue.jsonl";

/**
 * The App's default queue: the in-process memory queue, made crash-safe by a journal at
 * `<dataDir>/queue.jsonl` (created if missing). Both get the same retry policy, which the
 * journal needs to tell a job that will be retried from one that has failed for good.
 * Throws if the directory cannot be written: a queue that silently loses jobs is worse.
 */
export function openJournaledMemoryQueue(dataDir: string, options: MemoryQueueOptions = {}): JobQueue {
  const journal = openJobJournal(join(dataDir, QUEUE_JOURNAL_FILE), { log: options.log });
  return createJournaledQueue(createMemoryQueue(options), journal, { retry: options.retry, log: options.log });
}
