import type { Octokit } from "@octokit/rest";
import { createFakeGitHub, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, expectHttpError, HEAD_SHA, octokitFor, REPO, seedShop, sendUntyped } from "./fake-github-fixture.js";

let fake: FakeGitHub;
let octokit: Octokit;
const pr = { owner: "acme", repo: "shop", pull_number: 7 };

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.state.reviewsById.clear();
  fake.state.reviewCommentsById.clear();
  if (!fake.state.findRepo("acme", "shop")) seedShop(fake);
  octokit = octokitFor(fake);
});
afterEach(() => {
  expect(fake.responseProblems.splice(0)).toEqual([]);
});

describe("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", () => {
  it("creates a review with inline comments on both sides, a range and a legacy position", async () => {
    const { data, status } = await octokit.rest.pulls.createReview({
      ...pr,
      commit_id: HEAD_SHA,
      event: "COMMENT",
      body: "Two findings",
      comments: [
        { path: "src/cart.ts", line: 3, side: "RIGHT", body: "added line" },
        { path: "src/cart.ts", line: 2, side: "LEFT", body: "deleted line" },
        { path: "src/cart.ts", start_line: 2, line: 5, body: "range within the first hunk" },
        { path: "src/cart.ts", position: 12, body: "legacy position of VERSION" },
      ],
    });
    expect(status).toBe(200);
    expect(data).toMatchObject({ state: "COMMENTED", body: "Two findings", commit_id: HEAD_SHA });
    expect(data.user?.login).toBe("patchwarden[bot]");

    const [review] = fake.state.reviews(REPO, 7);
    expect(review?.comments.map((c) => [c.side, c.startLine, c.line, c.position])).toEqual([
      ["RIGHT", null, 3, 4],
      ["LEFT", null, 2, 2],
      ["RIGHT", 2, 5, 6],
      ["RIGHT", null, 24, 12],
    ]);
    expect(review?.comments[0]?.diffHunk).toBe(
      "@@ -1,5 +1,6 @@\n export function total(items) {\n-  let sum = 0;\n+  let sum = 0; // running total\n+  const tax = 0.2;",
    );

    const listed = await octokit.rest.pulls.listReviewComments(pr);
    expect(listed.data.map((c) => [c.path, c.line, c.side, c.pull_request_review_id])).toEqual([
      ["src/cart.ts", 3, "RIGHT", data.id],
      ["src/cart.ts", 2, "LEFT", data.id],
      ["src/cart.ts", 5, "RIGHT", data.id],
      ["src/cart.ts", 24, "RIGHT", data.id],
    ]);
  });

  it("rejects the whole review with GitHub's 422 when one comment is outside the diff", async () => {
    const failure = await expectHttpError(() =>
      octokit.rest.pulls.createReview({
        ...pr,
        event: "COMMENT",
        body: "one good, one bad",
        comments: [
          { path: "src/cart.ts", line: 3, body: "fine" },
          { path: "src/cart.ts", line: 12, body: "line 12 is between the hunks" },
        ],
      }),
    );
    expect(failure.status).toBe(422);
    expect(failure.data).toEqual({
      message: "Unprocessable Entity",
      errors: ["Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"],
      documentation_url: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
      status: "422",
    });
    expect(fake.state.reviews(REPO, 7)).toEqual([]);
    expect(fake.state.reviewComments(REPO, 7)).toEqual([]);
  });

  it.each([
    ["a LEFT line outside the old side's hunks", { path: "src/cart.ts", line: 6, side: "LEFT" as const }, "line must be part of the diff"],
    ["a deleted line asked on the RIGHT side", { path: "src/cart.ts", line: 20, side: "RIGHT" as const }, "line must be part of the diff"],
    ["a range across hunks", { path: "src/cart.ts", start_line: 5, line: 22 }, "start line must be part of the same hunk as the line."],
    ["a range that ends before it starts", { path: "src/cart.ts", start_line: 5, line: 3 }, "start line must precede the end line."],
    ["a path that is not in the PR", { path: "src/other.ts", line: 1 }, "path is invalid"],
    ["a binary file without a patch", { path: "assets/logo.png", line: 1 }, "line must be part of the diff"],
    ["a position on a hunk header", { path: "src/cart.ts", position: 8 }, "position is invalid"],
  ])("answers 422 for %s", async (_label, comment, expected) => {
    const failure = await expectHttpError(() =>
      octokit.rest.pulls.createReview({ ...pr, event: "COMMENT", comments: [{ ...comment, body: "x" }] }),
    );
    expect(failure.status).toBe(422);
    expect(String((failure.data.errors as string[])[0])).toContain(expected);
    expect(fake.state.reviews(REPO, 7)).toEqual([]);
  });

  it("requires commit_id to be a head the PR has had", async () => {
    const failure = await expectHttpError(() =>
      octokit.rest.pulls.createReview({ ...pr, commit_id: "c".repeat(40), event: "APPROVE" }),
    );
    expect(failure.status).toBe(422);
    expect(failure.data.errors).toEqual([`No commit found for SHA: ${"c".repeat(40)}`]);
  });

  it("rejects an event outside APPROVE/REQUEST_CHANGES/COMMENT through the schema", async () => {
    const failure = await expectHttpError(() =>
      sendUntyped(octokit, "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { ...pr, event: "LGTM", body: "x" }),
    );
    expect(failure.status).toBe(422);
    expect(failure.data.message).toBe(
      'Invalid request.\n\nFor \'properties/event\', "LGTM" is not a member of ["APPROVE", "REQUEST_CHANGES", "COMMENT"].',
    );
  });

  it("keeps a review without event PENDING and allows only one pending review", async () => {
    const first = await octokit.rest.pulls.createReview({ ...pr, body: "draft" });
    expect(first.data.state).toBe("PENDING");
    expect(first.data.submitted_at).toBeUndefined();
    const failure = await expectHttpError(() => octokit.rest.pulls.createReview({ ...pr, body: "another draft" }));
    expect(failure.data.errors).toEqual(["User can only have one pending review per pull request"]);
  });

  it("validates anchors against the commit the review names after a push", async () => {
    const pr8 = { ...pr, pull_number: 8 };
    fake.state.addPullRequest({ number: 8, headSha: "e".repeat(40), baseSha: BASE_SHA, files: [{ filename: "a.ts", patch: "@@ -1,2 +1,3 @@\n a\n+b\n c" }] });
    fake.state.pushToPullRequest({ number: 8, headSha: "d".repeat(40), files: [{ filename: "a.ts", patch: "@@ -40,2 +40,3 @@\n a\n+b\n c" }] });
    // Line 2 is in the diff at the first head, not at the second.
    await octokit.rest.pulls.createReview({ ...pr8, commit_id: "e".repeat(40), event: "COMMENT", comments: [{ path: "a.ts", line: 2, body: "old" }] });
    const failure = await expectHttpError(() =>
      octokit.rest.pulls.createReview({ ...pr8, event: "COMMENT", comments: [{ path: "a.ts", line: 2, body: "new" }] }),
    );
    expect(failure.status).toBe(422);
    await octokit.rest.pulls.createReview({ ...pr8, event: "COMMENT", comments: [{ path: "a.ts", line: 41, body: "new head" }] });
    expect(fake.state.reviews(REPO, 8).map((r) => r.commitId)).toEqual(["e".repeat(40), "d".repeat(40)]);
  });
});

describe("review comments", () => {
  it("creates a single comment (wrapped in its own review), replies to it, and lists the thread", async () => {
    const created = await octokit.rest.pulls.createReviewComment({
      ...pr,
      commit_id: HEAD_SHA,
      path: "docs/new.md",
      line: 3,
      body: "typo?",
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ path: "docs/new.md", line: 3, side: "RIGHT", subject_type: "line" });

    const reply = await octokit.rest.pulls.createReplyForReviewComment({ ...pr, comment_id: created.data.id, body: "fixed" });
    expect(reply.data.in_reply_to_id).toBe(created.data.id);
    expect(reply.data.line).toBe(3);

    // GitHub ignores everything but `body` with `in_reply_to`, yet its schema still requires
    // `commit_id` and `path`, and the fake enforces the published schema.
    const viaInReplyTo = await octokit.rest.pulls.createReviewComment({
      ...pr,
      commit_id: HEAD_SHA,
      path: "docs/new.md",
      body: "thanks",
      in_reply_to: reply.data.id,
    });
    // A reply to a reply joins the root of the thread.
    expect(viaInReplyTo.data.in_reply_to_id).toBe(created.data.id);

    expect(fake.state.reviews(REPO, 7).map((r) => [r.state, r.comments.length])).toEqual([
      ["COMMENTED", 1],
      ["COMMENTED", 1],
      ["COMMENTED", 1],
    ]);
  });

  it("accepts a file-level comment and refuses a line outside the diff", async () => {
    const fileLevel = await octokit.rest.pulls.createReviewComment({
      ...pr,
      commit_id: HEAD_SHA,
      path: "assets/logo.png",
      subject_type: "file",
      body: "is this image optimized?",
    });
    expect(fileLevel.data.subject_type).toBe("file");
    const failure = await expectHttpError(() =>
      octokit.rest.pulls.createReviewComment({ ...pr, commit_id: HEAD_SHA, path: "docs/new.md", line: 40, body: "x" }),
    );
    expect(failure.status).toBe(422);
    expect(fake.state.reviewComments(REPO, 7)).toHaveLength(1);
  });

  it("updates and deletes a review comment", async () => {
    const created = await octokit.rest.pulls.createReviewComment({ ...pr, commit_id: HEAD_SHA, path: "src/cart.ts", line: 23, body: "v1" });
    await octokit.rest.pulls.updateReviewComment({ owner: "acme", repo: "shop", comment_id: created.data.id, body: "v2" });
    expect(fake.state.reviewComments(REPO, 7).map((c) => c.body)).toEqual(["v2"]);
    await octokit.rest.pulls.deleteReviewComment({ owner: "acme", repo: "shop", comment_id: created.data.id });
    expect(fake.state.reviewComments(REPO, 7)).toEqual([]);
  });
});
