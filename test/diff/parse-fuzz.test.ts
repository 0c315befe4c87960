import { buildAnchorIndex } from "../../src/diff/anchors.js";
import { DiffParseError } from "../../src/diff/diff-error.js";
import type { DiffModel } from "../../src/diff/diff-model.js";
import { classifyFiles } from "../../src/diff/filters.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";
import { createGitFixture } from "./git-fixture.js";
import { modelViolations } from "./model-invariants.js";

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: Random, n: number) => Math.floor(random() * n);

const HEADER_LINES = [
  "diff --git a/q.ts b/q.ts", "--- a/q.ts", "+++ b/q.ts", "@@ -1 +1 @@", "@@ -1,3 +1,4 @@ f()", "@@ -0,0 +1 @@",
  "\\ No newline at end of file", "Binary files a/q and b/q differ", "GIT binary patch", "literal 5", "rename from q.ts",
  "rename to r.ts", "similarity index 90%", "new file mode 100644", "deleted file mode 100644", "old mode 100644",
  "new mode 100755", "@@@ -1 -1 +1 @@@", 'diff --git "a/\\303 b/x', "-- ", "diff -ru a b", "--- /dev/null", "+++ /dev/null", "",
];
const ODD_TEXT = ["\0", "\r", "\r\n", "\t", "\\", '"', "\u00e9", "\ud83d", "\ud83d\ude00", "@@", "+", "-", " ", "999999999", ",", "\u2028"];

/** One random change to a diff's text: what a truncated upload, a bad paste or a bad tool does. */
function mutate(random: Random, text: string): string {
  const lines = text.split("\n");
  const at = int(random, lines.length);
  switch (int(random, 9)) {
    case 0:
      return text.slice(0, int(random, text.length + 1));
    case 1:
      lines.splice(at, 1 + int(random, 3));
      break;
    case 2:
      lines.splice(at, 0, ...lines.slice(at, at + 1 + int(random, 4)));
      break;
    case 3: {
      const pos = int(random, text.length + 1);
      const junk = Array.from({ length: 1 + int(random, 4) }, () => (random() < 0.5 ? pick(random, ODD_TEXT) : String.fromCharCode(int(random, 0x3000))));
      return text.slice(0, pos) + junk.join("") + text.slice(pos);
    }
    case 4:
      lines[at] = pick(random, ["+", "-", " ", "\\", "@", "d", ""]) + lines[at].slice(1);
      break;
    case 5: {
      const other = int(random, lines.length);
      [lines[at], lines[other]] = [lines[other], lines[at]];
      break;
    }
    case 6:
      lines[at] = lines[at].replace(/\d+/, () => String(int(random, 1000)));
      break;
    case 7:
      lines.splice(at, 0, pick(random, HEADER_LINES));
      break;
    default:
      return random() < 0.5 ? text.replace(/\n/g, "\r\n") : text + text.slice(int(random, text.length));
  }
  return lines.join("\n");
}

/** Every added/context line must be commentable on RIGHT, every deleted/context line on LEFT. */
function anchorViolations(model: DiffModel): string[] {
  const index = buildAnchorIndex(model);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of model.files) {
    // With a path twice in one diff, the index answers for the first file only.
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    for (const hunk of file.hunks) {
      for (const line of hunk.lines) {
        if (line.kind !== "del" && !index.check(file.path, { side: "RIGHT", line: line.newLine! }).ok) problems.push(`${file.path} R${line.newLine}`);
        if (line.kind !== "add" && !index.check(file.path, { side: "LEFT", line: line.oldLine! }).ok) problems.push(`${file.path} L${line.oldLine}`);
      }
    }
  }
  return problems;
}

let corpus: string[];

beforeAll(() => {
  const repo = createGitFixture();
  try {
    repo.write("src/a.ts", Array.from({ length: 30 }, (_, i) => `line ${i}\n`).join(""));
    repo.write("b b.txt", "x\ny\n");
    repo.write("mv.txt", "1\n2\n3\n4\n5\n6\n");
    repo.write("img.bin", Buffer.from([0, 1, 2]));
    repo.write("nonl.txt", "end");
    repo.commit("init");
    repo.write("src/a.ts", Array.from({ length: 30 }, (_, i) => (i % 9 === 0 ? `changed ${i}\n` : `line ${i}\n`)).join(""));
    repo.write("b b.txt", "x\r\nz\r\n");
    repo.git("mv", "mv.txt", "moved.txt");
    repo.write("moved.txt", "1\n2\n3\n4\n5\nsix\n");
    repo.write("img.bin", Buffer.from([0, 1, 3]));
    repo.write("nonl.txt", "end2");
    repo.write("café.ts", "new\n");
    corpus = [repo.stagedDiff(), repo.stagedDiff("--binary"), repo.stagedDiff("-U0")];
  } finally {
    repo.cleanup();
  }
  corpus.push("--- old.txt\t2024-01-01 00:00:00 +0000\n+++ new.txt\t2024-01-01 00:00:00 +0000\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
});

describe("parseUnifiedDiff under fuzzing", () => {
  it("reads every corpus diff cleanly (the fuzz starts from valid input)", () => {
    for (const text of corpus) expect(modelViolations(parseUnifiedDiff(text))).toEqual([]);
  });

  it("either reads 3,000 mutated diffs into valid models or throws DiffParseError, never anything else", () => {
    const outcomes = { parsed: 0, rejected: 0 };
    for (let seed = 1; seed <= 3000; seed++) {
      const random = prng(seed);
      let text = pick(random, corpus);
      for (let n = 1 + int(random, 3); n > 0; n--) text = mutate(random, text);
      let model: DiffModel | undefined;
      try {
        model = parseUnifiedDiff(text);
      } catch (error) {
        if (!(error instanceof DiffParseError)) throw new Error(`seed ${seed}: ${String(error)}`);
        expect(error.message).not.toMatch(/[\r\n]/);
        outcomes.rejected++;
      }
      if (!model) continue;
      outcomes.parsed++;
      const problems = [...modelViolations(model), ...anchorViolations(model)];
      if (problems.length) throw new Error(`seed ${seed}: ${problems.slice(0, 3).join("; ")}`);
      expect(() => classifyFiles(model!)).not.toThrow();
    }
    // Both outcomes must be common, or the mutations are not exercising the parser.
    expect(outcomes.parsed).toBeGreaterThan(300);
    expect(outcomes.rejected).toBeGreaterThan(300);
  });
});
