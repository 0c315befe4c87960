import type { DiffFile, DiffModel } from "../../src/diff/diff-model.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";
import { createGitFixture, plainDiff, type GitFixture } from "./git-fixture.js";
import { modelViolations } from "./model-invariants.js";

const lines = (n: number, tag = "line") => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join("");

let repo: GitFixture;
let text: string;
let model: DiffModel;
const file = (path: string): DiffFile => {
  const found = model.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} not in ${model.files.map((f) => f.path).join(", ")}`);
  return found;
};

beforeAll(() => {
  repo = createGitFixture();
  repo.write("keep.ts", lines(40));
  repo.write("move.txt", lines(8, "moving"));
  repo.write("pure.txt", lines(3, "pure"));
  repo.write("dir with space/old name.txt", lines(6, "spaced"));
  repo.write("gone.txt", "del\nme\n");
  repo.write("script.sh", "echo hi\n");
  repo.write("tool.sh", "echo a\n");
  repo.write("my file.txt", "sp\n");
  repo.write("café.txt", "caf\n");
  repo.write('we"ird.txt', "q\n");
  repo.write("bin.dat", Buffer.from([0, 1, 2, 3]));
  repo.write("old.bin", Buffer.from([0, 9, 9]));
  repo.write("crlf.txt", "crlf1\r\ncrlf2\r\n");
  repo.write("nonl.txt", "nonl");
  repo.write("eof.txt", "a\nb");
  repo.commit("init");

  repo.write("keep.ts", lines(40).replace("line 3\n", "line three\n").replace("line 30\n", "line 30\nline 30b\n"));
  repo.git("mv", "move.txt", "moved.txt");
  repo.write("moved.txt", lines(8, "moving").replace("moving 8", "MOVED 8"));
  repo.git("mv", "pure.txt", "pure2.txt");
  repo.git("mv", "dir with space/old name.txt", "dir with space/new name.txt");
  repo.git("rm", "-q", "gone.txt", "old.bin");
  repo.chmod("script.sh", 0o755);
  repo.chmod("tool.sh", 0o755);
  repo.write("tool.sh", "echo b\n");
  repo.write("my file.txt", "sp2\n");
  repo.write("café.txt", "caf2\n");
  repo.write('we"ird.txt', "q2\n");
  repo.write("bin.dat", Buffer.from([0, 1, 2, 4]));
  repo.write("new.bin", Buffer.from([0, 7]));
  repo.write("crlf.txt", "crlf1\r\ncrlf2 changed\r\n");
  repo.write("nonl.txt", "nonl2");
  repo.write("eof.txt", "a\nb\n");
  repo.write("empty.txt", "");
  repo.write("added.ts", "export const x = 1;\n");
  text = repo.stagedDiff();
  model = parseUnifiedDiff(text);
});

afterAll(() => repo.cleanup());

describe("parseUnifiedDiff on real git output", () => {
  it("keeps every structural invariant", () => {
    expect(modelViolations(model)).toEqual([]);
    expect(model.files).toHaveLength(18);
  });

  it.each<[string, Partial<DiffFile>]>([
    ["keep.ts", { status: "modified", binary: false, additions: 2, deletions: 1 }],
    ["moved.txt", { status: "renamed", oldPath: "move.txt", similarity: 87, additions: 1, deletions: 1 }],
    ["pure2.txt", { status: "renamed", oldPath: "pure.txt", similarity: 100, hunks: [], additions: 0, deletions: 0 }],
    ["dir with space/new name.txt", { status: "renamed", oldPath: "dir with space/old name.txt", similarity: 100, hunks: [] }],
    ["gone.txt", { status: "deleted", oldMode: "100644", additions: 0, deletions: 2 }],
    ["script.sh", { status: "mode-changed", oldMode: "100644", newMode: "100755", hunks: [] }],
    ["tool.sh", { status: "modified", oldMode: "100644", newMode: "100755", additions: 1, deletions: 1 }],
    ["my file.txt", { status: "modified", additions: 1, deletions: 1 }],
    ["café.txt", { status: "modified", additions: 1, deletions: 1 }],
    ['we"ird.txt', { status: "modified", additions: 1, deletions: 1 }],
    ["bin.dat", { status: "binary", binary: true, hunks: [] }],
    ["new.bin", { status: "added", binary: true, hunks: [], newMode: "100644" }],
    ["old.bin", { status: "deleted", binary: true, hunks: [] }],
    ["empty.txt", { status: "added", binary: false, hunks: [], newMode: "100644" }],
    ["added.ts", { status: "added", additions: 1, deletions: 0 }],
  ])("reads %s", (path, expected) => {
    expect(file(path)).toMatchObject(expected);
  });

  it("numbers added, deleted and context lines on their sides", () => {
    const [first, second] = file("keep.ts").hunks;
    expect(first).toMatchObject({ oldStart: 1, oldLines: 6, newStart: 1, newLines: 6 });
    expect(first.lines.slice(1, 4)).toEqual([
      { kind: "context", oldLine: 2, newLine: 2, content: "line 2" },
      { kind: "del", oldLine: 3, content: "line 3" },
      { kind: "add", newLine: 3, content: "line three" },
    ]);
    expect(second.lines.find((l) => l.kind === "add")).toEqual({ kind: "add", newLine: 31, content: "line 30b" });
    // git's default funcname: the last line above the hunk that starts with a letter.
    expect(second.heading).toBe("line 27");
  });

  it("marks the line before each \\ No newline at end of file", () => {
    expect(file("nonl.txt").hunks[0].lines).toEqual([
      { kind: "del", oldLine: 1, content: "nonl", noNewlineAtEof: true },
      { kind: "add", newLine: 1, content: "nonl2", noNewlineAtEof: true },
    ]);
    expect(file("eof.txt").hunks[0].lines).toEqual([
      { kind: "context", oldLine: 1, newLine: 1, content: "a" },
      { kind: "del", oldLine: 2, content: "b", noNewlineAtEof: true },
      { kind: "add", newLine: 2, content: "b" },
    ]);
  });

  it("strips the CR of CRLF files from line content", () => {
    expect(file("crlf.txt").hunks[0].lines.map((l) => l.content)).toEqual(["crlf1", "crlf2", "crlf2 changed"]);
  });

  it("reads the same model from the diff saved with CRLF line endings", () => {
    expect(parseUnifiedDiff(text.replace(/\n/g, "\r\n"))).toEqual(model);
  });

  it("reads quoted names as the UTF-8 paths they encode", () => {
    expect(text).toContain('"a/caf\\303\\251.txt"');
    expect(text).toContain('"a/we\\"ird.txt"');
  });

  it("reads GIT binary patch sections as binary files", () => {
    const binary = parseUnifiedDiff(repo.stagedDiff("--binary"));
    expect(binary.files.filter((f) => f.binary).map((f) => [f.path, f.status])).toEqual([
      ["bin.dat", "binary"],
      ["new.bin", "added"],
      ["old.bin", "deleted"],
    ]);
    expect(binary.files.find((f) => f.path === "keep.ts")).toEqual(file("keep.ts"));
  });
});

describe("parseUnifiedDiff on other producers", () => {
  it("reads copies found by git diff -C", () => {
    const copies = createGitFixture();
    try {
      copies.write("src.txt", lines(20, "copy me"));
      copies.commit();
      copies.write("dup.txt", lines(20, "copy me").replace("copy me 20", "changed"));
      const parsed = parseUnifiedDiff(copies.stagedDiff("-C", "--find-copies-harder"));
      expect(parsed.files).toEqual([
        expect.objectContaining({ path: "dup.txt", oldPath: "src.txt", status: "copied", similarity: 94, additions: 1, deletions: 1 }),
      ]);
    } finally {
      copies.cleanup();
    }
  });

  it("reads git diff --no-prefix without stripping real folders", () => {
    const bare = createGitFixture();
    try {
      bare.write("a/x.txt", "1\n");
      bare.commit();
      bare.write("a/x.txt", "2\n");
      expect(parseUnifiedDiff(bare.stagedDiff("--no-prefix")).files.map((f) => f.path)).toEqual(["a/x.txt"]);
      expect(parseUnifiedDiff(bare.stagedDiff()).files.map((f) => f.path)).toEqual(["a/x.txt"]);
    } finally {
      bare.cleanup();
    }
  });

  it("reads plain diff -u and diff -ru output", () => {
    const dirs = createGitFixture();
    try {
      dirs.write("a/same.txt", "s\n");
      dirs.write("a/x.txt", "one\ntwo\n");
      dirs.write("b/x.txt", "one\n2\n");
      dirs.write("a/only-old.txt", "o\n");
      dirs.write("b/sub/y.txt", "y\n");
      dirs.write("a/sub/y.txt", "why\n");
      dirs.write("b/same.txt", "s\n");
      const single = parseUnifiedDiff(plainDiff(dirs.dir, "-u", "a/x.txt", "b/x.txt"));
      expect(single.files).toEqual([expect.objectContaining({ path: "x.txt", status: "modified", additions: 1, deletions: 1 })]);
      const tree = plainDiff(dirs.dir, "-ru", "a", "b");
      expect(tree).toContain("Only in a: only-old.txt");
      const parsed = parseUnifiedDiff(tree);
      expect(parsed.files.map((f) => [f.path, f.status])).toEqual([
        ["sub/y.txt", "modified"],
        ["x.txt", "modified"],
      ]);
      expect(modelViolations(parsed)).toEqual([]);
    } finally {
      dirs.cleanup();
    }
  });
});
