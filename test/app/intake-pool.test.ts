import { Worker } from "node:worker_threads";
import type { Logger } from "probot";
import type { IntakeOutcome, RawDelivery } from "../../src/app/intake-core.js";
import { createIntakePool, defaultIntakeThreads, type IntakePool } from "../../src/app/intake-pool.js";
import { loadWebhookExample } from "../fakes/github/index.js";
import { signBody, WEBHOOK_SECRET } from "./app-fixture.js";

const pools: IntakePool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function recordingLog() {
  const lines: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (_fields: unknown, msg: string) => void lines.push({ level, msg });
  return { lines, log: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } as unknown as Logger };
}

function pool(threads: number, extra: Partial<Parameters<typeof createIntakePool>[0]> = {}): IntakePool {
  const created = createIntakePool({ secret: WEBHOOK_SECRET, checkName: "patchwarden", threads, log: recordingLog().log, ...extra });
  pools.push(created);
  return created;
}

function raw(name: string, payload: unknown, id = "d-1", signature?: string): RawDelivery {
  const body = Buffer.from(JSON.stringify(payload));
  return { name, id, signature: signature ?? signBody(body), body: new Uint8Array(body) };
}

/** Outcomes without the jobs' acceptance times, which differ between runs. */
function comparable(outcome: IntakeOutcome): unknown {
  if (outcome.kind !== "decided" || outcome.decision.kind !== "jobs") return outcome;
  return { ...outcome, decision: { ...outcome.decision, jobs: outcome.decision.jobs.map(({ enqueuedAt: _at, ...job }) => job) } };
}

const deliveries = (): RawDelivery[] => {
  const closed = loadWebhookExample("pull_request.opened", { repo: "acme/shop", number: 8 });
  closed.pull_request.state = "closed";
  const review = loadWebhookExample("issue_comment.created", { repo: "acme/shop", number: 7, sender: "maintainer", comment: { body: "/review" }, onPullRequest: true });
  const rerequested = loadWebhookExample("check_run.rerequested", { repo: "acme/shop", headSha: "a".repeat(40) });
  rerequested.check_run.name = "patchwarden";
  // The example's run belongs to no PR; this one belongs to #7 (only number and base sha are read).
  rerequested.check_run.pull_requests = [{ number: 7, base: { sha: "b".repeat(40) } } as never];
  return [
    raw("pull_request", loadWebhookExample("pull_request.opened", { repo: "acme/shop", number: 7, headSha: "c".repeat(40) }), "opened"),
    raw("pull_request", loadWebhookExample("pull_request.synchronize", { repo: "acme/shop", number: 7, headSha: "d".repeat(40) }), "pushed"),
    raw("pull_request", closed, "closed"),
    raw("pull_request", loadWebhookExample("pull_request.opened", { repo: "acme/shop", number: 9, sender: "renovate[bot]" }), "bot"),
    raw("issue_comment", loadWebhookExample("issue_comment.created", { repo: "acme/shop", number: 7, comment: { body: "LGTM" }, onPullRequest: true }), "chat"),
    raw("issue_comment", review, "review"),
    raw("check_run", rerequested, "rerun"),
    raw("ping", loadWebhookExample("ping"), "ping"),
    raw("pull_request", loadWebhookExample("pull_request.opened"), "forged", `sha256=${"0".repeat(64)}`),
  ];
};

describe("intake pool", () => {
  it("decides every kind of delivery on a thread exactly as inline", async () => {
    const inline = pool(0);
    const threaded = pool(1);
    expect(threaded.threads).toBe(1);
    // Bodies move to the thread (their buffers are detached here), so each pool gets its own.
    const onThread = await Promise.all(deliveries().map((d) => threaded.process(d)));
    const here = await Promise.all(deliveries().map((d) => inline.process(d)));
    expect(onThread.map(comparable)).toEqual(here.map(comparable));
    // And the decisions are the ones the routes make.
    expect(here.map((o) => (o.kind === "decided" ? `${o.decision.kind}${o.decision.kind === "skip" ? `:${o.decision.reason}` : ""}` : o.kind))).toEqual([
      "jobs",
      "jobs",
      "skip:closed",
      "skip:bot-sender",
      "skip:no-command",
      "ask-github",
      "jobs",
      "unrouted",
      "rejected",
    ]);
    const [opened, pushed] = here as Array<Extract<IntakeOutcome, { kind: "decided" }>>;
    expect(opened.decision).toMatchObject({ kind: "jobs", event: "pull_request.opened", jobs: [{ deliveryId: "opened", pullNumber: 7, headSha: "c".repeat(40), full: true, trigger: "pull_request" }] });
    expect(pushed.decision).toMatchObject({ kind: "jobs", jobs: [{ deliveryId: "pushed", full: false }] });
    // The /review comes back with its body, for the main thread to finish with GitHub.
    const review = onThread[5] as Extract<IntakeOutcome, { kind: "decided" }>;
    expect(JSON.parse(Buffer.from(review.body!).toString("utf8")).comment.body).toBe("/review");
    expect((onThread[0] as Extract<IntakeOutcome, { kind: "decided" }>).body).toBeUndefined();
    expect((here[6] as Extract<IntakeOutcome, { kind: "decided" }>).decision).toMatchObject({
      kind: "jobs",
      jobs: [{ deliveryId: "rerun:7", pullNumber: 7, headSha: "a".repeat(40), baseSha: "b".repeat(40), trigger: "rerequest", full: true }],
    });
  });

  it("fails the deliveries of a thread that dies and starts another", async () => {
    const { lines, log } = recordingLog();
    const threaded = pool(1, { log });
    // A large delivery keeps the thread busy parsing while it is stopped.
    const large = raw("pull_request", { ...loadWebhookExample("pull_request.opened"), filler: "x".repeat(40_000_000) });
    const inFlight = threaded.process(large);
    await threaded.workers()[0]!.terminate();
    await expect(inFlight).rejects.toThrow(/intake thread stopped/);
    expect(lines).toContainEqual({ level: "error", msg: "intake thread stopped; starting another" });
    expect(threaded.threads).toBe(1);
    const outcome = await threaded.process(deliveries()[0]!);
    expect(outcome).toMatchObject({ kind: "decided", decision: { kind: "jobs" } });
  });

  it("falls back to the main thread when intake threads cannot start", async () => {
    const { lines, log } = recordingLog();
    const broken = pool(1, { log, spawn: () => new Worker("process.exit(3)", { eval: true }) });
    const deadline = Date.now() + 10_000;
    while (broken.threads > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(lines).toContainEqual({ level: "error", msg: "intake threads cannot start; verifying and parsing deliveries on the main thread" });
    expect(await broken.process(deliveries()[0]!)).toMatchObject({ kind: "decided", decision: { kind: "jobs" } });
  });

  it("stops a thread that takes too long on a delivery, fails its deliveries and starts another", async () => {
    const { lines, log } = recordingLog();
    let spawned = 0;
    // A thread that never answers, as one stuck on a pathological payload would.
    const stuck = pool(1, { log, timeoutMs: 100, spawn: () => (spawned++, new Worker("require('node:worker_threads').parentPort.on('message', () => {})", { eval: true })) });
    await expect(stuck.process(deliveries()[0]!)).rejects.toThrow(/intake thread stopped/);
    expect(lines).toContainEqual({ level: "error", msg: "an intake thread took too long on a delivery; stopping it" });
    const deadline = Date.now() + 5_000;
    while (spawned < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(spawned).toBe(2);
    // A thread stopped for time did start: it does not count toward falling back to inline.
    expect(lines.map((l) => l.msg)).not.toContain("intake threads cannot start; verifying and parsing deliveries on the main thread");
    expect(stuck.threads).toBe(1);
  });

  it("refuses work once closed", async () => {
    const threaded = pool(1);
    await threaded.close();
    await expect(threaded.process(deliveries()[0]!)).rejects.toThrow("intake is closed");
    expect(threaded.workers()).toEqual([]);
  });

  it("uses one thread per core beyond the first, at most two, none on one core", () => {
    expect([1, 2, 3, 8].map((cores) => defaultIntakeThreads(cores))).toEqual([0, 1, 2, 2]);
    expect(() => createIntakePool({ secret: "s", checkName: "c", threads: -1, log: recordingLog().log })).toThrow(RangeError);
  });
});
