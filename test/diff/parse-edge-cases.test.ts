import parseDiff from "parse-diff";
import { DiffParseError } from "../../src/diff/diff-error.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";
import { createGitFixture } from "./git-fixture.js";
import { modelViolations } from "./model-invariants.js";

const diff = (...lines: string[]) => lines.join("\n") + "\n";
const header = (path = "x.ts") => [`diff --git a/${path} b/${path}`, "index 1111111..2222222 100644", `--- a/${path}`, `+++ b/${path}`];

function parseError(text: string): DiffParseError {
  try {
    parseUnifiedDiff(text);
  } catch (error) {
    if (error instanceof DiffParseError) return error;
    throw error;
  }
  throw new Error("parsed without an error");
}

describe("parseUnifiedDiff: empty and non-diff input", () => {
  it.each(["", "\n", "  \n\t\n"])("reads %j as an empty change", (text) => {
    expect(parseUnifiedDiff(text)).toEqual({ files: [] });
  });

  it.each([
    ["prose", "hello\nthis is not a diff\n"],
    ["a lone diff -r line", "diff -ru a b\nOnly in a: x\n"],
    ["JSON", '{"files": []}'],
  ])("rejects %s with a one-line reason", (_, text) => {
    const error = parseError(text);
    expect(error.name).toBe("DiffParseError");
    expect(error.message).toBe("not a unified diff: no file header (---/+++ or diff --git) found");
  });
});

describe("parseUnifiedDiff: malformed structure", () => {
  it.each<[string, string, RegExp, number]>([
    ["a hunk shorter than its header", diff(...header(), "@@ -1,3 +1,3 @@", " a", "-b", "+c", ...header("y.ts"), "@@ -1 +1 @@", "-q", "+r"),
      /^hunk @@ -1,3 \+1,3 @@ at line 5 ends early at line 9: 1 old and 1 new line\(s\) missing before "diff --git a\/y.ts b\/y.ts"$/, 9],
    ["a hunk longer than its header", diff(...header(), "@@ -1,1 +1,1 @@", "-b", "+c", "+d"),
      /^line 8 follows hunk @@ -1,1 \+1,1 @@ at line 5 but is more than its header counts: "\+d"$/, 8],
    ["a body line past one side's count", diff(...header(), "@@ -1,1 +1,2 @@", "-a", "-b", "+c"),
      /^line 7 is more than hunk @@ -1,1 \+1,2 @@ at line 5 counts: "-b"$/, 7],
    ["a malformed hunk header", diff(...header(), "@@ -a +b @@", "+x"), /^malformed hunk header at line 5: "@@ -a \+b @@"$/, 5],
    ["a header with 10-digit numbers", diff(...header(), "@@ -1234567890 +1 @@", "-x", "+y"), /^malformed hunk header at line 5/, 5],
    ["a hunk declaring no lines", diff(...header(), "@@ -1,0 +1,0 @@"), /^hunk header at line 5 declares no lines/, 5],
    ["a hunk starting at line 0 with lines", diff(...header(), "@@ -0,1 +1 @@", "-x", "+y"), /^hunk header at line 5 starts at line 0/, 5],
    ["a truncated diff", diff(...header(), "@@ -1,3 +1,3 @@", " a"), /^diff ends inside hunk .* 2 old and 2 new line\(s\) missing \(truncated\?\)$/, 6],
    ["a hunk before any file", diff("@@ -1 +1 @@", "-a", "+b"), /^hunk header at line 1 comes before any file header$/, 1],
    ["a hunk without ---/+++", diff("diff --git a/x b/x", "@@ -1 +1 @@", "-a", "+b"), /^hunk header at line 2 has no ---\/\+\+\+ file header before it$/, 2],
    ["overlapping hunks", diff(...header(), "@@ -1,2 +1,2 @@", " a", "-b", "+c", "@@ -2 +2 @@", "-b", "+c"), /^hunk at line 9 overlaps or comes before the hunk above it$/, 9],
    ["a stray marker", diff(...header(), "@@ -1,2 +1,2 @@", "\\ No newline at end of file", " a", "-b", "+c"), /^stray "\\" marker at line 6/, 6],
    ["a combined merge diff", diff("diff --cc x.ts", "index 1,2..3", "--- a/x.ts", "+++ b/x.ts", "@@@ -1,1 -1,1 +1,1 @@@"), /^combined \(merge\) diffs are not supported/, 1],
    ["a ---/+++ header with no hunk", diff("--- a/x", "+++ b/x", "hello"), /^file header at line 1 is not followed by any hunk$/, 1],
  ])("rejects %s", (_, text, message, line) => {
    const error = parseError(text);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
    expect(error.line).toBe(line);
  });
});

describe("parseUnifiedDiff: tolerated variations", () => {
  it("reads a blank line inside a hunk as an empty context line (trailing space stripped by a mailer)", () => {
    const model = parseUnifiedDiff(diff(...header(), "@@ -1,3 +1,3 @@", " a", "", "-b", "+c"));
    expect(model.files[0].hunks[0].lines).toEqual([
      { kind: "context", oldLine: 1, newLine: 1, content: "a" },
      { kind: "context", oldLine: 2, newLine: 2, content: "" },
      { kind: "del", oldLine: 3, content: "b" },
      { kind: "add", newLine: 3, content: "c" },
    ]);
  });

  it("reads deleted and added lines that look like file headers by the hunk's counts", () => {
    const model = parseUnifiedDiff(diff(...header(), "@@ -1,2 +1,2 @@", "--- a/y", "+++ b/y", "-- x", "++ y"));
    expect(model.files).toHaveLength(1);
    expect(model.files[0].hunks[0].lines.map((l) => `${l.kind}:${l.content}`)).toEqual(["del:-- a/y", "add:++ b/y", "del:- x", "add:+ y"]);
  });

  it("reads a hunk header without counts, and its heading", () => {
    const model = parseUnifiedDiff(diff(...header(), "@@ -7 +7 @@ function f() {", "-a", "+b"));
    expect(model.files[0].hunks[0]).toMatchObject({ oldStart: 7, oldLines: 1, newStart: 7, newLines: 1, heading: "function f() {" });
  });

  it("strips only trailing CRs, even from a line of very many CRs followed by text", () => {
    const crs = "\r".repeat(100_000);
    const model = parseUnifiedDiff(diff(...header(), "@@ -1 +1 @@", "-a\r", `+${crs}b\r\r`));
    expect(model.files[0].hunks[0].lines).toEqual([
      { kind: "del", oldLine: 1, content: "a" },
      { kind: "add", newLine: 1, content: `${crs}b` },
    ]);
  });

  it("reads a diff without a final newline", () => {
    const model = parseUnifiedDiff(diff(...header(), "@@ -1 +1 @@", "-a", "+b").trimEnd());
    expect(model.files[0]).toMatchObject({ additions: 1, deletions: 1 });
  });

  it("reads a diff -u header with timestamps and no a/ b/ prefixes", () => {
    const model = parseUnifiedDiff(diff("--- old/x.txt\t2024-01-01 00:00:00.000000000 +0000", "+++ new/x.txt\t2024-01-02 00:00:00.000000000 +0000", "@@ -1 +1 @@", "-a", "+b"));
    expect(model.files[0]).toMatchObject({ path: "new/x.txt", oldPath: "old/x.txt", status: "modified" });
  });

  it("reads git format-patch mail: headers, message, diffstat and signature are skipped", () => {
    const repo = createGitFixture();
    try {
      repo.write("a.ts", "one\n");
      repo.commit("init");
      repo.write("a.ts", "two\n");
      repo.commit("change a\n\n--- not a header\n-- not a hunk line");
      const mail = repo.git("format-patch", "-1", "--stdout");
      expect(mail).toMatch(/\n-- \n/);
      const model = parseUnifiedDiff(mail);
      expect(model.files.map((f) => [f.path, f.additions, f.deletions])).toEqual([["a.ts", 1, 1]]);
    } finally {
      repo.cleanup();
    }
  });
});

describe("parseUnifiedDiff: size", () => {
  /** A git diff of `count` files, each with two hunks of ten lines. */
  function bigDiff(count: number): string {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      out.push(...header(`src/module-${i}/file ${i}.ts`));
      for (const start of [10, 100]) {
        out.push(`@@ -${start},7 +${start},8 @@ export function f${i}() {`);
        out.push("   const a = 1;", "   const b = 2;", "-  return a;", "+  return a + b;", "+  // two", "   }", "", " const c = 3;", " const d = 4;");
      }
    }
    return out.join("\n") + "\n";
  }

  // Speed is measured in `npm run bench` (review engine: per-stage times), not here.
  it("parses a 5,000-file diff into a valid model", () => {
    const text = bigDiff(5000);
    const model = parseUnifiedDiff(text);
    expect(model.files).toHaveLength(5000);
    expect(model.files[4999]).toMatchObject({ path: "src/module-4999/file 4999.ts", additions: 4, deletions: 2 });
    expect(modelViolations(model)).toEqual([]);
    // parse-diff reads the same files; the model keeps every hunk line it saw.
    const baseline = parseDiff(text);
    expect(model.files.map((f) => f.hunks.flatMap((h) => h.lines).length)).toEqual(baseline.map((f) => f.chunks.flatMap((c) => c.changes).length));
  });
});
