import { JobSupersededError } from "../../src/queue/abort-reasons.js";
import { createMemoryQueue, type MemoryQueue } from "../../src/queue/memory-queue.js";
import { jobIdOf, type ReviewJob } from "../../src/queue/review-job.js";
import { aborted, deferred, eventLog, makeJob, sha, waitUntil } from "./queue-test-helpers.js";

describe("memory queue: concurrency, dedupe, superseding", () => {
  let queue: MemoryQueue | undefined;
  afterEach(async () => {
    await queue?.close();
    queue = undefined;
  });

  it("runs at most `concurrency` jobs at once and eventually all of them", async () => {
    queue = createMemoryQueue({ concurrency: 2 });
    const release = deferred();
    let runningNow = 0;
    let maxRunning = 0;
    const done: number[] = [];
    await queue.start(async (job) => {
      runningNow++;
      maxRunning = Math.max(maxRunning, runningNow);
      await release.promise;
      runningNow--;
      done.push(job.pullNumber);
    });
    for (let n = 1; n <= 5; n++) await queue.enqueue(makeJob({ pullNumber: n }));

    await waitUntil(() => runningNow === 2, "two jobs running");
    expect(await queue.depth()).toEqual({ waiting: 3, active: 2 });
    release.resolve();
    await waitUntil(() => done.length === 5, "all five jobs done");
    expect(maxRunning).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await queue.depth()).toEqual({ waiting: 0, active: 0 });
    expect(queue.stats().completed).toBe(5);
  });

  it("holds jobs until start() and rejects a second start()", async () => {
    queue = createMemoryQueue();
    const seen: string[] = [];
    await queue.enqueue(makeJob({ pullNumber: 7 }));
    expect(await queue.depth()).toEqual({ waiting: 1, active: 0 });
    await queue.start(async (job) => void seen.push(jobIdOf(job)));
    await waitUntil(() => seen.length === 1, "the held job to run");
    expect(seen).toEqual([`acme/shop#7@${sha("a")}`]);
    await expect(queue.start(async () => {})).rejects.toThrow("already started");
  });

  it("answers duplicate for a repeated delivery id, even with other contents", async () => {
    queue = createMemoryQueue();
    const first = makeJob({ deliveryId: "d-1" });
    expect(await queue.enqueue(first)).toEqual({ status: "queued", jobId: jobIdOf(first), superseded: [] });
    const again = makeJob({ deliveryId: "d-1", headSha: sha("c") });
    expect(await queue.enqueue(again)).toEqual({ status: "duplicate", jobId: jobIdOf(again) });
    expect(await queue.depth()).toEqual({ waiting: 1, active: 0 });
    expect(queue.stats().duplicates).toBe(1);
  });

  it("answers duplicate for the same job id while waiting, while running and after completion", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ onEvent: events.onEvent });
    const job = makeJob();
    const runs: ReviewJob[] = [];
    const release = deferred();

    expect((await queue.enqueue(job)).status).toBe("queued");
    expect((await queue.enqueue(makeJob())).status).toBe("duplicate"); // waiting
    await queue.start(async (j) => {
      runs.push(j);
      await release.promise;
    });
    await waitUntil(() => runs.length === 1, "the job to start");
    expect((await queue.enqueue(makeJob())).status).toBe("duplicate"); // running
    release.resolve();
    await waitUntil(() => events.of("completed").length === 1, "completion");
    expect((await queue.enqueue(makeJob())).status).toBe("duplicate"); // completed recently
    expect(runs).toHaveLength(1);
    expect(events.of("duplicate").map((e) => e.reason)).toEqual(["job-id", "job-id", "job-id"]);
  });

  it("treats full reviews of one commit from different deliveries as separate jobs", async () => {
    queue = createMemoryQueue();
    const a = await queue.enqueue(makeJob({ full: true, trigger: "command" }));
    const b = await queue.enqueue(makeJob({ full: true, trigger: "command" }));
    expect([a.status, b.status]).toEqual(["queued", "queued"]);
    expect(a.jobId).not.toBe(b.jobId);
  });

  it("forgets completed ids beyond the recent window", async () => {
    queue = createMemoryQueue({ recentIds: 2 });
    await queue.start(async () => {});
    for (const n of [1, 2, 3]) await queue.enqueue(makeJob({ pullNumber: n }));
    await waitUntil(() => queue!.stats().completed === 3, "three completions");
    // #1 fell out of a window of two; #3 is still in it.
    expect((await queue.enqueue(makeJob({ pullNumber: 1 }))).status).toBe("queued");
    expect((await queue.enqueue(makeJob({ pullNumber: 3 }))).status).toBe("duplicate");
  });

  it("drops older waiting jobs of a PR when a newer head arrives, and keeps other PRs' jobs", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ onEvent: events.onEvent });
    const old1 = makeJob({ headSha: sha("1") });
    const full1 = makeJob({ headSha: sha("1"), full: true, trigger: "command" });
    const other = makeJob({ pullNumber: 2, headSha: sha("1") });
    for (const job of [old1, full1, other]) await queue.enqueue(job);

    const outcome = await queue.enqueue(makeJob({ headSha: sha("2") }));
    expect(outcome).toEqual({
      status: "queued",
      jobId: `acme/shop#1@${sha("2")}`,
      superseded: [jobIdOf(old1), jobIdOf(full1)],
    });
    const ran: string[] = [];
    await queue.start(async (job) => void ran.push(jobIdOf(job)));
    await waitUntil(() => ran.length === 2, "two runs");
    expect(ran.sort()).toEqual([`acme/shop#1@${sha("2")}`, jobIdOf(other)].sort());
    expect(events.of("superseded").map((e) => e.state)).toEqual(["waiting", "waiting"]);
    expect(queue.stats().superseded).toBe(2);
  });

  it("aborts the running job of a PR when a newer head arrives, then runs the newer one", async () => {
    const events = eventLog();
    queue = createMemoryQueue({ onEvent: events.onEvent });
    const reasons: unknown[] = [];
    const ran: string[] = [];
    await queue.start(async (job, signal) => {
      ran.push(job.headSha[0]);
      if (job.headSha === sha("1")) {
        reasons.push(await aborted(signal));
        throw signal.reason;
      }
    });
    await queue.enqueue(makeJob({ headSha: sha("1") }));
    await waitUntil(() => ran.length === 1, "the first job to start");

    const outcome = await queue.enqueue(makeJob({ headSha: sha("2") }));
    expect(outcome).toMatchObject({ status: "queued", superseded: [] });
    await waitUntil(() => events.of("completed").length === 1, "the newer job to complete");

    expect(ran).toEqual(["1", "2"]);
    expect(reasons[0]).toBeInstanceOf(JobSupersededError);
    expect(reasons[0]).toMatchObject({ jobId: `acme/shop#1@${sha("1")}`, byHeadSha: sha("2") });
    expect(events.of("aborted")).toEqual([{ type: "aborted", jobId: `acme/shop#1@${sha("1")}`, pull: "acme/shop#1", reason: "superseded" }]);
    expect(queue.stats()).toMatchObject({ completed: 1, failed: 0, aborted: 1, superseded: 1 });
    // The superseded commit can come back (a force-push back to it) and is reviewed again.
    expect((await queue.enqueue(makeJob({ headSha: sha("1") }))).status).toBe("queued");
  });

  it("never runs two jobs of one PR side by side", async () => {
    queue = createMemoryQueue({ concurrency: 4 });
    let runningNow = 0;
    let maxRunning = 0;
    await queue.start(async () => {
      runningNow++;
      maxRunning = Math.max(maxRunning, runningNow);
      await new Promise((r) => setTimeout(r, 30));
      runningNow--;
    });
    await queue.enqueue(makeJob());
    await queue.enqueue(makeJob({ full: true, trigger: "command" }));
    await waitUntil(() => queue!.stats().completed === 2, "both jobs");
    expect(maxRunning).toBe(1);
  });
});
