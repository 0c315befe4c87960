import { createServer, type Server, type ServerOptions } from "node:http";
import { connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { Logger } from "probot";
import { createIntakePool, type IntakePool } from "../../src/app/intake-pool.js";
import { createMetrics } from "../../src/app/metrics.js";
import { createRoutes } from "../../src/app/routes.js";
import { createWebhookFront, type WebhookFrontOptions } from "../../src/app/webhook-front.js";
import type { GitHubClient } from "../../src/github/github-client.js";
import { createMemoryQueue, type MemoryQueue } from "../../src/queue/memory-queue.js";
import type { QueueEvent } from "../../src/queue/queue-events.js";
import { createTestProbot, loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, signBody, useFakeGitHub, WEBHOOK_SECRET } from "./app-fixture.js";

// The webhook front mounted alone in a node:http server (404 for what it leaves), with the App's
// real routes, a memory queue nobody works (jobs stay where the front put them) and, for the
// routes that ask GitHub, installation clients on the fake GitHub.

const PATH = "/api/github/webhooks";

interface Front {
  url: string;
  events: QueueEvent[];
  queue: MemoryQueue;
  clientsMade: number[];
  logged: Array<{ level: string; msg: string }>;
  metrics: ReturnType<typeof createMetrics>;
  intake: IntakePool;
  handle: ReturnType<typeof createWebhookFront>;
  server: Server;
}

let front: Front | undefined;
const github = useFakeGitHub(async () => {
  if (front) {
    await new Promise<void>((resolve) => front!.server.close(() => resolve()));
    await front.intake.close();
    await front.queue.close();
  }
  front = undefined;
});
let fake: FakeGitHub;
beforeEach(() => {
  fake = github();
});

async function startFront(options: Partial<Omit<WebhookFrontOptions, "intake">> & { threads?: number } = {}, serverOptions: ServerOptions = {}): Promise<Front> {
  const events: QueueEvent[] = [];
  const clientsMade: number[] = [];
  const logged: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (_fields: unknown, msg: string) => void logged.push({ level, msg });
  const log = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } as unknown as Logger;
  const queue = createMemoryQueue({ onEvent: (e) => events.push(e) });
  const metrics = createMetrics(() => queue.depth(), false);
  const intake = createIntakePool({ secret: WEBHOOK_SECRET, checkName: "patchwarden", threads: options.threads ?? 0, log });
  const probot = createTestProbot(fake);
  const handle = createWebhookFront({
    path: PATH,
    intake,
    routes: createRoutes(),
    deps: { queue, metrics, log, checkName: "patchwarden" },
    octokitFor: async (installationId) => {
      clientsMade.push(installationId);
      return (await probot.auth(installationId)) as unknown as GitHubClient;
    },
    ...options,
  });
  const server = createServer(serverOptions, async (req, res) => {
    if (!(await handle(req, res))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  front = { url: `http://127.0.0.1:${port}${PATH}`, events, queue, clientsMade, logged, metrics, intake, handle, server };
  return front;
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

function signedHeaders(name: string, body: string | Buffer, id = "d-1"): Record<string, string> {
  return { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": signBody(body) };
}

async function deliveries(f: Front, outcome: string): Promise<number> {
  const metric = await f.metrics.deliveries.get();
  return metric.values.filter((v) => v.labels.outcome === outcome).reduce((sum, v) => sum + v.value, 0);
}

async function eventLabels(f: Front): Promise<string[]> {
  return [...new Set((await f.metrics.deliveries.get()).values.map((v) => String(v.labels.event)))].sort();
}

const opened = () => loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA, installationId: 42 });
const command = (login: string, body = "/review") =>
  loadWebhookExample("issue_comment.created", { repo: REPO, number: 7, sender: login, comment: { body, user: login }, onPullRequest: true });

describe.each([
  ["inline", 0],
  ["on an intake thread", 1],
])("webhook front (%s)", (_label, threads) => {
  it("verifies, triages and enqueues a pull_request.opened, then answers 202 — without making a client", async () => {
    const f = await startFront({ threads });
    const body = JSON.stringify(opened());
    expect(await post(f.url, body, signedHeaders("pull_request", body, "guid-1"))).toEqual({ status: 202, body: { ok: true, handled: true } });
    expect(f.events).toEqual([{ type: "queued", jobId: `${REPO}#7@${HEAD_SHA}:full:guid-1`, pull: `${REPO}#7`, superseded: [] }]);
    expect(f.clientsMade).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(await deliveries(f, "queued")).toBe(1);
  });

  it("settles comments that are not commands on the payload, and asks GitHub only for a /review", async () => {
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    const f = await startFront({ threads });
    const chat = JSON.stringify(command("maintainer", "LGTM"));
    expect((await post(f.url, chat, signedHeaders("issue_comment", chat, "c-1"))).status).toBe(202);
    expect(f.clientsMade).toEqual([]);
    expect(await deliveries(f, "skipped:no-command")).toBe(1);
    const review = JSON.stringify(command("maintainer"));
    expect((await post(f.url, review, signedHeaders("issue_comment", review, "c-2"))).status).toBe(202);
    expect(f.clientsMade).toEqual([1]);
    expect(f.events).toEqual([expect.objectContaining({ type: "queued", jobId: `${REPO}#7@${HEAD_SHA}:full:c-2` })]);
  });

  it("rejects a wrong or malformed signature with 401 and enqueues nothing", async () => {
    const f = await startFront({ threads });
    const body = JSON.stringify(opened());
    for (const signature of [signBody(body, "another-secret"), signBody(`${body} `), "sha256=abc", "sha1=" + "0".repeat(40), signBody(body).toUpperCase()]) {
      const answer = await post(f.url, body, { ...signedHeaders("pull_request", body), "x-hub-signature-256": signature });
      expect(answer).toEqual({ status: 401, body: { error: "signature does not match the webhook secret" } });
    }
    expect(f.events).toEqual([]);
    expect(await deliveries(f, "rejected:signature")).toBe(5);
  });

  it("answers 400 to a correctly signed body that is not a JSON object", async () => {
    const f = await startFront({ threads });
    for (const body of ['{"action": "opened",', "[1,2]", "null"]) {
      expect((await post(f.url, body, signedHeaders("pull_request", body))).status).toBe(400);
    }
    expect(f.events).toEqual([]);
    expect(await deliveries(f, "rejected:json")).toBe(3);
  });
});

describe("webhook front", () => {
  it("checks the signature over the exact bytes (non-ASCII text included)", async () => {
    const f = await startFront({ threads: 1 });
    const payload = opened();
    payload.pull_request.title = "Fix naïve café parsing 🚀 — ünïcödé";
    const bytes = Buffer.from(JSON.stringify(payload), "utf8");
    expect((await post(f.url, bytes, signedHeaders("pull_request", bytes))).status).toBe(202);
    expect(f.events).toHaveLength(1);
  });

  it("names the missing headers (400) and refuses non-JSON content (415)", async () => {
    const f = await startFront();
    const body = JSON.stringify(opened());
    const missing = await post(f.url, body, { "content-type": "application/json", "x-github-event": "pull_request" });
    expect(missing).toEqual({ status: 400, body: { error: "required headers missing: x-github-delivery, x-hub-signature-256" } });
    const form = `payload=${encodeURIComponent(body)}`;
    const wrongType = await post(f.url, form, { ...signedHeaders("pull_request", form), "content-type": "application/x-www-form-urlencoded" });
    expect(wrongType.status).toBe(415);
    expect(String(wrongType.body?.error)).toContain("application/json");
    expect(f.events).toEqual([]);
  });

  it("refuses a payload over the size limit (413), declared or streamed", async () => {
    const f = await startFront({ maxBodyBytes: 1000 });
    const body = JSON.stringify({ action: "opened", filler: "x".repeat(5000) });
    expect((await post(f.url, body, signedHeaders("pull_request", body))).status).toBe(413);
    // Chunked, with no content-length: the limit is enforced while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode("x".repeat(400)));
        controller.close();
      },
    });
    const chunked = await fetch(f.url, { method: "POST", headers: signedHeaders("pull_request", body), body: stream, duplex: "half" } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await deliveries(f, "rejected:too-large")).toBe(2);
  });

  it("answers 202 to events it has no route for, by action too", async () => {
    const f = await startFront();
    const closed = JSON.stringify(loadWebhookExample("pull_request.closed"));
    expect(await post(f.url, closed, signedHeaders("pull_request", closed))).toEqual({ status: 202, body: { ok: true, handled: false } });
    const ping = JSON.stringify(loadWebhookExample("ping"));
    expect(await post(f.url, ping, signedHeaders("ping", ping))).toEqual({ status: 202, body: { ok: true, handled: false } });
    expect(f.events).toEqual([]);
    expect(await deliveries(f, "ignored")).toBe(2);
  });

  it("answers 500 when the job cannot be enqueued, so GitHub can redeliver", async () => {
    const f = await startFront();
    await f.queue.close();
    const body = JSON.stringify(opened());
    expect(await post(f.url, body, signedHeaders("pull_request", body))).toEqual({ status: 500, body: { error: "the delivery could not be processed; see the App's log" } });
    expect(f.logged).toContainEqual({ level: "error", msg: "webhook handler failed" });
    expect(await deliveries(f, "error")).toBe(1);
  });

  it("answers before GitHub's timeout when asking GitHub is slow, and lets the work finish", async () => {
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    const f = await startFront({ answerByMs: 30 });
    fake.setLatency(150);
    const body = JSON.stringify(command("maintainer"));
    expect(await post(f.url, body, signedHeaders("issue_comment", body, "slow"))).toEqual({ status: 202, body: { ok: true, handled: true, finishing: true } });
    expect(f.events).toEqual([]);
    const deadline = Date.now() + 10_000;
    while (f.events.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(f.events).toEqual([expect.objectContaining({ type: "queued", jobId: `${REPO}#7@${HEAD_SHA}:full:slow` })]);
  });

  it("logs a slow GitHub question that then fails, instead of leaving an unhandled rejection", async () => {
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    const f = await startFront({ answerByMs: 30 });
    fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}", { status: 403, body: { message: "Resource not accessible by integration" }, delayMs: 150 });
    const body = JSON.stringify(command("maintainer"));
    expect(await post(f.url, body, signedHeaders("issue_comment", body, "slow-fail"))).toEqual({ status: 202, body: { ok: true, handled: true, finishing: true } });
    const deadline = Date.now() + 10_000;
    const failed = () => f.logged.some((l) => l.msg === "webhook handler failed after the answer");
    while (!failed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(failed()).toBe(true);
    expect(f.events).toEqual([]);
  });

  it("counts unsigned requests under one label, whatever event name they claim", async () => {
    const f = await startFront();
    const body = JSON.stringify(opened());
    for (let i = 0; i < 20; i++) {
      const answer = await post(f.url, body, { ...signedHeaders(`made-up-event-${i}`, body), "x-hub-signature-256": `sha256=${"0".repeat(64)}` });
      expect(answer.status).toBe(401);
    }
    expect(await post(f.url, body, { "content-type": "text/plain", "x-github-event": "another-made-up-name", "x-github-delivery": "x", "x-hub-signature-256": signBody(body) })).toMatchObject({ status: 415 });
    expect(await eventLabels(f)).toEqual(["unverified"]);
    // A verified delivery is counted under its real event.
    await post(f.url, body, signedHeaders("pull_request", body));
    expect(await eventLabels(f)).toEqual(["pull_request.opened", "unverified"]);
  });

  it("answers 503 while the deliveries in flight hold too many bytes, and accepts again once they are done", async () => {
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    const review = JSON.stringify(command("maintainer"));
    const body = JSON.stringify(opened());
    // Room for either body alone, not for both at once.
    const f = await startFront({ maxInFlightBytes: Buffer.byteLength(review) + Buffer.byteLength(body) - 1 });
    // A /review waits on GitHub, so its body stays held.
    fake.setLatency(300);
    const slow = post(f.url, review, signedHeaders("issue_comment", review, "held"));
    await new Promise((r) => setTimeout(r, 100));
    expect(await post(f.url, body, signedHeaders("pull_request", body, "refused"))).toEqual({ status: 503, body: { error: "too many deliveries in flight; redeliver this one" } });
    expect((await slow).status).toBe(202);
    fake.setLatency(0);
    expect((await post(f.url, body, signedHeaders("pull_request", body, "later"))).status).toBe(202);
  });

  it("charges bytes as they arrive: headers promising large bodies that never come do not crowd out real deliveries", async () => {
    const body = JSON.stringify(opened());
    const f = await startFront({ maxInFlightBytes: 2 * Buffer.byteLength(body) }, { requestTimeout: 200, connectionsCheckingInterval: 50 });
    const { port } = new URL(f.url);
    // Three connections declare bodies as large as the whole budget and send nothing.
    const idle = await Promise.all(
      [0, 1, 2].map(
        (i) =>
          new Promise<Socket>((resolve) => {
            const socket = connect(Number(port), "127.0.0.1", () => {
              socket.write(`POST ${PATH} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-github-event: ping\r\nx-github-delivery: idle-${i}\r\nx-hub-signature-256: sha256=${"0".repeat(64)}\r\ncontent-length: ${2 * Buffer.byteLength(body)}\r\n\r\n`);
              resolve(socket);
            });
          }),
      ),
    );
    const answers = idle.map((socket) => new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (d) => (text += d.toString()));
      socket.on("close", () => resolve(text));
    }));
    expect((await post(f.url, body, signedHeaders("pull_request", body, "real"))).status).toBe(202);
    // The server's request timeout answers the idle ones 408 and drops them.
    for (const text of await Promise.all(answers)) expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(await deliveries(f, "rejected:aborted")).toBe(3);
  });

  it("waits at shutdown for a /review still asking GitHub after its answer", async () => {
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    const f = await startFront({ answerByMs: 30 });
    fake.setLatency(150);
    const body = JSON.stringify(command("maintainer"));
    expect((await post(f.url, body, signedHeaders("issue_comment", body, "late"))).body).toEqual({ ok: true, handled: true, finishing: true });
    expect(f.events).toEqual([]);
    await f.handle.drain();
    expect(f.events).toEqual([expect.objectContaining({ type: "queued", jobId: `${REPO}#7@${HEAD_SHA}:full:late` })]);
  });

  it("leaves other paths and methods to the next handler", async () => {
    const f = await startFront();
    expect((await fetch(f.url)).status).toBe(404);
    const body = JSON.stringify(opened());
    expect((await post(f.url.replace(PATH, "/elsewhere"), body, signedHeaders("pull_request", body))).status).toBe(404);
    expect((await post(`${f.url}?x=1`, body, signedHeaders("pull_request", body, "query"))).status).toBe(202);
    // Probot's path ignores a trailing slash, and so does the front.
    expect((await post(`${f.url}/`, body, signedHeaders("pull_request", body, "slash"))).status).toBe(202);
  });
});
