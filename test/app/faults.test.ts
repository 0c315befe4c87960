import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openJobJournal } from "../../src/queue/job-journal.js";
import { createMemoryQueue } from "../../src/queue/memory-queue.js";
import type { QueueEvent } from "../../src/queue/queue-events.js";
import { createFakeGitHub, faults, loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, seedExamplePull, startApp, waitUntil, type RunningApp } from "./app-fixture.js";

let fake: FakeGitHub;
const apps: RunningApp[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => process.off("unhandledRejection", onUnhandled));
beforeEach(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedExamplePull(fake);
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  expect(fake.responseProblems.splice(0)).toEqual([]);
  await fake.close();
  expect(unhandled.splice(0)).toEqual([]);
});

const opened = (id: string) => ({
  id,
  name: "pull_request" as const,
  payload: loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA }),
});

describe("App: limits and faults", () => {
  it("delays a review hit by a secondary rate limit, then posts it once", async () => {
    fake.failNext("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", faults.secondaryRateLimit(1));
    const app = await startApp(fake);
    apps.push(app);
    await app.probot.receive(opened("rate-limited"));
    const retry = await app.waitFor((e) => e.type === "retrying");
    // GitHub's retry-after (1 s) is honoured over the queue's short test backoff.
    expect(retry).toMatchObject({ type: "retrying", delayMs: 1000 });
    await app.waitFor((e) => e.type === "completed");
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    const [check] = fake.state.checkRuns(REPO);
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("says on the check run what failed when GitHub keeps failing, without crashing other jobs", async () => {
    fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { status: 422, body: { message: "Validation Failed" } }, 1);
    const app = await startApp(fake);
    apps.push(app);
    await app.probot.receive(opened("broken"));
    await app.waitFor((e) => e.type === "completed" || e.type === "failed");
    const [check] = fake.state.checkRuns(REPO);
    expect(check).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(check!.output.title).toBe("patchwarden could not finish this review");
    expect(check!.output.summary).toMatch(/422/);
    expect(fake.state.reviews(REPO, 7)).toEqual([]);
  });

  it("loses nothing when the process dies mid-job: the next start-up finishes the review exactly once", async () => {
    const events: QueueEvent[] = [];
    const first = await startApp(fake, { queue: createMemoryQueue({ concurrency: 1, onEvent: (e) => events.push(e) }) });
    await first.probot.receive(opened("before-crash"));
    // The worker has created the job's check run: the durable record of a job in flight.
    await waitUntil(() => fake.state.checkRuns(REPO).length === 1);
    await waitUntil(() => events.some((e) => e.type === "started"));
    fake.setLatency(300); // GitHub slows down; the process goes away mid-job
    await first.close();
    fake.setLatency(0);
    expect(events.map((e) => e.type)).toContain("aborted");
    expect(fake.state.reviews(REPO, 7)).toEqual([]);
    expect(fake.state.checkRuns(REPO)[0]!.status).not.toBe("completed");

    // Second process: reconciliation finds the unfinished check run and completes the job.
    const second = await startApp(fake, { env: { RECONCILE_ON_START: "true" } });
    apps.push(second);
    await second.runtime.reconciled;
    await second.waitFor((e) => e.type === "completed");
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    const runs = fake.state.checkRuns(REPO);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("a job accepted but not yet recorded on GitHub survives a restart through the journal", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "patchwarden-app-"));
    try {
      // The first run stops before the check run (GitHub rate-limits it), and the process goes
      // away while the retry waits: nothing on GitHub knows of the job, only the journal does.
      fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}", faults.secondaryRateLimit(60));
      const first = await startApp(fake, { dataDir });
      apps.push(first);
      await first.probot.receive(opened("never-reviewed"));
      await first.waitFor((e) => e.type === "retrying");
      await first.close();
      expect(fake.state.checkRuns(REPO)).toEqual([]);
      expect(readFileSync(join(dataDir, "queue.jsonl"), "utf8")).toContain('"deliveryId":"never-reviewed"');

      // Reconciliation finds no check run to go on; the journal replays the job, once.
      const second = await startApp(fake, { dataDir, env: { RECONCILE_ON_START: "true" } });
      apps.push(second);
      await second.runtime.reconciled;
      await second.waitFor((e) => e.type === "completed");
      await second.idle();
      await second.close();
      expect(second.events.filter((e) => e.type === "started")).toHaveLength(1);
      expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
      expect(fake.state.checkRuns(REPO).map((r) => [r.status, r.externalId])).toEqual([["completed", "never-reviewed"]]);
      const journal = openJobJournal(join(dataDir, "queue.jsonl"));
      expect(journal.pending()).toEqual([]);
      await journal.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("replays a job cut short by shutdown on its own check run, which reconciliation then leaves alone", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "patchwarden-app-"));
    try {
      const first = await startApp(fake, { dataDir });
      apps.push(first);
      await first.probot.receive(opened("cut-short"));
      await waitUntil(() => fake.state.checkRuns(REPO).length === 1);
      fake.setLatency(300);
      await first.close();
      fake.setLatency(0);
      expect(fake.state.reviews(REPO, 7)).toEqual([]);

      // Both the journal and the in-progress check run know the job: it runs once, on that run.
      const second = await startApp(fake, { dataDir, env: { RECONCILE_ON_START: "true" } });
      apps.push(second);
      await second.runtime.reconciled;
      await second.waitFor((e) => e.type === "completed");
      await second.idle();
      expect(second.events.filter((e) => e.type === "started")).toHaveLength(1);
      expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
      expect(fake.state.checkRuns(REPO).map((r) => [r.status, r.conclusion])).toEqual([["completed", "failure"]]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

