import { fetchPullRequestChange } from "../../src/github/pr-source.js";
import { OMITTED_PATCH_REASON } from "../../src/github/pr-file-diff.js";
import { faults } from "../fakes/github/index.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const repo = { owner: "acme", repo: "shop" };
const CART_PATCH = [
  "@@ -1,3 +1,4 @@",
  " export function total(items) {",
  "-  let sum = 0;",
  "+  let sum = 0; // running total",
  "+  const tax = 0.2;",
  "   return sum;",
  "@@ -20,2 +21,3 @@ export function total(items) {",
  " function empty() {",
  "+  // nothing",
  " }",
].join("\n");

let gh: GitHubHarness;
const listFiles = /^GET \/repos\/acme\/shop\/pulls\/\d+\/files/;

beforeAll(async () => {
  gh = await startGitHub();
  const { state } = gh.fake;
  state.addRepo("acme/shop");
  state.addPullRequest({
    number: 7,
    headSha: HEAD,
    baseSha: BASE,
    files: [
      { filename: "src/cart.ts", patch: CART_PATCH },
      { filename: "docs/new.md", contents: "# New\n\nHello\n" },
      { filename: "assets/logo.png", status: "added", binary: true },
      { filename: "src/huge.json", patch: "@@ -1 +1 @@\n-a\n+b", omitPatch: true },
      { filename: "src/total.ts", status: "renamed", previousFilename: "src/sum.ts", patch: "@@ -1 +1 @@\n-let a = 1;\n+let a = 2;" },
      { filename: "src/moved.ts", status: "renamed", previousFilename: "src/old-place.ts" },
      { filename: 'docs/my "odd" file.md', patch: "@@ -1 +1,2 @@\n line\n+more" },
      { filename: "src/gone.ts", status: "removed", baseContents: "a\nb\n" },
      // The header says 3 new lines, the body has 1: the parser refuses it.
      { filename: "src/broken.ts", patch: "@@ -1,1 +1,3 @@\n-a\n+b" },
    ],
  });
  state.addPullRequest({
    number: 8,
    headSha: "8".repeat(40),
    baseSha: BASE,
    files: Array.from({ length: 250 }, (_, i) => ({ filename: `gen/f${i}.ts`, patch: `@@ -1 +1 @@\n-old\n+new ${i}` })),
  });
  state.addPullRequest({
    number: 9,
    headSha: "9".repeat(40),
    baseSha: BASE,
    files: Array.from({ length: 3005 }, (_, i) => ({ filename: `gen/g${i}.ts`, patch: `@@ -1 +1 @@\n-old\n+new ${i}` })),
  });
});
afterAll(() => gh.close());
beforeEach(() => gh.resetCounts());
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

describe("fetchPullRequestChange", () => {
  it("rebuilds each file's diff from its patch, and skips what GitHub left out or cannot be read", async () => {
    const change = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: HEAD });
    expect(change.truncated).toBe(false);
    expect(change.incremental).toBeUndefined();
    expect(change.diff.files.map((f) => [f.path, f.status, f.oldPath, f.additions, f.deletions])).toEqual([
      ["src/cart.ts", "modified", undefined, 3, 1],
      ["docs/new.md", "added", undefined, 3, 0],
      ["src/total.ts", "renamed", "src/sum.ts", 1, 1],
      ["src/moved.ts", "renamed", "src/old-place.ts", 0, 0],
      ['docs/my "odd" file.md', "modified", undefined, 1, 0],
      ["src/gone.ts", "deleted", undefined, 0, 2],
    ]);
    const cart = change.diff.files[0];
    expect(cart.hunks.map((h) => [h.oldStart, h.newStart, h.heading])).toEqual([
      [1, 1, ""],
      [20, 21, "export function total(items) {"],
    ]);
    expect(cart.hunks[1].lines.find((l) => l.kind === "add")).toEqual({ kind: "add", newLine: 22, content: "  // nothing" });
    expect(change.skipped).toEqual([
      { path: "assets/logo.png", reason: OMITTED_PATCH_REASON },
      { path: "src/huge.json", reason: OMITTED_PATCH_REASON },
      { path: "src/broken.ts", reason: expect.stringMatching(/^could not read GitHub's patch: .*hunk/) },
    ]);
    expect(gh.count(listFiles)).toBe(1);
  });

  it("pages through more than 100 files, 100 at a time", async () => {
    const change = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 8, headSha: "8".repeat(40) });
    expect(change.diff.files).toHaveLength(250);
    expect(change.diff.files[249].path).toBe("gen/f249.ts");
    expect(change.truncated).toBe(false);
    expect(gh.requests.filter((r) => listFiles.test(r))).toEqual([
      "GET /repos/acme/shop/pulls/8/files?per_page=100",
      "GET /repos/acme/shop/pulls/8/files?per_page=100&page=2",
      "GET /repos/acme/shop/pulls/8/files?per_page=100&page=3",
    ]);
  });

  it("says so when GitHub's list stops at its 3,000-file cap", async () => {
    const change = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 9, headSha: "9".repeat(40) });
    expect(change.diff.files).toHaveLength(3000);
    expect(change.truncated).toBe(true);
    expect(change.skipped).toEqual([
      {
        path: "(files after the first 3,000)",
        reason: "GitHub lists at most 3,000 files of a pull request; the rest were not reviewed",
      },
    ]);
    expect(gh.count(listFiles)).toBe(30);
  });

  it("propagates a GitHub outage instead of reviewing nothing", async () => {
    gh.fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", faults.serverError(502));
    await expect(fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: HEAD })).rejects.toMatchObject({ status: 502 });
  });
});

describe("incremental reviews", () => {
  const NEW_HEAD = "c".repeat(40);
  beforeAll(() => {
    gh.fake.state.pushToPullRequest({
      number: 7,
      headSha: NEW_HEAD,
      files: [{ filename: "src/cart.ts", patch: CART_PATCH }],
      pushedFiles: [
        { filename: "src/cart.ts", patch: "@@ -3,2 +3,3 @@\n-  const tax = 0.2;\n+  const tax = 0.25;\n+  const fee = 1;\n   return sum;" },
        { filename: "assets/logo.png", binary: true },
      ],
    });
  });

  it("collects the lines a push added when the new head builds on the old one", async () => {
    const change = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: NEW_HEAD, sinceSha: HEAD });
    expect(change.incremental).toEqual({
      sinceSha: HEAD,
      addedLines: new Map([
        ["src/cart.ts", new Set([3, 4])],
        ["assets/logo.png", new Set()],
      ]),
    });
    expect(gh.requests.filter((r) => r.includes("/compare/"))).toEqual([`GET /repos/acme/shop/compare/${HEAD}...${NEW_HEAD}`]);
  });

  it.each<["diverged" | "behind", string]>([
    ["diverged", "force-push rebased the branch"],
    ["behind", "the branch was reset to an older commit"],
  ])("gives no increment when the comparison is %s (%s)", async (status) => {
    const since = status === "diverged" ? "d".repeat(40) : "e".repeat(40);
    gh.fake.state.setFile(since, "README.md", "x");
    gh.fake.state.setComparison(since, NEW_HEAD, { status, files: [{ filename: "src/cart.ts", patch: "@@ -1 +1 @@\n-a\n+b" }] });
    const change = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: NEW_HEAD, sinceSha: since });
    expect(change.incremental).toBeUndefined();
    expect(change.diff.files.length).toBeGreaterThan(0);
  });

  it("gives no increment when the old head is gone (404) or is the same commit", async () => {
    const gone = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: NEW_HEAD, sinceSha: "f".repeat(40) });
    expect(gone.incremental).toBeUndefined();
    expect(gh.count(/^GET \/repos\/acme\/shop\/compare\//)).toBe(1);
    gh.resetCounts();
    const same = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: NEW_HEAD, sinceSha: NEW_HEAD });
    expect(same.incremental).toBeUndefined();
    expect(gh.count(/\/compare\//)).toBe(0);
  });

  it("gives no increment when a pushed file's patch is missing, so no added line goes unseen", async () => {
    const since = "1".repeat(40);
    gh.fake.state.setFile(since, "README.md", "x");
    gh.fake.state.setComparison(since, NEW_HEAD, { files: [{ filename: "src/cart.ts", patch: "@@ -1 +1 @@\n-a\n+b", omitPatch: true }] });
    const change = await fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: NEW_HEAD, sinceSha: since });
    expect(change.incremental).toBeUndefined();
  });

  it("propagates a 5xx from the comparison", async () => {
    gh.fake.failNext("GET /repos/{owner}/{repo}/compare/{basehead}", faults.serverError(503));
    await expect(fetchPullRequestChange(gh.octokit, { ...repo, pullNumber: 7, headSha: NEW_HEAD, sinceSha: HEAD })).rejects.toMatchObject({ status: 503 });
  });
});
