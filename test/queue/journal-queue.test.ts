import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JournalWriteError, openJobJournal, type JobJournal } from "../../src/queue/job-journal.js";
import { createJournaledQueue } from "../../src/queue/journaled-queue.js";
import { createMemoryQueue, type MemoryQueue } from "../../src/queue/memory-queue.js";
import { RetryableJobError, type RetryPolicy } from "../../src/queue/retry-policy.js";
import type { JobProcessor, JobQueue, ReviewJob } from "../../src/queue/review-job.js";
import { aborted, eventLog, makeJob, recordingLogger, sha, waitUntil, watchUnhandledRejections } from "./queue-test-helpers.js";

let dir: string;
let rejections: ReturnType<typeof watchUnhandledRejections>;
const cleanup: (() => Promise<unknown>)[] = [];

/** One "process": a memory queue journaled to the test's file, and what it saw. */
function boot(retry: Partial<RetryPolicy> = { attempts: 3, backoffMs: 1 }) {
  const events = eventLog();
  const log = recordingLogger();
  const inner: MemoryQueue = createMemoryQueue({ concurrency: 2, retry, onEvent: events.onEvent });
  const journal: JobJournal = openJobJournal(join(dir, "queue.jsonl"));
  const queue: JobQueue = createJournaledQueue(inner, journal, { retry, log });
  cleanup.push(() => queue.close());
  /** The process dies: its queue stops, nothing is flushed or marked. */
  const crash = () => inner.close();
  return { queue, inner, journal, events, log, crash };
}

/** What the next start would replay, read from the file as a new process would. */
async function pendingOnDisk(): Promise<string[]> {
  const journal = openJobJournal(join(dir, "queue.jsonl"));
  const ids = journal.pending().map((job) => job.deliveryId);
  await journal.close();
  return ids;
}

/** A processor that records each run; `then` decides how the run ends. */
function recorder(then: (job: ReviewJob, signal: AbortSignal, run: number) => Promise<void> = async () => undefined) {
  const runs: string[] = [];
  const processor: JobProcessor = (job, signal) => {
    runs.push(job.deliveryId);
    return then(job, signal, runs.filter((id) => id === job.deliveryId).length);
  };
  return { runs, processor };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "patchwarden-jq-"));
  rejections = watchUnhandledRejections();
});
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
  rmSync(dir, { recursive: true, force: true });
  await new Promise((r) => setImmediate(r));
  expect(rejections.stop()).toEqual([]);
});

describe("journaled queue: crash safety of the memory queue", () => {
  it("replays jobs accepted before a crash into the next process, which runs each exactly once", async () => {
    const first = boot();
    const jobs = [1, 2, 3].map((n) => makeJob({ pullNumber: n }));
    for (const job of jobs) expect((await first.queue.enqueue(job)).status).toBe("queued");
    expect((await first.queue.enqueue(jobs[0]!)).status).toBe("duplicate");
    await first.crash();

    const second = boot();
    const { runs, processor } = recorder();
    await second.queue.start(processor);
    await waitUntil(() => second.events.of("completed").length === 3, "the replayed jobs");
    expect(runs.sort()).toEqual(jobs.map((j) => j.deliveryId).sort());
    expect(second.log.lines).toContainEqual({ level: "info", msg: expect.stringMatching(/re-enqueued/), obj: expect.objectContaining({ replayed: 3 }) });
    await second.crash();
    expect(await pendingOnDisk()).toEqual([]);
  });

  it("replays a job that crashed hard mid-run onto the check run it had recorded", async () => {
    const first = boot();
    const job = makeJob({ pullNumber: 9 });
    let release!: () => void;
    const { processor } = recorder(async (running) => {
      running.checkRunId = 4242;
      first.queue.recordProgress?.(running);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await first.queue.start(processor);
    await first.queue.enqueue(job);
    await waitUntil(() => release !== undefined, "the job to start");
    // kill -9: nothing settles, the journal only has what was recorded while running.
    const journal = openJobJournal(join(dir, "queue.jsonl"));
    expect(journal.pending().map((j) => j.checkRunId)).toEqual([4242]);
    await journal.close();
    release();
  });

  it("tells the caller when a job's record cannot be written (a full disk), and runs the job anyway", async () => {
    const retry = { attempts: 3, backoffMs: 1 };
    const inner = createMemoryQueue({ concurrency: 1, retry });
    let failing = true;
    const journal = openJobJournal(join(dir, "queue.jsonl"), {
      writeText: () => {
        if (failing) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      },
    });
    const queue = createJournaledQueue(inner, journal, { retry, log: recordingLogger() });
    cleanup.push(() => queue.close());
    const { runs, processor } = recorder(async (job) => {
      // Recording progress on a journal that cannot write does not fail the review.
      await queue.recordProgress?.({ ...job, checkRunId: 7 });
    });
    await queue.start(processor);
    const job = makeJob({ pullNumber: 9 });
    await expect(queue.enqueue(job)).rejects.toThrow(JournalWriteError);
    await waitUntil(() => runs.length === 1, "the job's run");
    // A redelivery while this process lives is a duplicate, not a second run.
    failing = false;
    expect((await queue.enqueue({ ...job })).status).toBe("duplicate");
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toEqual([job.deliveryId]);
  });

  it("answers a redelivery racing the original only once the original's record is on disk", async () => {
    const { queue } = boot();
    const job = makeJob({ pullNumber: 5 });
    // Same delivery twice in one turn: the second is a duplicate of a job whose record is still buffered.
    const outcomes = await Promise.all([queue.enqueue(job), queue.enqueue({ ...job })].map((p) => p.then(async (o) => ({ status: o.status, onDisk: await pendingOnDisk() }))));
    expect(outcomes).toEqual([
      { status: "queued", onDisk: [job.deliveryId] },
      { status: "duplicate", onDisk: [job.deliveryId] },
    ]);
  });

  it("does not run twice a job accepted by this process before start", async () => {
    const first = boot();
    const job = makeJob();
    await first.queue.enqueue(job);
    const { runs, processor } = recorder();
    await first.queue.start(processor);
    await waitUntil(() => first.events.of("completed").length === 1, "the job");
    expect(runs).toEqual([job.deliveryId]);
    expect(first.events.of("duplicate")).toEqual([]);
  });

  it("keeps a job its processor finished before enqueue returned out of the journal", async () => {
    const first = boot();
    await first.queue.start(recorder().processor);
    await first.queue.enqueue(makeJob());
    await waitUntil(() => first.events.of("completed").length === 1, "the job");
    await first.crash();
    expect(await pendingOnDisk()).toEqual([]);
  });

  it("replays a job aborted by shutdown, even one whose processor returned quietly, with its check run", async () => {
    const first = boot();
    const job = makeJob();
    await first.queue.start(
      recorder(async (running, signal) => {
        running.checkRunId = 77;
        await aborted(signal); // like the review processor: an interrupted review returns
      }).processor,
    );
    await first.queue.enqueue(job);
    await waitUntil(() => first.events.of("started").length === 1, "the job to start");
    await first.queue.close();
    expect(first.events.of("aborted")).toMatchObject([{ reason: "shutdown" }]);

    const second = boot();
    const { runs, processor } = recorder();
    const seen: (number | undefined)[] = [];
    await second.queue.start((j, s) => (seen.push(j.checkRunId), processor(j, s)));
    await waitUntil(() => second.events.of("completed").length === 1, "the replay");
    expect(runs).toEqual([job.deliveryId]);
    expect(seen).toEqual([77]);
  });

  it("does not replay final failures, nor retryable ones whose attempts are spent", async () => {
    const first = boot({ attempts: 2, backoffMs: 1 });
    await first.queue.start(
      recorder(async (job) => {
        throw job.pullNumber === 1 ? new Error("bad diff") : new RetryableJobError("GitHub 502");
      }).processor,
    );
    await first.queue.enqueue(makeJob({ pullNumber: 1 }));
    await first.queue.enqueue(makeJob({ pullNumber: 2 }));
    await waitUntil(() => first.events.of("failed").length === 2, "both failures");
    await first.crash();
    expect(await pendingOnDisk()).toEqual([]);
  });

  it("replays a retryable failure only when the process died before the retry", async () => {
    const patient = boot({ attempts: 3, backoffMs: 60_000 });
    const failOnce = () => recorder(async (_job, _signal, run) => {
      if (run === 1) throw new RetryableJobError("GitHub 502");
    });
    const dying = failOnce();
    await patient.queue.start(dying.processor);
    const lost = makeJob({ pullNumber: 1 });
    await patient.queue.enqueue(lost);
    await waitUntil(() => patient.events.of("retrying").length === 1, "the retry to be scheduled");
    await patient.crash();
    expect(await pendingOnDisk()).toEqual([lost.deliveryId]);

    const quick = boot({ attempts: 3, backoffMs: 1 });
    const surviving = failOnce();
    await quick.queue.start(surviving.processor);
    const kept = makeJob({ pullNumber: 2 });
    await quick.queue.enqueue(kept);
    // The replayed job's first run here fails too, and is retried in this process like the new one.
    await waitUntil(() => quick.events.of("completed").length === 2, "both jobs after their retry");
    expect(surviving.runs.sort()).toEqual([lost.deliveryId, lost.deliveryId, kept.deliveryId, kept.deliveryId].sort());
    await quick.crash();
    expect(await pendingOnDisk()).toEqual([]);
  });

  it("does not replay superseded jobs, waiting or running", async () => {
    const first = boot();
    const waitingOld = makeJob({ pullNumber: 1, headSha: sha("1") });
    const waitingNew = makeJob({ pullNumber: 1, headSha: sha("2") });
    await first.queue.enqueue(waitingOld);
    expect(await first.queue.enqueue(waitingNew)).toMatchObject({ status: "queued", superseded: [expect.any(String)] });

    const runningOld = makeJob({ pullNumber: 2, headSha: sha("1") });
    await first.queue.start(recorder((_job, signal) => aborted(signal).then(() => undefined)).processor);
    await first.queue.enqueue(runningOld);
    await waitUntil(() => first.events.of("started").some((e) => e.pull === "acme/shop#2"), "the old commit's review");
    const runningNew = makeJob({ pullNumber: 2, headSha: sha("2") });
    await first.queue.enqueue(runningNew);
    await waitUntil(() => first.events.of("aborted").length === 1, "the old review to stop");
    expect(first.events.of("aborted")).toMatchObject([{ reason: "superseded" }]);
    await first.crash();

    // Only the newer commits' jobs are left (held until the crash, which leaves them pending).
    expect((await pendingOnDisk()).sort()).toEqual([waitingNew.deliveryId, runningNew.deliveryId].sort());
  });

  it("treats a job for a check run one of its jobs owns, or owned, as a duplicate (reconciliation after a replay)", async () => {
    const first = boot();
    const job = makeJob({ pullNumber: 1, checkRunId: 5 });
    await first.queue.enqueue(job);
    const reconciled = (checkRunId: number, headSha = job.headSha) => makeJob({ pullNumber: 1, headSha, trigger: "reconcile", checkRunId });
    expect((await first.queue.enqueue(reconciled(5))).status).toBe("duplicate");
    const { runs, processor } = recorder();
    await first.queue.start(processor);
    await waitUntil(() => first.events.of("completed").length === 1, "the job");
    expect((await first.queue.enqueue(reconciled(5))).status).toBe("duplicate");
    expect((await first.queue.enqueue(reconciled(6, sha("9")))).status).toBe("queued");
    await waitUntil(() => first.events.of("completed").length === 2, "the other check run's job");
    expect(runs).toHaveLength(2);
  });

  it("keeps one run of a job recorded twice (a redelivery accepted after a restart)", async () => {
    const first = boot();
    const original = makeJob();
    await first.queue.enqueue(original);
    await first.crash();
    const second = boot();
    const redelivery = makeJob(); // same PR and commit: same job id, new delivery id
    await second.queue.enqueue(redelivery);
    const { runs, processor } = recorder();
    await second.queue.start(processor);
    await waitUntil(() => second.events.of("completed").length === 1, "the job");
    expect(runs).toEqual([redelivery.deliveryId]);
    await second.crash();
    expect(await pendingOnDisk()).toEqual([]);
  });
});
