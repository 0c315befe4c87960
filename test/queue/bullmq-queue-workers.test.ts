import { QueueShutdownError } from "../../src/queue/abort-reasons.js";
import { createBullmqQueue } from "../../src/queue/bullmq-queue.js";
import { toBullmqJobId } from "../../src/queue/redis-keys.js";
import { jobIdOf } from "../../src/queue/review-job.js";
import { aborted, deferred, eventLog, makeJob, recordingLogger, waitUntil, watchUnhandledRejections } from "./queue-test-helpers.js";
import { inspectJob, redisQueueHarness, requireRedis, waitForRedis } from "./redis-test-helpers.js";

describe("BullMQ queue: several workers, crashes, shutdown (real Redis)", () => {
  let harness: ReturnType<typeof redisQueueHarness>;
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  beforeAll(requireRedis);
  beforeEach(() => {
    harness = redisQueueHarness();
    rejections = watchUnhandledRejections();
  });
  afterEach(async () => {
    await harness.cleanUp();
    await new Promise((r) => setImmediate(r));
    expect(rejections.stop()).toEqual([]);
  });

  it("two workers process N jobs exactly once in total", async () => {
    const producer = harness.open({ role: "producer" });
    const runs = new Map<string, string[]>();
    const worker = (name: string) => async (job: { pullNumber: number }) => {
      await new Promise((r) => setTimeout(r, 20));
      runs.set(String(job.pullNumber), [...(runs.get(String(job.pullNumber)) ?? []), name]);
    };
    const w1 = harness.open({ role: "worker", concurrency: 2 });
    const w2 = harness.open({ role: "worker", concurrency: 2 });
    await Promise.all([w1.start(worker("w1") as never), w2.start(worker("w2") as never)]);
    const n = 30;
    for (let pr = 1; pr <= n; pr++) await producer.enqueue(makeJob({ pullNumber: pr }));

    await waitUntil(() => runs.size === n, `${n} jobs to run`, 15_000);
    await waitForRedis(async () => (await producer.depth()).active === 0, "BullMQ to record the completions");
    await new Promise((r) => setTimeout(r, 300)); // a second run of any job would show up by now
    const all = [...runs.values()];
    expect(all.every((by) => by.length === 1)).toBe(true);
    const byWorker = all.flat();
    expect(byWorker.filter((w) => w === "w1").length + byWorker.filter((w) => w === "w2").length).toBe(n);
    expect(byWorker).toContain("w1");
    expect(byWorker).toContain("w2");
    expect(await producer.depth()).toEqual({ waiting: 0, active: 0 });
  });

  it("hands the job of a worker that died mid-job to another worker after the lock expires", async () => {
    const log = recordingLogger();
    const events = eventLog();
    const job = makeJob();
    const hang = deferred();
    let sideEffects = 0;
    let startedOnA = false;
    // Machine A "dies": its processor never finishes and ignores its signal, so close() gives up
    // after closeTimeoutMs and force-closes the worker, leaving the job locked in Redis.
    const machineA = harness.open({ role: "both", closeTimeoutMs: 100, log });
    await machineA.start(async () => {
      startedOnA = true;
      await hang.promise;
    });
    await machineA.enqueue(job);
    await waitUntil(() => startedOnA, "the job to start on machine A");
    const killedAt = Date.now();
    await machineA.close();

    const logB = recordingLogger();
    const machineB = harness.open({ role: "worker", onEvent: events.onEvent, log: logB });
    await machineB.start(async () => {
      sideEffects++;
    });
    await waitUntil(() => events.of("completed").length === 1, "machine B to complete the job", 10_000);
    await waitForRedis(async () => (await machineB.depth()).active === 0, "BullMQ to record the completion");
    const recoveredAfterMs = Date.now() - killedAt;
    hang.resolve(); // A's processor returns now: it must not complete or fail the job a second time
    await new Promise((r) => setTimeout(r, 500));

    expect(sideEffects).toBe(1);
    expect(recoveredAfterMs).toBeGreaterThanOrEqual(1000); // not before A's lock (1.5 s) expired
    expect(events.of("completed")).toMatchObject([{ jobId: jobIdOf(job) }]);
    expect(await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(job)))).toMatchObject({ state: "completed", returnvalue: { outcome: "completed" } });
    expect(log.lines.map((l) => l.msg)).toContain("queue closed with processors ignoring their abort signal");
    // B got it through BullMQ's stalled-job check, not through a hand-back by A.
    expect(logB.lines.filter((l) => l.msg.startsWith("review job stalled")).map((l) => l.obj)).toEqual([{ jobId: toBullmqJobId(jobIdOf(job)) }]);
  });

  it("close() aborts running jobs with QueueShutdownError and hands them back to waiting, not failed", async () => {
    const events = eventLog();
    const machineA = harness.open({ concurrency: 1, onEvent: events.onEvent });
    const reasons: unknown[] = [];
    let cleaned = false;
    await machineA.start(async (_job, signal) => {
      reasons.push(await aborted(signal));
      await new Promise((r) => setTimeout(r, 50)); // cleanup after the abort finishes before close() resolves
      cleaned = true;
      throw signal.reason;
    });
    const job = makeJob({ pullNumber: 1 });
    await machineA.enqueue(job);
    await machineA.enqueue(makeJob({ pullNumber: 2 }));
    await waitUntil(() => events.of("started").length === 1, "the first job to start");

    const before = Date.now();
    await machineA.close();
    expect(Date.now() - before).toBeLessThan(1500); // it did not wait for a lock to expire
    expect(cleaned).toBe(true);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toBeInstanceOf(QueueShutdownError);
    expect(events.of("aborted")).toMatchObject([{ jobId: jobIdOf(job), reason: "shutdown" }]);
    expect(events.of("failed")).toEqual([]);
    await expect(machineA.enqueue(makeJob({ pullNumber: 3 }))).rejects.toThrow("queue is closed");
    await expect(machineA.depth()).rejects.toThrow("queue is closed");
    expect((await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(job)))).state).toBe("waiting");

    const machineB = harness.open({ onEvent: events.onEvent });
    expect(await machineB.depth()).toEqual({ waiting: 2, active: 0 });
    const ranOnB: number[] = [];
    await machineB.start(async (j) => void ranOnB.push(j.pullNumber));
    await waitUntil(() => events.of("completed").length === 2, "machine B to complete both jobs");
    expect(ranOnB.sort()).toEqual([1, 2]);
    // Handing back did not spend an attempt.
    expect(events.of("completed").find((e) => e.jobId === jobIdOf(job))?.attempt).toBe(1);
  });

  it("fails an enqueue fast and still closes when Redis is unreachable", async () => {
    const log = recordingLogger();
    // Port 1 refuses connections: Redis is "down" for this instance only.
    const queue = createBullmqQueue({ redisUrl: "redis://127.0.0.1:1", role: "both", log });
    const before = Date.now();
    await expect(queue.enqueue(makeJob())).rejects.toThrow("max retries per request");
    expect(Date.now() - before).toBeLessThan(3000);
    const started = queue.start(async () => {});
    await new Promise((r) => setTimeout(r, 200));
    await queue.close();
    await started; // start() gives up waiting for Redis when the queue closes
    // One warning per connection and outage, not one per reconnect attempt.
    const warnings = log.lines.filter((l) => l.level === "warn").map((l) => l.msg);
    expect(warnings.filter((m) => m === "redis connection lost; reconnecting")).toHaveLength(2);
    expect(warnings.length).toBeLessThanOrEqual(4);
  });

  it("enforces roles and a single start()", async () => {
    const producer = harness.open({ role: "producer" });
    const worker = harness.open({ role: "worker" });
    await expect(producer.start(async () => {})).rejects.toThrow("role is producer");
    await expect(worker.enqueue(makeJob())).rejects.toThrow("role is worker");
    await worker.start(async () => {});
    await expect(worker.start(async () => {})).rejects.toThrow("already started");
  });
});
