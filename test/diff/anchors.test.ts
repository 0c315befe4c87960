import { buildAnchorIndex, checkAnchor, isSuggestionExact, nearestAnchorableLine, type Anchor } from "../../src/diff/anchors.js";
import type { DiffFile, Side } from "../../src/diff/diff-model.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";

// Two hunks. RIGHT (new) lines 1-6 and 21-23; LEFT (old) lines 1-5 and 20-23.
// Added: new 2, 3 and 22. Deleted: old 2, 21 and 22.
const TEXT = [
  "diff --git a/src/a.ts b/src/a.ts",
  "index 1111111..2222222 100644",
  "--- a/src/a.ts",
  "+++ b/src/a.ts",
  "@@ -1,5 +1,6 @@",
  " l1",
  "-l2",
  "+L2",
  "+L2b",
  " l3",
  " l4",
  " l5",
  "@@ -20,4 +21,3 @@ function f() {",
  " l20",
  "-l21",
  "-l22",
  "+L21",
  " l23",
  "diff --git a/gone.ts b/gone.ts",
  "deleted file mode 100644",
  "index 3333333..0000000",
  "--- a/gone.ts",
  "+++ /dev/null",
  "@@ -1,2 +0,0 @@",
  "-a",
  "-b",
  "diff --git a/logo.png b/logo.png",
  "index 4444444..5555555 100644",
  "Binary files a/logo.png and b/logo.png differ",
  "",
].join("\n");

const model = parseUnifiedDiff(TEXT);
const [source, gone, logo] = model.files as [DiffFile, DiffFile, DiffFile];

describe("checkAnchor", () => {
  it.each<[Side, number, number | undefined, string | undefined]>([
    ["RIGHT", 1, undefined, undefined],
    ["RIGHT", 2, undefined, undefined],
    ["RIGHT", 6, undefined, undefined],
    ["RIGHT", 22, undefined, undefined],
    ["RIGHT", 7, undefined, "line 7 of src/a.ts is not in the diff on the RIGHT side (nearest commentable line: 6)"],
    ["RIGHT", 15, undefined, "line 15 of src/a.ts is not in the diff on the RIGHT side (nearest commentable line: 21)"],
    ["RIGHT", 24, undefined, "line 24 of src/a.ts is not in the diff on the RIGHT side (nearest commentable line: 23)"],
    ["LEFT", 2, undefined, undefined],
    ["LEFT", 3, undefined, undefined],
    ["LEFT", 21, undefined, undefined],
    ["LEFT", 6, undefined, "line 6 of src/a.ts is not in the diff on the LEFT side (nearest commentable line: 5)"],
    ["RIGHT", 6, 1, undefined],
    ["LEFT", 23, 20, undefined],
    ["RIGHT", 3, 3, undefined],
    ["RIGHT", 21, 5, "lines 5-21 of src/a.ts span more than one hunk"],
    ["LEFT", 21, 2, "lines 2-21 of src/a.ts span more than one hunk"],
    ["RIGHT", 2, 3, "start line 3 comes after line 2"],
    ["RIGHT", 3, 0, "line 0-3 is not a valid line number"],
    ["RIGHT", 2.5, undefined, "line 2.5 is not a valid line number"],
    ["RIGHT", 22, 19, "line 19 of src/a.ts is not in the diff on the RIGHT side (nearest commentable line: 21)"],
  ])("%s line %d (start %p)", (side, line, startLine, reason) => {
    const anchor: Anchor = startLine === undefined ? { side, line } : { side, line, startLine };
    expect(checkAnchor(source, anchor)).toEqual(reason === undefined ? { ok: true } : { ok: false, reason });
  });

  it("accepts only the LEFT side of a deleted file", () => {
    expect(checkAnchor(gone, { side: "LEFT", line: 2, startLine: 1 })).toEqual({ ok: true });
    expect(checkAnchor(gone, { side: "RIGHT", line: 1 })).toEqual({ ok: false, reason: "line 1 of gone.ts is not in the diff on the RIGHT side" });
  });

  it("rejects every line of a binary file", () => {
    expect(checkAnchor(logo, { side: "RIGHT", line: 1 })).toEqual({ ok: false, reason: "logo.png is binary: it has no lines to comment on" });
  });
});

describe("nearestAnchorableLine", () => {
  it.each<[Side, number, number | undefined, number | undefined]>([
    ["RIGHT", 3, undefined, 3],
    ["RIGHT", 10, undefined, 6],
    ["RIGHT", 10, 4, 6],
    ["RIGHT", 10, 3, undefined],
    ["RIGHT", 100, undefined, 23],
    ["LEFT", 12, undefined, 5],
    ["LEFT", 13, undefined, 20],
  ])("%s %d within %p is %p", (side, line, maxDistance, expected) => {
    expect(nearestAnchorableLine(source, side, line, { maxDistance })).toBe(expected);
  });

  it("finds nothing on a side without lines", () => {
    expect(nearestAnchorableLine(gone, "RIGHT", 1)).toBeUndefined();
    expect(nearestAnchorableLine(logo, "RIGHT", 1)).toBeUndefined();
  });
});

describe("isSuggestionExact", () => {
  it.each<[number, number, boolean]>([
    [2, 3, true],
    [2, 2, true],
    [22, 22, true],
    [1, 2, false],
    [3, 4, false],
    [2, 22, false],
    [3, 2, false],
    [40, 40, false],
  ])("RIGHT %d-%d is %p", (start, line, expected) => {
    expect(isSuggestionExact(source, start, line)).toBe(expected);
  });

  it("is never exact on a deleted or binary file", () => {
    expect(isSuggestionExact(gone, 1, 1)).toBe(false);
    expect(isSuggestionExact(logo, 1, 1)).toBe(false);
  });
});

describe("buildAnchorIndex", () => {
  const index = buildAnchorIndex(model);

  it("answers by path, with the reason as a problem string", () => {
    expect(index.file("src/a.ts")).toBe(source);
    expect(index.check("src/a.ts", { side: "RIGHT", line: 2 })).toEqual({ ok: true });
    expect(index.problem("src/a.ts", { side: "RIGHT", line: 2 })).toBeUndefined();
    expect(index.problem("src/b.ts", { side: "RIGHT", line: 2 })).toBe("src/b.ts is not part of the diff");
    expect(index.problem("gone.ts", { side: "RIGHT", line: 1 })).toMatch(/not in the diff on the RIGHT side/);
    expect(index.nearest("src/a.ts", "RIGHT", 9)).toBe(6);
    expect(index.nearest("src/b.ts", "RIGHT", 9)).toBeUndefined();
  });

  it("answers many lookups on a large change", () => {
    const files = Array.from({ length: 2000 }, (_, i) => TEXT.split("\ndiff --git a/gone.ts")[0].replaceAll("src/a.ts", `src/f${i}.ts`));
    const big = buildAnchorIndex(parseUnifiedDiff(files.join("\n") + "\n"));
    let accepted = 0;
    for (let n = 0; n < 90_000; n++) {
      if (big.check(`src/f${n % 2000}.ts`, { side: "RIGHT", line: 1 + (n % 30) }).ok) accepted++;
    }
    // Lines 1-6 and 21-23 of each 30 are commentable.
    expect(accepted).toBe(90_000 * (9 / 30));
  });
});
