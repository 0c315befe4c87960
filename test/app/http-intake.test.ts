import { loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, startAppOverHttp, useFakeGitHub, waitUntil, type RunningHttpApp } from "./app-fixture.js";

// The App as `npm start` runs it with credentials: its own HTTP server with the webhook front,
// real signed deliveries over loopback, the fake GitHub behind Probot's installation clients.

let running: RunningHttpApp | undefined;
const github = useFakeGitHub(async () => {
  await running?.close();
  running = undefined;
});
let fake: FakeGitHub;
beforeEach(() => {
  fake = github();
});

const opened = () => loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA });
const tokenRequests = () => fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/access_tokens")).length;

describe("App over HTTP (webhook front)", () => {
  it("answers a signed pull_request.opened with 202, then posts one review; intake makes no token of its own", async () => {
    running = await startAppOverHttp(fake);
    const answer = await running.deliver("pull_request", opened(), "gh-delivery-1");
    expect(answer).toEqual({ status: 202, body: { ok: true, handled: true } });
    await running.waitFor((e) => e.type === "completed");
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    expect(fake.state.checkRuns(REPO)).toEqual([expect.objectContaining({ headSha: HEAD_SHA, status: "completed" })]);
    // The token the worker used is the only one: intake made none.
    expect(tokenRequests()).toBe(1);
  });

  it("processes a redelivered X-GitHub-Delivery once", async () => {
    running = await startAppOverHttp(fake);
    const payload = opened();
    expect((await running.deliver("pull_request", payload, "same-guid")).status).toBe(202);
    expect((await running.deliver("pull_request", payload, "same-guid")).status).toBe(202);
    await running.waitFor((e) => e.type === "completed");
    await running.idle();
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    expect(running.events.filter((e) => e.type === "queued")).toHaveLength(1);
  });

  it("refuses a forged delivery and enqueues nothing", async () => {
    running = await startAppOverHttp(fake);
    const body = JSON.stringify(opened());
    const response = await fetch(running.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": "forged", "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
      body,
    });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(running.events).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it("runs /review's permission check through an installation client only for that delivery", async () => {
    fake.state.setCollaboratorPermission("visitor", "read", { repo: REPO });
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    running = await startAppOverHttp(fake);
    const comment = (login: string) =>
      loadWebhookExample("issue_comment.created", { repo: REPO, number: 7, sender: login, comment: { body: "/review", user: login }, onPullRequest: true });
    expect((await running.deliver("issue_comment", comment("visitor"))).status).toBe(202);
    await waitUntil(() => fake.state.issueComments(REPO, 7).length === 1, "the refusal");
    expect(fake.state.issueComments(REPO, 7)[0]!.body).toMatch(/^@visitor Thanks for asking!/);
    expect(running.events).toEqual([]);
    expect((await running.deliver("issue_comment", comment("maintainer"))).status).toBe(202);
    await running.waitFor((e) => e.type === "completed");
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
  });

  it("skips closed PRs and bot senders with 202 and no job", async () => {
    running = await startAppOverHttp(fake);
    const closed = opened();
    closed.pull_request.state = "closed";
    expect((await running.deliver("pull_request", closed)).status).toBe(202);
    expect((await running.deliver("pull_request", loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, sender: "dependabot[bot]" }))).status).toBe(202);
    await new Promise((r) => setTimeout(r, 100));
    expect(running.events).toEqual([]);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toContain('patchwarden_webhook_deliveries_total{event="pull_request.opened",outcome="skipped:closed"} 1');
    expect(metrics).toContain('patchwarden_webhook_deliveries_total{event="pull_request.opened",outcome="skipped:bot-sender"} 1');
  });

  it("serves /healthz, /metrics and /ping beside the webhook path, 404 elsewhere", async () => {
    running = await startAppOverHttp(fake);
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", queue: "memory", depth: { waiting: 0, active: 0 } });
    expect(await (await fetch(`${running.url}/metrics`)).text()).toContain("# TYPE patchwarden_webhook_deliveries_total counter");
    expect(await (await fetch(`${running.url}/ping`)).text()).toBe("PONG");
    const elsewhere = await fetch(`${running.url}/nothing-here`);
    expect(elsewhere.status).toBe(404);
    expect((await fetch(running.webhookUrl)).status).toBe(404);
  });
});
