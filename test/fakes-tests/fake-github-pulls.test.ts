import type { Octokit } from "@octokit/rest";
import { createFakeGitHub, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, CART_HEAD, CART_PATCH, expectHttpError, HEAD_SHA, octokitFor, REPO, seedShop } from "./fake-github-fixture.js";

let fake: FakeGitHub;
let octokit: Octokit;
const repo = { owner: "acme", repo: "shop" };

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedShop(fake);
  fake.state.addPullRequest({
    number: 9,
    headSha: "9".repeat(40),
    baseSha: BASE_SHA,
    files: Array.from({ length: 3005 }, (_, i) => ({
      filename: `gen/file-${String(i).padStart(4, "0")}.ts`,
      patch: `@@ -1 +1 @@\n-old ${i}\n+new ${i}`,
    })),
  });
  octokit = octokitFor(fake);
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  expect(fake.responseProblems.splice(0)).toEqual([]);
});

describe("pull requests", () => {
  it("serves a PR with GitHub's shape", async () => {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: 7 });
    expect(data).toMatchObject({
      number: 7,
      state: "open",
      title: "Add tax",
      head: { sha: HEAD_SHA, ref: "feature-7", repo: { full_name: REPO } },
      base: { sha: BASE_SHA, ref: "main", repo: { full_name: REPO } },
      changed_files: 3,
      additions: 6,
      deletions: 1,
    });
  });

  it("serves the diff media type", async () => {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: 7, mediaType: { format: "diff" } });
    const text = data as unknown as string;
    expect(text).toContain("diff --git a/src/cart.ts b/src/cart.ts\n--- a/src/cart.ts\n+++ b/src/cart.ts\n@@ -1,5 +1,6 @@");
    expect(text).toContain("Binary files /dev/null and b/assets/logo.png differ");
  });

  it("lists files with patches, none for binary files", async () => {
    const { data } = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    expect(data.map((f) => [f.filename, f.status, f.additions, f.deletions, f.patch !== undefined])).toEqual([
      ["src/cart.ts", "modified", 3, 1, true],
      ["docs/new.md", "added", 3, 0, true],
      ["assets/logo.png", "added", 0, 0, false],
    ]);
    expect(data[0]?.patch).toBe(CART_PATCH);
    expect(data[1]?.patch).toBe("@@ -0,0 +1,3 @@\n+# New\n+\n+Hello");
  });

  it("paginates files with per_page, page and a Link header, capped at 3,000 like GitHub", async () => {
    const page2 = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 9, per_page: 100, page: 2 });
    expect(page2.data[0]?.filename).toBe("gen/file-0100.ts");
    expect(page2.headers.link).toBe(
      [
        `<${fake.url}/repos/acme/shop/pulls/9/files?per_page=100&page=1>; rel="prev"`,
        `<${fake.url}/repos/acme/shop/pulls/9/files?per_page=100&page=3>; rel="next"`,
        `<${fake.url}/repos/acme/shop/pulls/9/files?per_page=100&page=30>; rel="last"`,
        `<${fake.url}/repos/acme/shop/pulls/9/files?per_page=100&page=1>; rel="first"`,
      ].join(", "),
    );
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: 9, per_page: 100 });
    expect(all).toHaveLength(3000);
    expect(all[2999]?.filename).toBe("gen/file-2999.ts");
    // per_page above 100 is clamped to 100, the default is 30.
    const big = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 9, per_page: 500 });
    expect(big.data).toHaveLength(100);
    const small = await octokit.rest.pulls.listFiles({ ...repo, pull_number: 9 });
    expect(small.data).toHaveLength(30);
  });

  it("answers 404 for an unknown PR and for a non-numeric number", async () => {
    expect((await expectHttpError(() => octokit.rest.pulls.get({ ...repo, pull_number: 404 }))).status).toBe(404);
    const bad = await expectHttpError(() => octokit.request("GET /repos/acme/shop/pulls/abc"));
    expect(bad.status).toBe(404);
  });
});

describe("contents", () => {
  it("serves a file at a ref in base64, and raw for the raw media type", async () => {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: "src/cart.ts", ref: HEAD_SHA });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(data.encoding).toBe("base64");
    expect(Buffer.from(data.content, "base64").toString("utf8")).toBe(CART_HEAD);
    const raw = await octokit.rest.repos.getContent({ ...repo, path: "src/cart.ts", ref: "feature-7", mediaType: { format: "raw" } });
    expect(raw.data as unknown as string).toBe(CART_HEAD);
    expect(raw.headers["content-type"]).toBe("text/plain; charset=utf-8");
  });

  it("lists a directory, and answers 404 for a missing file or ref", async () => {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path: "src", ref: HEAD_SHA });
    expect(Array.isArray(data) && data.map((entry) => [entry.type, entry.path])).toEqual([["file", "src/cart.ts"]]);
    const missing = await expectHttpError(() => octokit.rest.repos.getContent({ ...repo, path: ".github/patchwarden.yml" }));
    expect(missing.status).toBe(404);
    const badRef = await expectHttpError(() => octokit.rest.repos.getContent({ ...repo, path: "src/cart.ts", ref: "nope" }));
    expect(badRef.data.message).toBe("No commit found for the ref nope");
  });

  it("serves .github/patchwarden.yml on the default branch once seeded", async () => {
    fake.state.setFile("main", ".github/patchwarden.yml", "review:\n  maxComments: 5\n");
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...repo,
      path: ".github/patchwarden.yml",
      mediaType: { format: "raw" },
    });
    expect(data).toBe("review:\n  maxComments: 5\n");
    // The path also resolves when written with raw slashes.
    const { data: json } = await octokit.request("GET /repos/acme/shop/contents/.github/patchwarden.yml");
    expect((json as { path: string }).path).toBe(".github/patchwarden.yml");
  });
});

describe("compare", () => {
  it("compares a PR's base and head: ahead, with files and patches", async () => {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${BASE_SHA}...${HEAD_SHA}` });
    expect(data).toMatchObject({ status: "ahead", ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(data.files?.map((f) => f.filename)).toEqual(["src/cart.ts", "docs/new.md", "assets/logo.png"]);
    expect(data.commits.map((c) => c.sha)).toEqual([HEAD_SHA]);
  });

  it("serves seeded comparisons (diverged, by branch names) and refuses unrelated refs", async () => {
    fake.state.setBranch("release", "f".repeat(40));
    fake.state.setComparison("main", "release", {
      status: "diverged",
      aheadBy: 2,
      behindBy: 3,
      files: [{ filename: "x.ts", patch: "@@ -1 +1 @@\n-a\n+b" }],
    });
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: "main...release" });
    expect(data).toMatchObject({ status: "diverged", ahead_by: 2, behind_by: 3 });
    expect(data.files?.[0]?.patch).toBe("@@ -1 +1 @@\n-a\n+b");
    const identical = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${HEAD_SHA}...feature-7` });
    expect(identical.data.status).toBe("identical");
    const unrelated = await expectHttpError(() =>
      octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `release...${HEAD_SHA}` }),
    );
    expect(unrelated.status).toBe(404);
    expect(unrelated.data.message).toBe(`No common ancestor between release and ${HEAD_SHA}.`);
  });

  it("serves the incremental comparison of a push", async () => {
    fake.state.pushToPullRequest({
      number: 7,
      headSha: "c".repeat(40),
      files: [{ filename: "src/cart.ts", patch: CART_PATCH }],
      pushedFiles: [{ filename: "src/cart.ts", patch: "@@ -3,1 +3,1 @@\n-  const tax = 0.2;\n+  const tax = 0.25;" }],
    });
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${HEAD_SHA}...${"c".repeat(40)}` });
    expect(data.files?.map((f) => [f.filename, f.additions, f.deletions])).toEqual([["src/cart.ts", 1, 1]]);
    const pull = await octokit.rest.pulls.get({ ...repo, pull_number: 7 });
    expect(pull.data.head.sha).toBe("c".repeat(40));
  });
});
