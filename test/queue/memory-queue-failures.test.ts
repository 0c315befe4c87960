import { QueueShutdownError } from "../../src/queue/abort-reasons.js";
import { createMemoryQueue, type MemoryQueue } from "../../src/queue/memory-queue.js";
import { RetryableJobError } from "../../src/queue/retry-policy.js";
import {
  aborted,
  deferred,
  eventLog,
  makeJob,
  recordingLogger,
  sha,
  waitUntil,
  watchUnhandledRejections,
} from "./queue-test-helpers.js";

describe("memory queue: failures, retries, close", () => {
  let queue: MemoryQueue | undefined;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  beforeEach(() => {
    rejections = watchUnhandledRejections();
  });
  afterEach(async () => {
    await queue?.close();
    queue = undefined;
    // Give a stray rejection one macrotask to surface before checking.
    await new Promise((r) => setImmediate(r));
    expect(rejections.stop()).toEqual([]);
  });

  it("isolates failing processors: errors are logged and counted, other jobs complete", async () => {
    const log = recordingLogger();
    const events = eventLog();
    queue = createMemoryQueue({ concurrency: 2, log, onEvent: events.onEvent });
    const done: number[] = [];
    await queue.start(((job: { pullNumber: number }) => {
      if (job.pullNumber === 1) return Promise.reject(new Error("boom"));
      // A processor that throws before returning a promise must be contained too.
      if (job.pullNumber === 2) throw new TypeError("sync boom");
      done.push(job.pullNumber);
      return Promise.resolve();
    }) as never);
    for (const n of [1, 2, 3, 4]) await queue.enqueue(makeJob({ pullNumber: n }));
    await waitUntil(() => queue!.stats().completed + queue!.stats().failed === 4, "all four settled");

    expect(done.sort()).toEqual([3, 4]);
    expect(queue.stats()).toMatchObject({ completed: 2, failed: 2, retried: 0 });
    expect(events.of("failed").map((e) => [e.attempt, e.error]).sort()).toEqual([
      [1, "Error: boom"],
      [1, "TypeError: sync boom"],
    ]);
    expect(log.lines.filter((l) => l.level === "error").map((l) => l.msg)).toEqual(["review job failed", "review job failed"]);
  });

  it("accepts a failed job again (only completed ids count as duplicates)", async () => {
    queue = createMemoryQueue();
    await queue.start(async () => {
      throw new Error("no");
    });
    await queue.enqueue(makeJob());
    await waitUntil(() => queue!.stats().failed === 1, "the failure");
    expect((await queue.enqueue(makeJob())).status).toBe("queued");
  });

  it("retries a RetryableJobError with exponential backoff, then succeeds", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ retry: { attempts: 3, backoffMs: 20 }, onEvent: events.onEvent });
    const startedAt: number[] = [];
    await queue.start(async () => {
      startedAt.push(Date.now());
      if (startedAt.length < 3) throw new RetryableJobError("502 from GitHub");
    });
    await queue.enqueue(makeJob());
    await waitUntil(() => queue!.stats().completed === 1, "the third attempt to complete");

    expect(events.of("retrying").map((e) => [e.attempt, e.delayMs])).toEqual([
      [1, 20],
      [2, 40],
    ]);
    expect(events.of("completed")[0].attempt).toBe(3);
    expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(15);
    expect(startedAt[2] - startedAt[1]).toBeGreaterThanOrEqual(35);
    expect(queue.stats()).toMatchObject({ completed: 1, failed: 0, retried: 2 });
  });

  it("gives up after the configured attempts and honours retryAfterMs", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ retry: { attempts: 2, backoffMs: 5 }, onEvent: events.onEvent });
    let runs = 0;
    await queue.start(async () => {
      runs++;
      throw new RetryableJobError("rate limited", { retryAfterMs: 60 });
    });
    await queue.enqueue(makeJob());
    await waitUntil(() => queue!.stats().failed === 1, "the final failure");
    expect(runs).toBe(2);
    expect(events.of("retrying").map((e) => e.delayMs)).toEqual([60]);
    expect(events.of("failed")[0]).toMatchObject({ attempt: 2, error: "RetryableJobError: rate limited" });
  });

  it("drops a job waiting for its retry when a newer head of the PR arrives", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ retry: { backoffMs: 10_000 }, onEvent: events.onEvent });
    const ran: string[] = [];
    await queue.start(async (job) => {
      ran.push(job.headSha[0]);
      if (job.headSha === sha("1")) throw new RetryableJobError("flaky");
    });
    await queue.enqueue(makeJob({ headSha: sha("1") }));
    await waitUntil(() => events.of("retrying").length === 1, "the retry to be scheduled");
    expect(await queue.depth()).toEqual({ waiting: 1, active: 0 });

    const outcome = await queue.enqueue(makeJob({ headSha: sha("2") }));
    expect(outcome).toMatchObject({ status: "queued", superseded: [`acme/shop#1@${sha("1")}`] });
    await waitUntil(() => queue!.stats().completed === 1, "the newer job");
    expect(ran).toEqual(["1", "2"]);
    expect(await queue.depth()).toEqual({ waiting: 0, active: 0 });
  });

  it("close() aborts running jobs, waits for them, drops waiting ones and refuses new work", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ concurrency: 1, onEvent: events.onEvent });
    const reasons: unknown[] = [];
    const cleanedUp = deferred();
    let cleaned = false;
    await queue.start(async (_job, signal) => {
      reasons.push(await aborted(signal));
      // Cleanup after the abort still finishes before close() resolves.
      await new Promise((r) => setTimeout(r, 30));
      cleaned = true;
      cleanedUp.resolve();
      throw signal.reason;
    });
    await queue.enqueue(makeJob({ pullNumber: 1 }));
    await queue.enqueue(makeJob({ pullNumber: 2 }));
    await waitUntil(() => events.of("started").length === 1, "the first job to start");

    await queue.close();
    expect(cleaned).toBe(true);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toBeInstanceOf(QueueShutdownError);
    expect(events.of("started")).toHaveLength(1);
    expect(events.of("aborted")).toMatchObject([{ reason: "shutdown" }]);
    expect(await queue.depth()).toEqual({ waiting: 0, active: 0 });
    await expect(queue.enqueue(makeJob({ pullNumber: 3 }))).rejects.toThrow("queue is closed");
    await cleanedUp.promise;
  });

  it("close() gives up on a processor that ignores its signal after closeTimeoutMs", async () => {
    const log = recordingLogger();
    const events = eventLog();
    queue = createMemoryQueue({ closeTimeoutMs: 50, log, onEvent: events.onEvent });
    const never = deferred();
    await queue.start(() => never.promise);
    await queue.enqueue(makeJob());
    await waitUntil(() => events.of("started").length === 1, "the job to start");

    const before = Date.now();
    await queue.close();
    expect(Date.now() - before).toBeGreaterThanOrEqual(45);
    expect(log.lines.map((l) => l.msg)).toContain("queue closed with processors ignoring their abort signal");
    never.resolve();
  });

  it("keeps working when an onEvent listener throws", async () => {
    const log = recordingLogger();
    queue = createMemoryQueue({
      log,
      onEvent: () => {
        throw new Error("metrics down");
      },
    });
    await queue.start(async () => {});
    expect((await queue.enqueue(makeJob())).status).toBe("queued");
    await waitUntil(() => queue!.stats().completed === 1, "completion");
    expect(log.lines.some((l) => l.msg === "queue event listener threw")).toBe(true);
  });
});
