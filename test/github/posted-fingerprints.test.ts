import { readPostedFingerprints } from "../../src/github/posted-fingerprints.js";
import { fingerprintMarker } from "../../src/review/render/comment-body.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const HEAD = "a".repeat(40);
const pr = { owner: "acme", repo: "shop", pullNumber: 7 };
let gh: GitHubHarness;

beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo("acme/shop");
  gh.fake.state.addPullRequest({ number: 7, headSha: HEAD, baseSha: "b".repeat(40), files: [{ filename: "a.ts", contents: "x\ny\nz\n" }] });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.fake.state.reviewsById.clear();
  gh.fake.state.reviewCommentsById.clear();
  gh.resetCounts();
});
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

/** Posts review comments as the App, then hands the ones named in `authors` to those users. */
async function seedComments(bodies: string[], authors: Record<number, string> = {}): Promise<void> {
  await gh.octokit.rest.pulls.createReview({
    owner: "acme",
    repo: "shop",
    pull_number: 7,
    commit_id: HEAD,
    event: "COMMENT",
    comments: bodies.map((body, i) => ({ path: "a.ts", line: (i % 3) + 1, body })),
  });
  const comments = [...gh.fake.state.reviewCommentsById.values()].sort((a, b) => a.id - b.id);
  for (const [index, author] of Object.entries(authors)) comments[Number(index)].author = author;
  gh.resetCounts();
}

describe("readPostedFingerprints", () => {
  it("reads the markers of the bot's comments across pages of 100", async () => {
    const bodies = Array.from({ length: 150 }, (_, i) => `finding ${i}\n\n${fingerprintMarker(i.toString(16).padStart(8, "0"))}`);
    await seedComments(bodies);
    const found = await readPostedFingerprints(gh.octokit, pr);
    expect(found.size).toBe(150);
    expect(found.has("00000095")).toBe(true);
    expect(gh.requests).toEqual([
      "GET /repos/acme/shop/pulls/7/comments?per_page=100",
      "GET /repos/acme/shop/pulls/7/comments?per_page=100&page=2",
    ]);
  });

  it("ignores markers in comments by people, so quoting one cannot suppress a finding", async () => {
    await seedComments([`ours ${fingerprintMarker("aaaaaaaa")}`, `> quoted ${fingerprintMarker("bbbbbbbb")}`, "no marker"], { 1: "mallory" });
    expect([...(await readPostedFingerprints(gh.octokit, pr))]).toEqual(["aaaaaaaa"]);
  });

  it("keeps only the named bot's comments when botLogin is given", async () => {
    await seedComments([`ours ${fingerprintMarker("aaaaaaaa")}`, `another app ${fingerprintMarker("cccccccc")}`], { 1: "other-app[bot]" });
    expect([...(await readPostedFingerprints(gh.octokit, { ...pr, botLogin: "patchwarden[bot]" }))]).toEqual(["aaaaaaaa"]);
    expect([...(await readPostedFingerprints(gh.octokit, pr))].sort()).toEqual(["aaaaaaaa", "cccccccc"]);
  });

  it("answers an empty set for a PR without review comments", async () => {
    expect((await readPostedFingerprints(gh.octokit, pr)).size).toBe(0);
  });
});
