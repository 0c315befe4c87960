import type { QueueEvent } from "../../src/queue/queue-events.js";
import { redisQueueHarness, requireRedis, redisUrl } from "../queue/redis-test-helpers.js";
import { createFakeGitHub, loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, seedExamplePull, startApp, waitUntil, type RunningApp } from "./app-fixture.js";

// The App scaled out: a webhook process (producer) and worker processes on the real Redis.
let fake: FakeGitHub;
let harness: ReturnType<typeof redisQueueHarness>;
const apps: RunningApp[] = [];
const REDIS_ENV = { QUEUE: "redis", REDIS_URL: redisUrl };

beforeAll(() => requireRedis());
beforeEach(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedExamplePull(fake);
  harness = redisQueueHarness();
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await harness.cleanUp();
  expect(fake.responseProblems.splice(0)).toEqual([]);
  await fake.close();
});


const opened = (id: string) => ({
  id,
  name: "pull_request" as const,
  payload: loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA }),
});

describe("App on Redis (QUEUE=redis)", () => {
  it("a producer process accepts the delivery and a worker process posts the review once", async () => {
    const producer = await startApp(fake, { env: { ...REDIS_ENV, WORKER_MODE: "producer" }, queue: harness.open({ role: "producer" }) });
    apps.push(producer);
    const worker = await startApp(fake, { env: REDIS_ENV, queue: harness.open({ role: "worker" }) });
    apps.push(worker);
    await producer.probot.receive(opened("redis-1"));
    await producer.probot.receive(opened("redis-1")); // redelivery
    await waitUntil(() => fake.state.checkRuns(REPO).some((r) => r.status === "completed"), "the review");
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    expect(fake.state.checkRuns(REPO)).toHaveLength(1);
  });

  it("a worker that dies mid-job hands the job to another worker, and the review is posted exactly once", async () => {
    const producer = await startApp(fake, { env: { ...REDIS_ENV, WORKER_MODE: "producer" }, queue: harness.open({ role: "producer" }) });
    apps.push(producer);
    const firstEvents: QueueEvent[] = [];
    const first = await startApp(fake, { env: REDIS_ENV, queue: harness.open({ role: "worker", onEvent: (e) => firstEvents.push(e) }) });
    await producer.probot.receive(opened("redis-crash"));
    await waitUntil(() => firstEvents.some((e) => e.type === "started"), "the first worker to start");
    // Mid-job: its check run is in progress (and recorded in the job's data) when it goes away.
    await waitUntil(() => fake.state.checkRuns(REPO)[0]?.status === "in_progress", "the first worker's check run");
    fake.setLatency(300);
    await first.close(); // the worker goes away mid-job
    fake.setLatency(0);
    expect(fake.state.reviews(REPO, 7)).toEqual([]);

    const second = await startApp(fake, { env: REDIS_ENV, queue: harness.open({ role: "worker" }) });
    apps.push(second);
    await waitUntil(() => fake.state.reviews(REPO, 7).length > 0 && fake.state.checkRuns(REPO).every((r) => r.status === "completed"), "the second worker's review").catch((err) => {
      throw new Error(`${String(err)}; check runs: ${JSON.stringify(fake.state.checkRuns(REPO).map((r) => [r.id, r.status, r.conclusion]))}; reviews: ${fake.state.reviews(REPO, 7).length}; requests: ${fake.requests.slice(-12).map((r) => `${r.status} ${r.method} ${r.path}`).join(" | ")}`);
    });

    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    // The job kept its check run across workers: one run, completed.
    expect(fake.state.checkRuns(REPO).map((r) => r.status)).toEqual(["completed"]);
  });
});
