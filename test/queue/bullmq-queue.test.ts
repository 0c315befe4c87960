import { JobSupersededError } from "../../src/queue/abort-reasons.js";
import { createQueue } from "../../src/queue/create-queue.js";
import { toBullmqJobId } from "../../src/queue/redis-keys.js";
import { jobIdOf, type ReviewJob } from "../../src/queue/review-job.js";
import { aborted, deferred, eventLog, makeJob, sha, waitUntil, watchUnhandledRejections } from "./queue-test-helpers.js";
import { inspectJob, redisQueueHarness, redisUrl, requireRedis, waitForRedis } from "./redis-test-helpers.js";

describe("BullMQ queue: enqueue, dedupe, superseding (real Redis)", () => {
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

  it("processes an enqueued job once, and createQueue selects it for QUEUE=redis", async () => {
    const queue = await createQueue({ QUEUE: "redis", REDIS_URL: redisUrl }, { queueName: harness.queueName, concurrency: 1 });
    expect(queue.kind).toBe("redis");
    const events = eventLog();
    const worker = harness.open({ onEvent: events.onEvent });
    const seen: ReviewJob[] = [];
    await worker.start(async (job) => void seen.push(job));
    const job = makeJob({ pullNumber: 42 });

    expect(await queue.enqueue(job)).toEqual({ status: "queued", jobId: jobIdOf(job), superseded: [] });
    await waitUntil(() => events.of("completed").length === 1, "the job to complete");
    await waitForRedis(async () => (await worker.depth()).active === 0, "BullMQ to record the completion");
    await new Promise((r) => setTimeout(r, 300)); // a second run would show up by now
    await queue.close();

    expect(seen).toEqual([job]);
    expect(events.of("completed")[0]).toMatchObject({ jobId: jobIdOf(job), attempt: 1 });
    expect(await worker.depth()).toEqual({ waiting: 0, active: 0 });
    expect(await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(job)))).toMatchObject({ state: "completed", returnvalue: { outcome: "completed" } });
  });

  it("answers duplicate for a repeated delivery id, on any machine and with any contents", async () => {
    const a = harness.open({ role: "producer" });
    const b = harness.open({ role: "producer" });
    const first = makeJob({ deliveryId: `d-${harness.queueName}` });
    expect((await a.enqueue(first)).status).toBe("queued");
    const again = makeJob({ deliveryId: first.deliveryId, headSha: sha("c") });
    expect(await b.enqueue(again)).toEqual({ status: "duplicate", jobId: jobIdOf(again) });
    expect(await a.depth()).toEqual({ waiting: 1, active: 0 });
  });

  it("answers duplicate for the same job id while waiting, while running and after completion", async () => {
    const events = eventLog();
    const queue = harness.open({ onEvent: events.onEvent });
    const release = deferred();
    let runs = 0;
    expect((await queue.enqueue(makeJob())).status).toBe("queued");
    expect((await queue.enqueue(makeJob())).status).toBe("duplicate"); // waiting
    await queue.start(async () => {
      runs++;
      await release.promise;
    });
    await waitUntil(() => runs === 1, "the job to start");
    expect((await queue.enqueue(makeJob())).status).toBe("duplicate"); // running
    release.resolve();
    await waitUntil(() => events.of("completed").length === 1, "completion");
    expect((await queue.enqueue(makeJob())).status).toBe("duplicate"); // completed
    expect(runs).toBe(1);
    expect(events.of("duplicate").map((e) => e.reason)).toEqual(["job-id", "job-id", "job-id"]);
  });

  it("lets exactly one of two machines accept the same commit at the same time", async () => {
    const a = harness.open({ role: "producer" });
    const b = harness.open({ role: "producer" });
    const outcomes = await Promise.all([a.enqueue(makeJob()), b.enqueue(makeJob()), a.enqueue(makeJob()), b.enqueue(makeJob())]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["duplicate", "duplicate", "duplicate", "queued"]);
    expect(await a.depth()).toEqual({ waiting: 1, active: 0 });
  });

  it("keeps full reviews apart per delivery, with ':' in ids encoded for BullMQ", async () => {
    const queue = harness.open();
    const seen: string[] = [];
    await queue.start(async (job) => void seen.push(jobIdOf(job)));
    const a = makeJob({ full: true, trigger: "command", deliveryId: "cmd:1:x:y" });
    const b = makeJob({ full: true, trigger: "command", deliveryId: "cmd:2" });
    const outcomes = [await queue.enqueue(a), await queue.enqueue(b)];
    expect(outcomes.map((o) => [o.status, o.jobId])).toEqual([
      ["queued", jobIdOf(a)],
      ["queued", jobIdOf(b)],
    ]);
    await waitUntil(() => seen.length === 2, "both full reviews");
    expect(seen.sort()).toEqual([jobIdOf(a), jobIdOf(b)].sort());
  });

  it("removes older waiting jobs of a PR when a newer head arrives, and keeps other PRs' jobs", async () => {
    const events = eventLog();
    const producer = harness.open({ role: "producer", onEvent: events.onEvent });
    const old1 = makeJob({ headSha: sha("1") });
    const full1 = makeJob({ headSha: sha("1"), full: true, trigger: "command" });
    const other = makeJob({ pullNumber: 2, headSha: sha("1") });
    for (const job of [old1, full1, other]) await producer.enqueue(job);

    const outcome = await producer.enqueue(makeJob({ headSha: sha("2") }));
    expect(outcome.status).toBe("queued");
    expect(outcome.status === "queued" && outcome.superseded.sort()).toEqual([jobIdOf(old1), jobIdOf(full1)].sort());
    expect(await producer.depth()).toEqual({ waiting: 2, active: 0 });

    const worker = harness.open({ role: "worker" });
    const ran: string[] = [];
    await worker.start(async (job) => void ran.push(jobIdOf(job)));
    await waitUntil(() => ran.length === 2, "two runs");
    await new Promise((r) => setTimeout(r, 200));
    expect(ran.sort()).toEqual([`acme/shop#1@${sha("2")}`, jobIdOf(other)].sort());
    expect(events.of("superseded").map((e) => e.state)).toEqual(["waiting", "waiting"]);
  });

  it("aborts a job running on another machine when a newer head arrives, then runs the newer one", async () => {
    const events = eventLog();
    const machineA = harness.open({ role: "worker", onEvent: events.onEvent });
    const machineB = harness.open({ role: "producer" });
    const reasons: unknown[] = [];
    const ran: string[] = [];
    let runningNow = 0;
    let maxRunning = 0;
    await machineA.start(async (job, signal) => {
      runningNow++;
      maxRunning = Math.max(maxRunning, runningNow);
      ran.push(job.headSha[0]);
      try {
        if (job.headSha === sha("1")) {
          reasons.push(await aborted(signal));
          await new Promise((r) => setTimeout(r, 150)); // cleanup after the abort, still exclusive
          throw signal.reason;
        }
      } finally {
        runningNow--;
      }
    });
    const first = makeJob({ headSha: sha("1") });
    await machineB.enqueue(first);
    await waitUntil(() => ran.length === 1, "the first job to start");

    expect(await machineB.enqueue(makeJob({ headSha: sha("2") }))).toMatchObject({ status: "queued", superseded: [] });
    await waitUntil(() => events.of("completed").length === 1, "the newer job to complete");
    await waitForRedis(async () => (await machineB.depth()).active === 0, "BullMQ to record the completion");

    expect(ran).toEqual(["1", "2"]);
    expect(maxRunning).toBe(1);
    expect(reasons[0]).toBeInstanceOf(JobSupersededError);
    expect(reasons[0]).toMatchObject({ jobId: jobIdOf(first), byHeadSha: sha("2") });
    expect(events.of("aborted")).toEqual([{ type: "aborted", jobId: jobIdOf(first), pull: "acme/shop#1", reason: "superseded" }]);
    expect(events.of("failed")).toEqual([]);
    // Superseded is neither failed nor retried: BullMQ completed it once, marked as superseded.
    expect(await inspectJob(harness.queueName, toBullmqJobId(jobIdOf(first)))).toMatchObject({
      state: "completed",
      attemptsMade: 1, // the one run
      returnvalue: { outcome: "superseded", byHeadSha: sha("2") },
    });
    // The superseded commit can come back (a force-push back to it) and is reviewed again.
    expect((await machineB.enqueue(makeJob({ headSha: sha("1") }))).status).toBe("queued");
    await waitUntil(() => ran.length === 3, "the returning commit to run");
  });

  it("never runs two jobs of one PR side by side, even on two machines", async () => {
    const a = harness.open({ concurrency: 2 });
    const b = harness.open({ concurrency: 2 });
    let runningNow = 0;
    let maxRunning = 0;
    let done = 0;
    const processor = async () => {
      runningNow++;
      maxRunning = Math.max(maxRunning, runningNow);
      await new Promise((r) => setTimeout(r, 200));
      runningNow--;
      done++;
    };
    await Promise.all([a.start(processor), b.start(processor)]);
    await a.enqueue(makeJob());
    await b.enqueue(makeJob({ full: true, trigger: "command" }));
    await waitUntil(() => done === 2, "both jobs");
    expect(maxRunning).toBe(1);
  });
});
