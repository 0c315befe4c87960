import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "probot";
import type { EmitterWebhookEventName } from "@octokit/webhooks";
import { DeliveryRoutes, type Delivery } from "../../src/app/delivery.js";
import { createMetrics } from "../../src/app/metrics.js";
import { createWebhookFront, type WebhookFrontOptions } from "../../src/app/webhook-front.js";
import type { GitHubClient } from "../../src/github/github-client.js";
import { loadWebhookExample } from "../fakes/github/index.js";
import { signBody, WEBHOOK_SECRET } from "./app-fixture.js";

const PATH = "/api/github/webhooks";

/** What a recording handler keeps of a delivery. */
interface Seen {
  id: string;
  name: string;
  payload: unknown;
}

interface Front {
  url: string;
  seen: Seen[];
  clientsMade: number[];
  logged: Array<{ level: string; msg: string }>;
  metrics: ReturnType<typeof createMetrics>;
  server: Server;
}

let front: Front | undefined;
afterEach(async () => {
  if (front) await new Promise<void>((resolve) => front!.server.close(() => resolve()));
  front = undefined;
});

/** The front mounted alone in a node:http server (404 for anything it leaves), with recording handlers. */
async function startFront(configure: (routes: DeliveryRoutes, seen: Seen[]) => void, options: Partial<WebhookFrontOptions> = {}): Promise<Front> {
  const seen: Seen[] = [];
  const clientsMade: number[] = [];
  const logged: Array<{ level: string; msg: string }> = [];
  const at = (level: string) => (_fields: unknown, msg: string) => void logged.push({ level, msg });
  const log = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } as unknown as Logger;
  const routes = new DeliveryRoutes();
  configure(routes, seen);
  const metrics = createMetrics(async () => ({ waiting: 0, active: 0 }), false);
  const handle = createWebhookFront({
    secret: WEBHOOK_SECRET,
    path: PATH,
    routes,
    log,
    metrics,
    octokitFor: async (installationId) => {
      clientsMade.push(installationId);
      return { installationId } as unknown as GitHubClient;
    },
    ...options,
  });
  const server = createServer(async (req, res) => {
    if (!(await handle(req, res))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  front = { url: `http://127.0.0.1:${port}${PATH}`, seen, clientsMade, logged, metrics, server };
  return front;
}

const record =
  <E extends EmitterWebhookEventName>(seen: Seen[]) =>
  async (delivery: Delivery<E>) =>
    void seen.push({ id: delivery.id, name: delivery.name, payload: delivery.payload });

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

describe("webhook front", () => {
  it("verifies, parses and hands a routed delivery to its handler, then answers 202 — without making a client", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    const payload = loadWebhookExample("pull_request.opened", { repo: "acme/shop", number: 7, installationId: 42 });
    const body = JSON.stringify(payload);
    const answer = await post(f.url, body, signedHeaders("pull_request", body, "guid-1"));
    expect(answer).toEqual({ status: 202, body: { ok: true, handled: true } });
    expect(f.seen).toHaveLength(1);
    expect(f.seen[0]).toMatchObject({ id: "guid-1", name: "pull_request" });
    expect(f.seen[0].payload).toEqual(payload);
    expect(f.clientsMade).toEqual([]);
  });

  it("makes the installation client only when a handler asks, once per delivery", async () => {
    const clients: unknown[] = [];
    const f = await startFront((routes) =>
      routes.on("issue_comment.created", async (delivery) => {
        clients.push(await delivery.octokit(), await delivery.octokit());
      }),
    );
    const body = JSON.stringify(loadWebhookExample("issue_comment.created", { installationId: 9, onPullRequest: true, comment: { body: "/review" } }));
    expect((await post(f.url, body, signedHeaders("issue_comment", body))).status).toBe(202);
    expect(f.clientsMade).toEqual([9]);
    expect(clients).toEqual([{ installationId: 9 }, { installationId: 9 }]);
  });

  it("checks the signature over the exact bytes (non-ASCII text included)", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    const payload = loadWebhookExample("pull_request.opened");
    payload.pull_request.title = "Fix naïve café parsing 🚀 — ünïcödé";
    const bytes = Buffer.from(JSON.stringify(payload), "utf8");
    expect((await post(f.url, bytes, signedHeaders("pull_request", bytes))).status).toBe(202);
    expect((f.seen[0].payload as { pull_request: { title: string } }).pull_request.title).toBe("Fix naïve café parsing 🚀 — ünïcödé");
  });

  it("rejects a wrong or malformed signature with 401 and never runs the handler", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    const body = JSON.stringify(loadWebhookExample("pull_request.opened"));
    for (const signature of [signBody(body, "another-secret"), signBody(`${body} `), "sha256=abc", "sha1=" + "0".repeat(40), signBody(body).toUpperCase()]) {
      const answer = await post(f.url, body, { ...signedHeaders("pull_request", body), "x-hub-signature-256": signature });
      expect(answer).toEqual({ status: 401, body: { error: "signature does not match the webhook secret" } });
    }
    expect(f.seen).toHaveLength(0);
    expect(await deliveries(f, "rejected:signature")).toBe(5);
  });

  it("names the missing headers (400) and refuses non-JSON content (415)", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    const body = JSON.stringify(loadWebhookExample("pull_request.opened"));
    const missing = await post(f.url, body, { "content-type": "application/json", "x-github-event": "pull_request" });
    expect(missing).toEqual({ status: 400, body: { error: "required headers missing: x-github-delivery, x-hub-signature-256" } });
    const form = `payload=${encodeURIComponent(body)}`;
    const wrongType = await post(f.url, form, { ...signedHeaders("pull_request", form), "content-type": "application/x-www-form-urlencoded" });
    expect(wrongType.status).toBe(415);
    expect(String(wrongType.body?.error)).toContain("application/json");
    expect(f.seen).toHaveLength(0);
  });

  it("answers 400 to a correctly signed body that is not a JSON object", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    for (const body of ['{"action": "opened",', "[1,2]", "null"]) {
      const answer = await post(f.url, body, signedHeaders("pull_request", body));
      expect(answer.status).toBe(400);
    }
    expect(f.seen).toHaveLength(0);
    expect(await deliveries(f, "rejected:json")).toBe(3);
  });

  it("refuses a payload over the size limit (413), declared or streamed", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)), { maxBodyBytes: 1000 });
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
    expect(f.seen).toHaveLength(0);
  });

  it("answers 202 to events it has no handler for, by action too", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    const closed = JSON.stringify(loadWebhookExample("pull_request.closed"));
    expect(await post(f.url, closed, signedHeaders("pull_request", closed))).toEqual({ status: 202, body: { ok: true, handled: false } });
    const ping = JSON.stringify(loadWebhookExample("ping"));
    expect(await post(f.url, ping, signedHeaders("ping", ping))).toEqual({ status: 202, body: { ok: true, handled: false } });
    expect(f.seen).toHaveLength(0);
    expect(await deliveries(f, "ignored")).toBe(2);
  });

  it("answers 500 when a handler fails, and goes on serving", async () => {
    let calls = 0;
    const f = await startFront((routes) =>
      routes.on("pull_request.opened", async () => {
        if (++calls === 1) throw new Error("queue unavailable");
      }),
    );
    const body = JSON.stringify(loadWebhookExample("pull_request.opened"));
    expect(await post(f.url, body, signedHeaders("pull_request", body, "a"))).toEqual({ status: 500, body: { error: "the handler failed; see the App's log" } });
    expect(f.logged.some((l) => l.msg === "webhook handler failed")).toBe(true);
    expect((await post(f.url, body, signedHeaders("pull_request", body, "b"))).status).toBe(202);
    expect(calls).toBe(2);
  });

  it("answers before GitHub's timeout when a handler is slow, and lets it finish", async () => {
    let finished = false;
    let failLate = false;
    const f = await startFront(
      (routes) =>
        routes.on("pull_request.opened", async () => {
          await new Promise((r) => setTimeout(r, 200));
          if (failLate) throw new Error("late failure");
          finished = true;
        }),
      { answerByMs: 30 },
    );
    const body = JSON.stringify(loadWebhookExample("pull_request.opened"));
    expect(await post(f.url, body, signedHeaders("pull_request", body))).toEqual({ status: 202, body: { ok: true, handled: true, finishing: true } });
    expect(finished).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(finished).toBe(true);
    // A slow handler that then fails is logged, not left as an unhandled rejection.
    failLate = true;
    expect((await post(f.url, body, signedHeaders("pull_request", body, "d-2"))).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(f.logged.some((l) => l.msg === "webhook handler failed after the answer")).toBe(true);
  });

  it("leaves other paths and methods to the next handler", async () => {
    const f = await startFront((routes, seen) => routes.on("pull_request.opened", record(seen)));
    expect((await fetch(f.url)).status).toBe(404);
    const body = JSON.stringify(loadWebhookExample("pull_request.opened"));
    expect((await post(f.url.replace(PATH, "/elsewhere"), body, signedHeaders("pull_request", body))).status).toBe(404);
    expect((await post(`${f.url}?x=1`, body, signedHeaders("pull_request", body))).status).toBe(202);
  });

  it("routes refuse a second handler for the same event", () => {
    const routes = new DeliveryRoutes().on("pull_request.opened", async () => undefined);
    expect(() => routes.on(["pull_request.closed", "pull_request.opened"], async () => undefined)).toThrow("already registered");
  });
});
