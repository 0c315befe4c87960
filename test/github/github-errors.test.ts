import { Octokit } from "@octokit/rest";
import { describeGitHubError, isRetryableGitHubError, retryAfterMs } from "../../src/github/github-errors.js";
import { faults } from "../fakes/github/index.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const HEAD = "a".repeat(40);
const repo = { owner: "acme", repo: "shop" };
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let gh: GitHubHarness;

beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo("acme/shop");
  gh.fake.state.addPullRequest({ number: 7, headSha: HEAD, baseSha: "b".repeat(40), files: [{ filename: "a.ts", contents: "x\ny\n" }] });
});
afterAll(() => gh.close());
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

/** The error a real Octokit call throws. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

const listFiles = () => gh.octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
const review = (lines: number[]) => () =>
  gh.octokit.rest.pulls.createReview({ ...repo, pull_number: 7, commit_id: HEAD, event: "COMMENT", comments: lines.map((line) => ({ path: "a.ts", line, body: "x" })) });

describe("describeGitHubError, isRetryableGitHubError, retryAfterMs on real Octokit errors", () => {
  it("names the comment outside the diff when the review had one", async () => {
    const err = await failureOf(review([40]));
    expect(describeGitHubError(err)).toBe("422 on createReview: comment on line 40 of a.ts is outside the diff");
    expect(describeGitHubError(await failureOf(review([1, 40])))).toBe("422 on createReview: a comment (GitHub does not say which) is outside the diff");
    expect(isRetryableGitHubError(err)).toBe(false);
    expect(retryAfterMs(err)).toBeUndefined();
  });

  it("gives the wait of a secondary rate limit, from retry-after", async () => {
    gh.fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", faults.secondaryRateLimit(60));
    const err = await failureOf(listFiles);
    expect(describeGitHubError(err)).toBe("403 secondary rate limit: retry after 60 s");
    expect(isRetryableGitHubError(err)).toBe(true);
    expect(retryAfterMs(err)).toBe(60_000);
  });

  it("waits until the primary limit resets", async () => {
    const now = Date.now();
    gh.fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", faults.primaryRateLimit(Math.floor(now / 1000) + 120));
    const err = await failureOf(listFiles);
    expect(isRetryableGitHubError(err)).toBe(true);
    const wait = retryAfterMs(err, now) ?? 0;
    expect(wait).toBeGreaterThan(118_000);
    expect(wait).toBeLessThanOrEqual(120_000);
    expect(describeGitHubError(err)).toMatch(/^403 rate limit exhausted for this installation: retry after 1[12]\d s$/);
  });

  it.each<[string, Parameters<GitHubHarness["fake"]["failNext"]>[1], string, boolean]>([
    ["429", faults.tooManyRequests(2), "429 too many requests on pulls.listFiles: retry after 2 s", true],
    ["502", faults.serverError(502), "502 from GitHub on pulls.listFiles: Bad Gateway (GitHub-side failure; retry)", true],
    ["503", faults.serverError(503), "503 from GitHub on pulls.listFiles: Service Unavailable (GitHub-side failure; retry)", true],
  ])("%s", async (_status, fault, description, retryable) => {
    gh.fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", fault);
    const err = await failureOf(listFiles);
    expect(describeGitHubError(err)).toBe(description);
    expect(isRetryableGitHubError(err)).toBe(retryable);
  });

  it("asks whether the App is installed on a 404 for a repository it cannot see", async () => {
    const err = await failureOf(() => gh.octokit.rest.pulls.listFiles({ owner: "acme", repo: "secret", pull_number: 1 }));
    expect(describeGitHubError(err)).toBe("404 on pulls.listFiles: the App cannot see acme/secret (or what it named there) — is it installed?");
    expect(isRetryableGitHubError(err)).toBe(false);
  });

  it("points at the App's permissions on 403 'Resource not accessible by integration', and at credentials on 401", async () => {
    const readOnly = new Octokit({ auth: gh.fake.createInstallationToken({ permissions: { pull_requests: "read" } }), baseUrl: gh.url, log: quiet });
    const err = await failureOf(() => readOnly.rest.pulls.createReview({ ...repo, pull_number: 7, event: "COMMENT", body: "x" }));
    expect(describeGitHubError(err)).toBe(
      "403 on createReview: the App lacks a permission this call needs — check the App's permissions and that the installation accepted them",
    );
    expect(isRetryableGitHubError(err)).toBe(false);
    const anonymous = new Octokit({ auth: "not-a-token", baseUrl: gh.url, log: quiet });
    const bad = await failureOf(() => anonymous.rest.pulls.listFiles({ ...repo, pull_number: 7 }));
    expect(describeGitHubError(bad)).toMatch(/^401 on pulls.listFiles: bad credentials/);
  });

  it("treats a request that got no answer as retryable", async () => {
    const unreachable = new Octokit({ baseUrl: "http://127.0.0.1:9", log: quiet });
    const err = await failureOf(() => unreachable.rest.pulls.listFiles({ ...repo, pull_number: 7 }));
    expect(isRetryableGitHubError(err)).toBe(true);
    expect(describeGitHubError(err)).toMatch(/^no answer from GitHub on pulls.listFiles: .* \(network error or timeout; retry\)$/);
  });
});

describe("on other errors", () => {
  it("passes a non-GitHub error's message through and never calls it retryable", () => {
    const bug = new TypeError("cannot read properties of undefined");
    expect(describeGitHubError(bug)).toBe("cannot read properties of undefined");
    expect(isRetryableGitHubError(bug)).toBe(false);
    expect(retryAfterMs(bug)).toBeUndefined();
  });

  it("reads retry-after given as an HTTP date, and treats a timeout as retryable", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    const err = { status: 503, message: "x", response: { headers: { "retry-after": "Wed, 01 Jan 2025 00:00:30 GMT" }, data: {} } };
    expect(retryAfterMs(err, now)).toBe(30_000);
    expect(isRetryableGitHubError(Object.assign(new Error("aborted"), { name: "TimeoutError" }))).toBe(true);
  });
});
