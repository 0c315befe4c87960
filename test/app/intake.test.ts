import type { Logger } from "probot";
import { applyDecision } from "../../src/app/intake.js";
import { createMetrics } from "../../src/app/metrics.js";
import { createMemoryQueue } from "../../src/queue/memory-queue.js";
import type { JobQueue, ReviewJob } from "../../src/queue/review-job.js";

const log = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

const job = (pullNumber: number): ReviewJob => ({
  deliveryId: `rerun:${pullNumber}`,
  installationId: 1,
  owner: "acme",
  repo: "shop",
  pullNumber,
  headSha: "a".repeat(40),
  baseSha: "b".repeat(40),
  trigger: "rerequest",
  full: true,
  enqueuedAt: new Date().toISOString(),
});

describe("applyDecision", () => {
  it("offers every job of a decision even when one cannot be queued, then reports the failure", async () => {
    const inner = createMemoryQueue();
    const offered: number[] = [];
    // A queue whose journal cannot take the second job (a full disk, say).
    const queue: JobQueue = {
      ...inner,
      enqueue: async (j) => {
        offered.push(j.pullNumber);
        if (j.pullNumber === 2) throw new Error("could not write the job journal: ENOSPC");
        return inner.enqueue(j);
      },
    };
    const metrics = createMetrics(() => inner.depth(), false);
    const decision = { kind: "jobs" as const, event: "check_run.rerequested", jobs: [job(1), job(2), job(3)] };
    await expect(applyDecision({ queue, metrics, log, checkName: "patchwarden" }, decision)).rejects.toThrow("ENOSPC");
    expect(offered).toEqual([1, 2, 3]);
    expect((await inner.depth()).waiting).toBe(2);
    await inner.close();
  });

  it("reports several failures together", async () => {
    const queue = { enqueue: async () => Promise.reject(new Error("queue is closed")) } as unknown as JobQueue;
    const metrics = createMetrics(async () => ({ waiting: 0, active: 0 }), false);
    const decision = { kind: "jobs" as const, event: "check_run.rerequested", jobs: [job(1), job(2)] };
    await expect(applyDecision({ queue, metrics, log, checkName: "patchwarden" }, decision)).rejects.toThrow("2 of 2 jobs of check_run.rerequested could not be queued");
  });
});
