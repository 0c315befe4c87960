import { ProbotOctokit } from "probot";
import type { GitHubClient } from "../../src/github/github-client.js";
import { fetchPullRequestChange } from "../../src/github/pr-source.js";
import { upsertSummaryComment } from "../../src/github/summary-comment.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

let gh: GitHubHarness;
beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo("acme/shop");
  gh.fake.state.addPullRequest({ number: 7, headSha: "a".repeat(40), baseSha: "b".repeat(40), files: [{ filename: "a.ts", contents: "x\n" }] });
});
afterAll(() => gh.close());

describe("Probot's client", () => {
  it("fits GitHubClient and drives the wrappers as context.octokit would", async () => {
    const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    // Throttling off: its pacing (about 1 write a second) is not what this test is about.
    const octokit: GitHubClient = new ProbotOctokit({
      auth: { token: gh.fake.createInstallationToken() },
      baseUrl: gh.url,
      throttle: { enabled: false },
      retry: { enabled: false },
      log: silent,
    });
    const change = await fetchPullRequestChange(octokit, { owner: "acme", repo: "shop", pullNumber: 7, headSha: "a".repeat(40) });
    expect(change.diff.files.map((f) => f.path)).toEqual(["a.ts"]);
    const { created } = await upsertSummaryComment(octokit, { owner: "acme", repo: "shop", issueNumber: 7, body: "summary" });
    expect(created).toBe(true);
  });
});
