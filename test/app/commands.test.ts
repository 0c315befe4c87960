import { createHttpHandler } from "../../src/app/http-routes.js";
import { parseSlashCommand } from "../../src/app/slash-command.js";
import { loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, startApp, useFakeGitHub, type RunningApp } from "./app-fixture.js";

let running: RunningApp | undefined;
const github = useFakeGitHub(async () => {
  await running?.close();
  running = undefined;
});
let fake: FakeGitHub;
beforeEach(() => {
  fake = github();
});

function reviewComment(login: string, body = "/review", id = `comment-${login}`) {
  return {
    id,
    name: "issue_comment" as const,
    payload: loadWebhookExample("issue_comment.created", { repo: REPO, number: 7, sender: login, comment: { body, user: login }, onPullRequest: true }),
  };
}

async function settle(app: RunningApp): Promise<void> {
  await new Promise((r) => setTimeout(r, 100));
  await app.idle();
}

describe("parseSlashCommand", () => {
  it.each([
    ["/review", { name: "review", args: [] }],
    ["  /REVIEW please\nthanks", { name: "review", args: ["please"] }],
    ["\n\n/fix #12", { name: "fix", args: ["#12"] }],
    ["please /review", undefined],
    ["> /review\nquoted", undefined],
    ["/unknown", undefined],
    ["/review, please", undefined],
    ["/reviewing", undefined],
    ["/review\u2028now", { name: "review", args: ["now"] }],
    ["", undefined],
  ])("reads %j", (body, expected) => {
    expect(parseSlashCommand(body)).toEqual(expected);
  });

  it("reads a 65,536-character comment of spaces in one pass (anyone can write one)", () => {
    // `/review`, spaces and a line separator made the old pattern backtrack for seconds.
    const body = `/review${" ".repeat(65_000)}a\u2028b`;
    expect(parseSlashCommand(body)).toEqual({ name: "review", args: ["a", "b"] });
    expect(parseSlashCommand(`/review${" ".repeat(65_000)}x`)).toEqual({ name: "review", args: ["x"] });
  });
});

describe("App: /review command", () => {
  it("runs a full review for a user with write access", async () => {
    fake.state.setCollaboratorPermission("maintainer", "write", { repo: REPO });
    running = await startApp(fake);
    await running.probot.receive(reviewComment("maintainer"));
    await running.waitFor((e) => e.type === "completed");
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    const [check] = fake.state.checkRuns(REPO);
    expect(check).toMatchObject({ headSha: HEAD_SHA, status: "completed" });
    // A second /review re-reviews fully but never repeats a posted comment.
    await running.probot.receive(reviewComment("maintainer", "/review", "comment-again"));
    await running.waitFor((e) => e.type === "completed" && e.jobId.endsWith("comment-again"));
    const reviews = fake.state.reviews(REPO, 7);
    expect(reviews.length).toBeLessThanOrEqual(1);
    expect(fake.state.checkRuns(REPO)).toHaveLength(2);
  });

  it("politely refuses users without write access and runs nothing", async () => {
    fake.state.setCollaboratorPermission("visitor", "read", { repo: REPO });
    running = await startApp(fake);
    await running.probot.receive(reviewComment("visitor"));
    await settle(running);
    expect(running.events).toEqual([]);
    const replies = fake.state.issueComments(REPO, 7);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/^@visitor Thanks for asking! Only people with write access/);
    expect(fake.state.checkRuns(REPO)).toEqual([]);
  });

  it("ignores bots and comments that are not commands", async () => {
    running = await startApp(fake);
    await running.probot.receive(reviewComment("renovate[bot]"));
    await running.probot.receive(reviewComment("maintainer", "LGTM, but please /review later", "prose"));
    await settle(running);
    expect(running.events).toEqual([]);
    expect(fake.state.issueComments(REPO, 7)).toEqual([]);
    // Neither needed a permission lookup.
    expect(fake.requests.filter((r) => r.route?.includes("permission"))).toEqual([]);
  });
});

describe("App: /healthz and /metrics", () => {
  it("serves health with the queue depth and Prometheus metrics with deliveries counted", async () => {
    running = await startApp(fake);
    await running.probot.receive({
      id: "metrics-delivery",
      name: "pull_request",
      payload: loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA }),
    });
    await running.waitFor((e) => e.type === "completed");
    const handler = createHttpHandler({ queue: running.runtime.queue, metrics: running.runtime.metrics });
    const health = await call(handler, "/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok", queue: "memory", depth: { waiting: 0, active: 0 } });
    const metrics = await call(handler, "/metrics");
    expect(metrics.body).toContain('patchwarden_webhook_deliveries_total{event="pull_request.opened",outcome="queued"} 1');
    expect(metrics.body).toMatch(/patchwarden_findings_posted_total\{category="security"\} [1-9]/);
    expect(metrics.body).toMatch(/patchwarden_github_requests_total\{route="POST \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\}\/reviews",status="200"\} 1/);
    expect(metrics.body).toContain("patchwarden_review_job_duration_seconds_count");
    expect((await call(handler, "/elsewhere")).handled).toBe(false);
  });
});

async function call(handler: ReturnType<typeof createHttpHandler>, url: string) {
  let status = 0;
  let body = "";
  const res = {
    writeHead(code: number) {
      status = code;
      return res;
    },
    end(text?: string) {
      body = text ?? "";
    },
  };
  const handled = await handler({ url, method: "GET" } as never, res as never);
  return { handled, status, body };
}
