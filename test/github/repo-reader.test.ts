import { prefetchRepoReader } from "../../src/github/repo-reader.js";
import { faults } from "../fakes/github/index.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const HEAD = "a".repeat(40);
const repo = { owner: "acme", repo: "shop" };
const contents = /^GET \/repos\/acme\/shop\/contents\//;
let gh: GitHubHarness;

beforeAll(async () => {
  gh = await startGitHub();
  const { state } = gh.fake;
  state.addRepo("acme/shop");
  const files: Record<string, string | Buffer> = {
    "src/cart.ts": "export const cart = 1;\n",
    "src/cart.test.ts": "test('cart', () => {});\n",
    "src/__tests__/cart.ts": "test('cart again', () => {});\n",
    "test/unit/cart.test.ts": "test('unit cart', () => {});\n",
    "pkg/tax.py": "RATE = 0.2\n",
    "tests/test_tax.py": "def test_rate(): pass\n",
    "src/pay/index.ts": "export {};\n",
    "README.md": "# Shop\n",
    "assets/logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    "data/big.json": "x".repeat(3000),
  };
  for (const [path, text] of Object.entries(files)) state.setFile(HEAD, path, text);
  for (let i = 0; i < 30; i++) state.setFile(HEAD, `gen/f${i}.ts`, `export const f${i} = ${i};\n`);
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.resetCounts();
  gh.fake.setLatency(0);
  gh.truncateTreesAt = Number.POSITIVE_INFINITY;
});
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

describe("prefetchRepoReader without a listing", () => {
  it("reads the given paths at the ref; anything absent, binary, too big or a folder reads as undefined", async () => {
    const reader = await prefetchRepoReader(gh.octokit, {
      ...repo,
      ref: HEAD,
      paths: ["src/cart.ts", "README.md", "src/missing.ts", "assets/logo.png", "data/big.json", "src"],
      maxBytes: 1000,
    });
    expect(reader.readFile("src/cart.ts")).toBe("export const cart = 1;\n");
    expect(reader.readFile("README.md")).toBe("# Shop\n");
    for (const path of ["src/missing.ts", "assets/logo.png", "data/big.json", "src", "pkg/tax.py"]) expect(reader.readFile(path)).toBeUndefined();
    expect(reader.listFiles()).toEqual(["README.md", "src/cart.ts"]);
    expect(reader.listingTruncated).toBe(false);
    expect(reader.unread).toEqual([
      { path: "src/missing.ts", reason: "absent" },
      { path: "assets/logo.png", reason: "binary" },
      { path: "data/big.json", reason: "over 1000 bytes" },
      { path: "src", reason: "a folder" },
    ]);
    expect(gh.count(contents)).toBe(6);
    expect(gh.requests).toContain(`GET /repos/acme/shop/contents/src/cart.ts?ref=${HEAD}`);
  });

  it("keeps at most 8 requests in flight and stops at maxFiles", async () => {
    gh.fake.setLatency(20);
    const paths = Array.from({ length: 30 }, (_, i) => `gen/f${i}.ts`);
    const reader = await prefetchRepoReader(gh.octokit, { ...repo, ref: HEAD, paths, maxFiles: 20 });
    expect(gh.count(contents)).toBe(20);
    expect(gh.maxInFlight()).toBe(8);
    expect(reader.readFile("gen/f19.ts")).toBe("export const f19 = 19;\n");
    expect(reader.readFile("gen/f20.ts")).toBeUndefined();
    expect(reader.unread).toHaveLength(10);
    expect(reader.unread[0]).toEqual({ path: "gen/f20.ts", reason: "over the prefetch limit of 20 files" });
  });

  it("skips symlinks and submodules", async () => {
    const entry = (type: string, path: string) => ({
      type, path, name: path, size: 10, sha: "0".repeat(40), url: "", html_url: null, git_url: null, download_url: null,
      _links: { self: "", git: null, html: null },
      ...(type === "symlink" ? { target: "src/cart.ts" } : { submodule_git_url: "https://example.invalid/x.git" }),
    });
    const undo = [
      gh.intercept(/^GET \/repos\/acme\/shop\/contents\/link\.ts$/, () => ({ status: 200, body: entry("symlink", "link.ts") })),
      gh.intercept(/^GET \/repos\/acme\/shop\/contents\/vendor\/lib$/, () => ({ status: 200, body: entry("submodule", "vendor/lib") })),
    ];
    const reader = await prefetchRepoReader(gh.octokit, { ...repo, ref: HEAD, paths: ["link.ts", "vendor/lib"] });
    expect(reader.readFile("link.ts")).toBeUndefined();
    expect(reader.unread).toEqual([
      { path: "link.ts", reason: "a symlink" },
      { path: "vendor/lib", reason: "a submodule" },
    ]);
    for (const u of undo) u();
  });

  it("propagates errors other than 404 so the job can be retried", async () => {
    gh.fake.failNext("GET /repos/{owner}/{repo}/contents/{path}", faults.serverError(502));
    await expect(prefetchRepoReader(gh.octokit, { ...repo, ref: HEAD, paths: ["src/cart.ts"] })).rejects.toMatchObject({ status: 502 });
  });
});

describe("prefetchRepoReader with a listing", () => {
  // The fake has no git trees route yet: the harness's proxy serves it from the fake's state.
  it("lists the tree, fetches the changed files and their likely tests, and skips paths the tree lacks", async () => {
    const reader = await prefetchRepoReader(gh.octokit, {
      ...repo,
      ref: HEAD,
      paths: ["src/cart.ts", "pkg/tax.py", "src/deleted.ts"],
      listing: true,
    });
    expect(reader.listFiles()).toHaveLength(40);
    expect(reader.listFiles()).toContain("gen/f29.ts");
    expect(reader.listFiles()).not.toContain("src");
    expect(reader.readFile("src/cart.test.ts")).toBe("test('cart', () => {});\n");
    expect(reader.readFile("src/__tests__/cart.ts")).toBe("test('cart again', () => {});\n");
    expect(reader.readFile("test/unit/cart.test.ts")).toBe("test('unit cart', () => {});\n");
    expect(reader.readFile("tests/test_tax.py")).toBe("def test_rate(): pass\n");
    expect(reader.readFile("README.md")).toBeUndefined();
    expect(reader.unread).toEqual([{ path: "src/deleted.ts", reason: "absent" }]);
    expect(gh.requests.filter((r) => /git\/trees/.test(r))).toEqual([`GET /repos/acme/shop/git/trees/${HEAD}?recursive=true`]);
    // 2 changed files + 4 tests; the deleted file is known absent from the tree, so not asked for.
    expect(gh.count(contents)).toBe(6);
  });

  it("bounds the tests by maxFiles, changed files first", async () => {
    const reader = await prefetchRepoReader(gh.octokit, { ...repo, ref: HEAD, paths: ["src/cart.ts", "pkg/tax.py"], listing: true, maxFiles: 3 });
    expect(gh.count(contents)).toBe(3);
    expect(reader.readFile("pkg/tax.py")).toBe("RATE = 0.2\n");
    expect(reader.readFile("src/cart.test.ts")).toBeDefined();
    expect(reader.readFile("tests/test_tax.py")).toBeUndefined();
  });

  it("says when GitHub truncated the tree, and then still asks for paths missing from it", async () => {
    gh.truncateTreesAt = 5;
    const reader = await prefetchRepoReader(gh.octokit, { ...repo, ref: HEAD, paths: ["src/cart.ts"], listing: true });
    expect(reader.listingTruncated).toBe(true);
    expect(reader.listFiles().length).toBeLessThan(5);
    expect(reader.readFile("src/cart.ts")).toBe("export const cart = 1;\n");
  });
});
