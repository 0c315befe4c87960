import { upsertSummaryComment } from "../../src/github/summary-comment.js";
import { SUMMARY_MARKER } from "../../src/review/render/summary-markdown.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const target = { owner: "acme", repo: "shop", issueNumber: 7 };
let gh: GitHubHarness;

beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo("acme/shop");
  gh.fake.state.addPullRequest({ number: 7, headSha: "a".repeat(40), baseSha: "b".repeat(40), files: [] });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.fake.state.issueCommentsById.clear();
  gh.resetCounts();
});
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

const comments = () => gh.fake.state.issueComments("acme/shop", 7);

describe("upsertSummaryComment", () => {
  it("creates the sticky comment once, then edits it in place", async () => {
    const first = await upsertSummaryComment(gh.octokit, { ...target, body: `${SUMMARY_MARKER}\n### 2 findings\n` });
    expect(first.created).toBe(true);
    const second = await upsertSummaryComment(gh.octokit, { ...target, body: `${SUMMARY_MARKER}\n### 1 finding\n` });
    expect(second).toEqual({ commentId: first.commentId, created: false });
    expect(comments().map((c) => [c.id, c.author, c.body])).toEqual([[first.commentId, "patchwarden[bot]", `${SUMMARY_MARKER}\n### 1 finding\n`]]);
    expect(gh.requests.map((r) => r.replace(/\d{4,}/, "{id}"))).toEqual([
      "GET /repos/acme/shop/issues/7/comments?per_page=100",
      "POST /repos/acme/shop/issues/7/comments",
      "GET /repos/acme/shop/issues/7/comments?per_page=100",
      "PATCH /repos/acme/shop/issues/comments/{id}",
    ]);
  });

  it("does not send an unchanged body again", async () => {
    await upsertSummaryComment(gh.octokit, { ...target, body: `${SUMMARY_MARKER}\nsame` });
    gh.resetCounts();
    await upsertSummaryComment(gh.octokit, { ...target, body: `${SUMMARY_MARKER}\nsame` });
    expect(gh.requests).toEqual(["GET /repos/acme/shop/issues/7/comments?per_page=100"]);
  });

  it("never takes over a person's comment that quotes the marker, and finds its own past page 1", async () => {
    gh.fake.state.addIssueComment({ issueNumber: 7, author: "mallory", body: `look: ${SUMMARY_MARKER}` });
    const created = await upsertSummaryComment(gh.octokit, { ...target, body: "v1" });
    for (let i = 0; i < 120; i++) gh.fake.state.addIssueComment({ issueNumber: 7, body: `chatter ${i}` });
    const updated = await upsertSummaryComment(gh.octokit, { ...target, body: "v2" });
    expect(updated).toEqual({ commentId: created.commentId, created: false });
    const mine = comments().filter((c) => c.author === "patchwarden[bot]");
    // The marker is put in front of a body that lacks it, so the comment can be found again.
    expect(mine.map((c) => c.body)).toEqual([`${SUMMARY_MARKER}\nv2`]);
    expect(comments().find((c) => c.author === "mallory")?.body).toBe(`look: ${SUMMARY_MARKER}`);
  });

  it("cuts a body over 65,536 characters with a note instead of failing", async () => {
    await upsertSummaryComment(gh.octokit, { ...target, body: `${SUMMARY_MARKER}\n${"| row |\n".repeat(10_000)}` });
    const [comment] = comments();
    expect(comment.body.length).toBeLessThanOrEqual(65_536);
    expect(comment.body.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(comment.body).toMatch(/the rest of this summary was cut: GitHub comments hold at most 65,536 characters\.\n$/);
  });
});
