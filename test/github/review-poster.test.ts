import { postReview } from "../../src/github/review-poster.js";
import type { Finding } from "../../src/review/finding.js";
import { faults } from "../fakes/github/index.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const HEAD = "a".repeat(40);
const pr = { owner: "acme", repo: "shop", pullNumber: 7, commitId: HEAD };
const reviewsRoute = /^(POST|DELETE|GET) \/repos\/acme\/shop\/pulls\/7\/reviews/;
// An added file: lines 1-20 are commentable on the RIGHT side, nothing else.
const NEW_FILE = Array.from({ length: 20 }, (_, i) => `const v${i + 1} = ${i + 1};`).join("\n") + "\n";
// A modified file with a deleted line 2 (LEFT) and added lines 2-3 (RIGHT).
const EDIT_PATCH = "@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c";

function finding(line: number, extra: Partial<Finding> = {}): Finding {
  return {
    path: "src/values.ts",
    line,
    side: "RIGHT",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rule: "correctness/example",
    message: `finding on line ${line}`,
    fingerprint: `f${String(line).padStart(5, "0")}${extra.side === "LEFT" ? "1" : "0"}`,
    ...extra,
  };
}

let gh: GitHubHarness;
beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo("acme/shop");
  gh.fake.state.addPullRequest({
    number: 7,
    headSha: HEAD,
    baseSha: "b".repeat(40),
    files: [
      { filename: "src/values.ts", contents: NEW_FILE },
      { filename: "src/edit.ts", patch: EDIT_PATCH },
    ],
  });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.fake.state.reviewsById.clear();
  gh.fake.state.reviewCommentsById.clear();
  gh.resetCounts();
});
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

const reviews = () => gh.fake.state.reviews("acme/shop", 7);
let seen = 0;
beforeEach(() => {
  seen = gh.fake.requests.length;
});
/** Bodies of the createReview requests the fake received in this test. */
const createReviewBodies = () =>
  gh.fake.requests.slice(seen).filter((r) => r.route === "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews").map((r) => r.body as Record<string, unknown>);

describe("postReview", () => {
  it("posts every finding in one COMMENT review with its rendered body, ranges and sides", async () => {
    const findings = [
      finding(3),
      finding(5, { startLine: 4 }),
      finding(6, { startLine: 6 }),
      finding(2, { path: "src/edit.ts", side: "LEFT", message: "a guard was deleted" }),
    ];
    const result = await postReview(gh.octokit, { ...pr, findings, body: "patchwarden found 4 things" });
    expect(result.rejected).toEqual([]);
    expect(result.posted).toEqual(findings);
    expect(gh.requests).toEqual(["POST /repos/acme/shop/pulls/7/reviews"]);

    const [sent] = createReviewBodies();
    const body = sent as { event: string; commit_id: string; body: string; comments: Array<Record<string, unknown>> };
    expect(body.event).toBe("COMMENT");
    expect(body.commit_id).toBe(HEAD);
    expect(body.body).toBe("patchwarden found 4 things");
    // A start_line only for a real range; LEFT findings keep their side.
    expect(body.comments.map(({ body: _text, ...anchor }) => anchor)).toEqual([
      { path: "src/values.ts", line: 3, side: "RIGHT" },
      { path: "src/values.ts", line: 5, side: "RIGHT", start_line: 4, start_side: "RIGHT" },
      { path: "src/values.ts", line: 6, side: "RIGHT" },
      { path: "src/edit.ts", line: 2, side: "LEFT" },
    ]);
    expect(body.comments[0].body).toContain("<!-- patchwarden:fp=f000030 -->");

    const [review] = reviews();
    expect(review).toMatchObject({ id: result.reviewId, state: "COMMENTED" });
    expect(review.comments.map((c) => [c.path, c.side, c.startLine, c.line])).toEqual([
      ["src/values.ts", "RIGHT", null, 3],
      ["src/values.ts", "RIGHT", 4, 5],
      ["src/values.ts", "RIGHT", null, 6],
      ["src/edit.ts", "LEFT", null, 2],
    ]);
  });

  it("sends nothing when there is nothing to post", async () => {
    const result = await postReview(gh.octokit, { ...pr, findings: [], body: "nothing" });
    expect(result).toEqual({ posted: [], rejected: [] });
    expect(gh.requests).toEqual([]);
  });

  it("isolates one comment outside the diff among 10: 9 posted in one review, 1 rejected, 8 requests", async () => {
    const findings = [1, 2, 3, 4, 5, 6, 40, 8, 9, 10].map((line) => finding(line));
    const result = await postReview(gh.octokit, { ...pr, findings });
    expect(result.posted.map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
    expect(result.rejected).toEqual([
      {
        finding: findings[6],
        reason:
          "422: comment on line 40 of src/values.ts is outside the diff (GitHub: Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank)",
      },
    ]);
    // refused batch; probe 1-5 passes (create pending + delete); probe 6,40,8 fails; probe 6,40
    // fails; probe 6 passes (create + delete), so 40 is the culprit; the final review.
    expect(gh.requests.map((r) => r.replace(/\d{4,}$/, "{id}"))).toEqual([
      "POST /repos/acme/shop/pulls/7/reviews",
      "POST /repos/acme/shop/pulls/7/reviews",
      "DELETE /repos/acme/shop/pulls/7/reviews/{id}",
      "POST /repos/acme/shop/pulls/7/reviews",
      "POST /repos/acme/shop/pulls/7/reviews",
      "POST /repos/acme/shop/pulls/7/reviews",
      "DELETE /repos/acme/shop/pulls/7/reviews/{id}",
      "POST /repos/acme/shop/pulls/7/reviews",
    ]);
    const probes = createReviewBodies() as Array<{ event?: string; comments: unknown[] }>;
    expect(probes.map((p) => [p.event ?? "PENDING", p.comments.length])).toEqual([
      ["COMMENT", 10],
      ["PENDING", 5],
      ["PENDING", 3],
      ["PENDING", 2],
      ["PENDING", 1],
      ["COMMENT", 9],
    ]);
    // People see one review with 9 comments; no probe is left behind.
    expect(reviews().map((r) => [r.state, r.comments.length])).toEqual([["COMMENTED", 9]]);
    expect(result.reviewId).toBe(reviews()[0].id);
  });

  it("isolates several bad comments (one round each, then all at once) and still posts one review", async () => {
    const findings = [1, 30, 3, 31, 5, 6, 32, 8, 9, 33].map((line) => finding(line));
    const result = await postReview(gh.octokit, { ...pr, findings });
    expect(result.rejected.map((r) => r.finding.line).sort()).toEqual([30, 31, 32, 33]);
    expect(result.posted.map((f) => f.line)).toEqual([1, 3, 5, 6, 8, 9]);
    expect(reviews().map((r) => [r.state, r.comments.length])).toEqual([["COMMENTED", 6]]);
    // Rounds 1 and 2 find one culprit each, round 3 the last two at once; then the final review.
    expect(gh.count(reviewsRoute)).toBe(22);
    expect(createReviewBodies().filter((b) => b.event === "COMMENT").map((b) => (b.comments as unknown[]).length)).toEqual([10, 9, 8, 6]);
  });

  it("rejects everything and posts nothing when no comment fits the diff", async () => {
    const result = await postReview(gh.octokit, { ...pr, findings: [finding(50), finding(2, { path: "src/other.ts" })] });
    expect(result.posted).toEqual([]);
    expect(result.reviewId).toBeUndefined();
    expect(result.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^422: comment on line 50 of src\/values.ts is outside the diff/),
      expect.stringMatching(/^422: comment on line 2 of src\/other.ts was refused \(GitHub: Pull request review thread path is invalid/),
    ]);
    expect(reviews()).toEqual([]);
  });

  it("rejects a comment whose body is over GitHub's limit without sending it", async () => {
    const huge = finding(4, { message: "x".repeat(70_000) });
    const result = await postReview(gh.octokit, { ...pr, findings: [finding(3), huge] });
    expect(result.rejected).toEqual([{ finding: huge, reason: "comment body is over GitHub's 65536-character limit" }]);
    expect(result.posted).toEqual([finding(3)]);
    expect(gh.requests).toHaveLength(1);
  });

  it("clears a pending review left by an interrupted probe, then isolates as usual", async () => {
    await gh.octokit.rest.pulls.createReview({ owner: "acme", repo: "shop", pull_number: 7, commit_id: HEAD, comments: [{ path: "src/values.ts", line: 1, body: "left over" }] });
    gh.resetCounts();
    const result = await postReview(gh.octokit, { ...pr, findings: [finding(3), finding(45)] });
    expect(result.rejected.map((r) => r.finding.line)).toEqual([45]);
    expect(reviews().map((r) => [r.state, r.comments.map((c) => c.line)])).toEqual([["COMMENTED", [3]]]);
    expect(gh.requests.some((r) => r.startsWith("GET /repos/acme/shop/pulls/7/reviews"))).toBe(true);
  });

  it("propagates a 5xx and a secondary rate limit for the worker to retry", async () => {
    gh.fake.failNext("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", faults.serverError(502));
    await expect(postReview(gh.octokit, { ...pr, findings: [finding(3)] })).rejects.toMatchObject({ status: 502 });
    gh.fake.failNext("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", faults.secondaryRateLimit(30));
    await expect(postReview(gh.octokit, { ...pr, findings: [finding(3)] })).rejects.toMatchObject({ status: 403 });
    expect(reviews()).toEqual([]);
  });

  it("propagates a 422 about the review as a whole instead of bisecting it", async () => {
    await expect(postReview(gh.octokit, { ...pr, commitId: "9".repeat(40), findings: [finding(3), finding(4)] })).rejects.toMatchObject({ status: 422 });
    expect(gh.requests).toHaveLength(1);
  });
});
