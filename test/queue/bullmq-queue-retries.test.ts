import { toBullmqJobId } from "../../src/queue/redis-keys.js";
import { RetryableJobError } from "../../src/queue/retry-policy.js";
import { jobIdOf } from "../../src/queue/review-job.js";
import { eventLog, makeJob, recordingLogger, sha, waitUntil, watchUnhandledRejections } from "./queue-test-helpers.js";
import { inspectJob, redisQueueHarness, requireRedis, waitForRedis } from "./redis-test-helpers.js";

describe("BullMQ queue: failures and retries (real Redis)", () => {
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

  it("retries a RetryableJobError with exponential backoff and retryAfterMs, then succeeds", async () => {
    const events = eventLog();
    const queue = harness.open({ retry: { attempts: 3, backoffMs: 100 }, onEvent: events.onEvent });
    const startedAt: number[] = [];
    await queue.start(async () => {
      startedAt.push(Date.now());
      if (startedAt.length === 1) throw new RetryableJobError("rate limited", { retryAfterMs: 400 });
      if (startedAt.length === 2) throw new RetryableJobError("502 from GitHub");
    });
    const job = makeJob();
    await queue.enqueue(job);
    await waitUntil(() => events.of("completed").length === 1, "the third attempt to complete");
    await waitForRedis(async () => (await queue.depth()).active === 0, "BullMQ to record the completion");

    expect(events.of("retrying").map((e) => [e.attempt, e.delayMs, e.error])).toEqual([
      [1, 400, "RetryableJobError: rate limited"],
      [2, 200, "RetryableJobError: 502 from GitHub"],
    ]);
    expect(events.of("completed")[0].attempt).toBe(3);
    expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(390);
    expect(startedAt[2] - startedAt[1]).toBeGreaterThanOrEqual(190);
    expect(events.of("failed")).toEqual([]);
    expect(await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(job)))).toMatchObject({ state: "completed", attemptsMade: 3 });
  });

  it("gives up after the configured attempts", async () => {
    const events = eventLog();
    const queue = harness.open({ retry: { attempts: 2, backoffMs: 20 }, onEvent: events.onEvent });
    let runs = 0;
    await queue.start(async () => {
      runs++;
      throw new RetryableJobError("still down");
    });
    const job = makeJob();
    await queue.enqueue(job);
    await waitUntil(() => events.of("failed").length === 1, "the final failure");
    await waitForRedis(async () => (await queue.depth()).active === 0, "BullMQ to record the failure");
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(2);
    expect(events.of("failed")).toMatchObject([{ attempt: 2, error: "RetryableJobError: still down" }]);
    expect((await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(job)))).state).toBe("failed");
  });

  it("fails any other error once, without retries, and accepts the failed job again", async () => {
    const log = recordingLogger();
    const events = eventLog();
    const queue = harness.open({ retry: { attempts: 3, backoffMs: 20 }, log, onEvent: events.onEvent });
    let runs = 0;
    await queue.start(async () => {
      runs++;
      if (runs === 1) throw new TypeError("cannot read properties of undefined");
    });
    const job = makeJob();
    await queue.enqueue(job);
    await waitUntil(() => events.of("failed").length === 1, "the failure");
    await waitForRedis(async () => (await queue.depth()).active === 0, "BullMQ to record the failure");
    await new Promise((r) => setTimeout(r, 300)); // a retry would have started by now
    expect(runs).toBe(1);
    expect(events.of("retrying")).toEqual([]);
    expect(events.of("failed")).toMatchObject([{ attempt: 1, error: "TypeError: cannot read properties of undefined" }]);
    expect(log.lines.filter((l) => l.level === "error").map((l) => l.msg)).toEqual(["review job failed"]);
    expect(await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(job)))).toMatchObject({
      state: "failed",
      attemptsMade: 1,
      failedReason: "TypeError: cannot read properties of undefined",
    });

    // A failed review can be asked for again (a rerequested check run): the id is free again.
    expect((await queue.enqueue(makeJob())).status).toBe("queued");
    await waitUntil(() => events.of("completed").length === 1, "the second try");
    expect(runs).toBe(2);
  });

  it("drops a job waiting for its retry when a newer head of the PR arrives", async () => {
    const events = eventLog();
    const queue = harness.open({ retry: { backoffMs: 10_000 }, onEvent: events.onEvent });
    const ran: string[] = [];
    await queue.start(async (job) => {
      ran.push(job.headSha[0]);
      if (job.headSha === sha("1")) throw new RetryableJobError("flaky");
    });
    const first = makeJob({ headSha: sha("1") });
    await queue.enqueue(first);
    await waitUntil(() => events.of("retrying").length === 1, "the retry to be scheduled");
    await new Promise((r) => setTimeout(r, 100)); // BullMQ moves the job to delayed after the event
    expect(await queue.depth()).toEqual({ waiting: 1, active: 0 });

    const outcome = await queue.enqueue(makeJob({ headSha: sha("2") }));
    expect(outcome).toMatchObject({ status: "queued", superseded: [jobIdOf(first)] });
    await waitUntil(() => events.of("completed").length === 1, "the newer job");
    expect(ran).toEqual(["1", "2"]);
    // Our events come from the processor wrapper, just before BullMQ records the outcome.
    await waitForRedis(async () => (await queue.depth()).active === 0, "BullMQ to record the completion");
    expect(await queue.depth()).toEqual({ waiting: 0, active: 0 });
  });

  it("keeps working when an onEvent listener throws", async () => {
    const log = recordingLogger();
    let completed = false;
    const queue = harness.open({
      log,
      onEvent: (event) => {
        if (event.type === "completed") completed = true;
        throw new Error("metrics down");
      },
    });
    await queue.start(async () => {});
    expect((await queue.enqueue(makeJob())).status).toBe("queued");
    await waitUntil(() => completed, "completion");
    expect(log.lines.some((l) => l.msg === "queue event listener threw")).toBe(true);
  });
});
