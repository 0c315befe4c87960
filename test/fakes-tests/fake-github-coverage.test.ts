import { Octokit } from "@octokit/rest";
import { createFakeGitHub, type FakeGitHub } from "../fakes/github/index.js";
import { loadOpenApiIndex } from "../fakes/github/openapi-spec.js";
import { buildRouteTable } from "../fakes/github/routes.js";
import { HEAD_SHA, octokitFor, seedShop } from "./fake-github-fixture.js";

let fake: FakeGitHub;
const repo = { owner: "acme", repo: "shop" };

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedShop(fake);
  fake.state.addIssue({ number: 12, title: "Crash on empty cart", author: "alice" });
});
afterAll(async () => {
  await fake.close();
});

describe("route table", () => {
  it("names only routes that exist in GitHub's description, each once", () => {
    const { byRoute } = loadOpenApiIndex();
    const routes = [...buildRouteTable().keys()];
    expect(routes.filter((route) => !byRoute.has(route))).toEqual([]);
    expect(new Set(routes).size).toBe(routes.length);
  });
});

describe("response shapes", () => {
  it("answers every implemented read route with a body valid against GitHub's response schema", async () => {
    const octokit = octokitFor(fake);
    const jwt = ["e30", Buffer.from(JSON.stringify({ iss: 1 })).toString("base64url"), "c2ln"].join(".");
    const app = new Octokit({ auth: jwt, baseUrl: fake.url, log: { debug() {}, info() {}, warn() {}, error() {} } });
    const check = await octokit.rest.checks.create({ ...repo, name: "shape", head_sha: HEAD_SHA });
    const review = await octokit.rest.pulls.createReview({
      ...repo,
      pull_number: 7,
      event: "COMMENT",
      body: "shape",
      comments: [{ path: "src/cart.ts", line: 3, body: "shape" }],
    });
    const comment = await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "shape" });
    const [reviewComment] = fake.state.reviewComments("acme/shop", 7);

    await Promise.all([
      app.rest.apps.getAuthenticated(),
      app.rest.apps.listInstallations(),
      app.rest.apps.getInstallation({ installation_id: 1 }),
      app.rest.apps.getOrgInstallation({ org: "acme" }),
      app.rest.apps.getUserInstallation({ username: "acme" }),
      octokit.rest.apps.listReposAccessibleToInstallation(),
      octokit.rest.repos.get(repo),
      octokit.rest.pulls.list(repo),
      octokit.rest.issues.get({ ...repo, issue_number: 12 }),
      octokit.rest.issues.get({ ...repo, issue_number: 7 }),
      octokit.rest.issues.getComment({ ...repo, comment_id: comment.data.id }),
      octokit.rest.pulls.listReviews({ ...repo, pull_number: 7 }),
      octokit.rest.pulls.getReview({ ...repo, pull_number: 7, review_id: review.data.id }),
      octokit.rest.pulls.listCommentsForReview({ ...repo, pull_number: 7, review_id: review.data.id }),
      octokit.rest.pulls.getReviewComment({ ...repo, comment_id: reviewComment?.id ?? 0 }),
      octokit.rest.reactions.createForPullRequestReviewComment({ ...repo, comment_id: reviewComment?.id ?? 0, content: "eyes" }),
      octokit.rest.checks.get({ ...repo, check_run_id: check.data.id }),
      octokit.rest.repos.getContent({ ...repo, path: "docs", ref: HEAD_SHA }),
    ]);
    const reactions = await octokit.rest.reactions.listForPullRequestReviewComment({ ...repo, comment_id: reviewComment?.id ?? 0 });
    expect(reactions.data.map((r) => r.content)).toEqual(["eyes"]);
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(fake.responseProblems).toEqual([]);
  });

  it("reports a response the fake shapes wrongly instead of hiding it", async () => {
    // A check run named with a number breaks the CheckRun schema (`name` is a string): the fake
    // must notice its own defect.
    const broken = await createFakeGitHub();
    try {
      broken.state.addRepo("acme/shop");
      broken.state.addPullRequest({ number: 1, headSha: HEAD_SHA, baseSha: "b".repeat(40), files: [] });
      const octokit = octokitFor(broken);
      const created = await octokit.rest.checks.create({ ...repo, name: "x", head_sha: HEAD_SHA });
      const run = broken.state.checkRunsById.get(created.data.id);
      if (run) (run as { name: unknown }).name = 42;
      await octokit.rest.checks.get({ ...repo, check_run_id: created.data.id });
      expect(broken.responseProblems).toEqual([
        { route: "GET /repos/{owner}/{repo}/check-runs/{check_run_id}", status: 200, problems: ["/name must be string (properties/name)"] },
      ]);
    } finally {
      await broken.close();
    }
  });
});
