import type { Context, Probot } from "probot";
import { createFakeGitHub, createTestProbot, faults, loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, seedShop } from "./fake-github-fixture.js";

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedShop(fake);
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  expect(fake.responseProblems.splice(0)).toEqual([]);
});

/** A Probot like the App's, pointed at the fake, running one handler. */
function probotFor(handler: (context: Context<"pull_request.opened">) => Promise<void>, throttle = true): Probot {
  const probot = createTestProbot(fake, { throttle });
  void probot.load((app) => {
    app.on("pull_request.opened", handler);
  });
  return probot;
}

function openedEvent() {
  return {
    id: "delivery-1",
    name: "pull_request" as const,
    payload: loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA }),
  };
}

describe("Probot against the fake", () => {
  it("authenticates as the installation and reviews a PR end to end", async () => {
    const probot = probotFor(async (context) => {
      const config = await context.config<{ maxComments: number }>("patchwarden.yml", { maxComments: 10 });
      const files = await context.octokit.paginate(context.octokit.rest.pulls.listFiles, context.pullRequest({ per_page: 100 }));
      const check = await context.octokit.rest.checks.create(
        context.repo({ name: "patchwarden", head_sha: context.payload.pull_request.head.sha, status: "in_progress" as const }),
      );
      await context.octokit.rest.pulls.createReview(
        context.pullRequest({
          commit_id: context.payload.pull_request.head.sha,
          event: "COMMENT" as const,
          body: `${files.length} files, up to ${config?.maxComments} comments`,
          comments: [{ path: "src/cart.ts", line: 3, body: "tax is hard-coded" }],
        }),
      );
      await context.octokit.rest.checks.update(
        context.repo({ check_run_id: check.data.id, conclusion: "success" as const, output: { title: "Done", summary: "1 finding" } }),
      );
    }, false);
    await probot.receive(openedEvent());

    const [review] = fake.state.reviews(REPO, 7);
    expect(review).toMatchObject({ state: "COMMENTED", author: "patchwarden[bot]", body: "3 files, up to 10 comments" });
    expect(review?.comments.map((c) => [c.path, c.line])).toEqual([["src/cart.ts", 3]]);
    expect(fake.state.checkRuns(REPO).map((r) => [r.name, r.status, r.conclusion])).toEqual([["patchwarden", "completed", "success"]]);
    // Probot asked for a token with its JWT, then used the token; the config lookups (the repo,
    // then the owner's .github repo) both answered 404, so the defaults applied.
    expect(fake.requests.map((r) => `${r.status} ${r.route ?? r.path}`)).toEqual([
      "201 POST /app/installations/{installation_id}/access_tokens",
      "404 GET /repos/{owner}/{repo}/contents/{path}",
      "404 GET /repos/{owner}/{repo}/contents/{path}",
      "200 GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
      "201 POST /repos/{owner}/{repo}/check-runs",
      "200 POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      "200 PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    ]);
    expect(fake.requests[0]?.headers.authorization).toMatch(/^bearer /);
    expect(fake.requests[1]?.headers.authorization).toMatch(/^token ghs_/);
  });

  it("surfaces a secondary rate limit to the handler: Probot's own throttle options do not retry it", async () => {
    fake.failNext({ method: "POST", path: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews" }, faults.secondaryRateLimit(1));
    const seen: unknown[] = [];
    const probot = probotFor(async (context) => {
      try {
        await context.octokit.rest.pulls.createReview(context.pullRequest({ event: "COMMENT" as const, body: "x" }));
      } catch (error) {
        seen.push(error);
      }
    });
    await probot.receive(openedEvent());
    const error = seen[0] as { status: number; message: string; response: { headers: Record<string, string> } };
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/secondary rate limit/);
    expect(error.response.headers["retry-after"]).toBe("1");
  });

  it("retries a 502 through @octokit/plugin-retry and succeeds", async () => {
    const before = fake.state.reviews(REPO, 7).length;
    fake.failNext("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", faults.serverError(502));
    const probot = probotFor(async (context) => {
      await context.octokit.rest.pulls.createReview(context.pullRequest({ event: "COMMENT" as const, body: "after retry" }));
    }, false);
    await probot.receive(openedEvent());
    expect(fake.state.reviews(REPO, 7).slice(before).map((r) => r.body)).toEqual(["after retry"]);
    const statuses = fake.requestsTo("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews").slice(-2).map((r) => r.status);
    expect(statuses).toEqual([502, 200]);
  });
});
