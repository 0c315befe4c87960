import { join } from "node:path";
import { createMemoryRepo, loadCorpus, summarizeDiff } from "../../bench/corpus.js";

describe("summarizeDiff", () => {
  it("counts hunk lines only, even a deleted line that looks like a file header", () => {
    const diff = [
      "diff --git a/a.js b/a.js",
      "--- a/a.js",
      "+++ b/a.js",
      "@@ -1,3 +1,3 @@",
      " keep",
      "--- not a header",
      "+++ not a header either",
      "+added",
      "diff --git a/gone.js b/gone.js",
      "deleted file mode 100644",
      "--- a/gone.js",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-bye",
      "",
    ].join("\n");
    expect(summarizeDiff(diff)).toEqual({ changedPaths: ["a.js"], addedLines: 2, deletedLines: 2 });
  });
});

describe("the large corpus", () => {
  const corpus = loadCorpus(join(process.cwd(), "bench", "corpus", "large"));

  it("matches its README: 57 files, +1,968 −796", () => {
    expect(corpus.changedPaths).toHaveLength(57);
    expect(corpus.addedLines).toBe(1968);
    expect(corpus.deletedLines).toBe(796);
  });

  it("holds the new side of every touched file in repo/", () => {
    const repo = createMemoryRepo(corpus);
    const missing = corpus.changedPaths.filter((path) => repo.readFile(path) === undefined);
    expect(missing).toEqual([]);
    expect(repo.listFiles()).toContain("lib/interceptor/decompress.js");
  });
});
