import { hasGitPrefixes, readPathField, readQuotedPath, splitNamePair, stripSidePrefix } from "../../src/diff/diff-paths.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";

describe("readQuotedPath", () => {
  it.each<[string, string | undefined]>([
    ['"a/caf\\303\\251.txt"', "a/café.txt"],
    ['"a/tab\\there"', "a/tab\there"],
    ['"a/q\\"uote\\\\slash"', 'a/q"uote\\slash'],
    ['"a/\\360\\237\\230\\200.md"', "a/😀.md"],
    ['"a/raw é"', "a/raw é"],
    ['"a/unterminated', undefined],
    ['"a/bad\\q"', undefined],
    ['"a/short\\30"', undefined],
    ['"a/trailing\\', undefined],
  ])("%s", (text, expected) => {
    expect(readQuotedPath(text, 0)?.value).toBe(expected);
  });

  it("decodes a broken UTF-8 byte as U+FFFD rather than failing", () => {
    expect(readQuotedPath('"a/\\303x"', 0)?.value).toBe("a/\ufffdx");
  });
});

describe("readPathField", () => {
  it.each<[string, string | undefined]>([
    ["a/x.ts", "a/x.ts"],
    ["a/my file.txt\t", "a/my file.txt"],
    ["old.txt\t2024-01-01 00:00:00.000000000 +0000", "old.txt"],
    ['"b/caf\\303\\251.txt"', "b/café.txt"],
    ["", undefined],
  ])("%j", (field, expected) => {
    expect(readPathField(field)).toBe(expected);
  });
});

describe("splitNamePair", () => {
  it.each<[string, string, [string, string] | undefined]>([
    ["a/x.ts b/x.ts", " ", ["a/x.ts", "b/x.ts"]],
    ["a/my file.txt b/my file.txt", " ", ["a/my file.txt", "b/my file.txt"]],
    ["a/a b/c b/a b/c", " ", ["a/a b/c", "b/a b/c"]],
    ['"a/caf\\303\\251" "b/caf\\303\\251"', " ", ["a/café", "b/café"]],
    ['a/plain "b/caf\\303\\251"', " ", ["a/plain", "b/café"]],
    ['"a/caf\\303\\251" b/plain', " ", ["a/café", "b/plain"]],
    ["a/x b/y", " ", ["a/x", "b/y"]],
    ["a/p q b/r s", " ", undefined],
    ["/dev/null and b/new file.png", " and ", ["/dev/null", "b/new file.png"]],
    ["a/rock and roll.mp3 and b/rock and roll.mp3", " and ", ["a/rock and roll.mp3", "b/rock and roll.mp3"]],
  ])("%s", (rest, separator, expected) => {
    expect(splitNamePair(rest, separator)).toEqual(expected);
  });
});

describe("prefixes", () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    ["a/x", "b/x", true],
    ["/dev/null", "b/x", true],
    ["a/x", "/dev/null", true],
    ["x", "x", false],
    ["a/x", "a/x", false],
    ["/dev/null", "/dev/null", false],
  ])("%s %s → %p", (oldName, newName, expected) => {
    expect(hasGitPrefixes(oldName, newName)).toBe(expected);
  });

  it("strips only the side's own prefix, and never to an empty name", () => {
    expect(stripSidePrefix("a/x", "old", true)).toBe("x");
    expect(stripSidePrefix("b/x", "old", true)).toBe("b/x");
    expect(stripSidePrefix("b/", "new", true)).toBeUndefined();
    expect(stripSidePrefix("a/x", "old", false)).toBe("a/x");
  });
});

describe("paths through parseUnifiedDiff", () => {
  it("reads a binary rename of an unquoted name with spaces from its rename lines", () => {
    const text = [
      "diff --git a/img/old logo.png b/img/new logo.png",
      "similarity index 90%",
      "rename from img/old logo.png",
      "rename to img/new logo.png",
      "index 1111111..2222222 100644",
      "Binary files a/img/old logo.png and b/img/new logo.png differ",
      "",
    ].join("\n");
    expect(parseUnifiedDiff(text).files).toEqual([
      { path: "img/new logo.png", oldPath: "img/old logo.png", status: "renamed", similarity: 90, binary: true, hunks: [], additions: 0, deletions: 0, oldMode: "100644", newMode: "100644" },
    ]);
  });

  it("reads a mode change of a quoted name from the diff --git line alone", () => {
    const text = ['diff --git "a/bin/t\\303\\251st" "b/bin/t\\303\\251st"', "old mode 100644", "new mode 100755", ""].join("\n");
    expect(parseUnifiedDiff(text).files).toEqual([
      { path: "bin/tést", status: "mode-changed", binary: false, hunks: [], additions: 0, deletions: 0, oldMode: "100644", newMode: "100755" },
    ]);
  });
});
