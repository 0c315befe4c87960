import { readDiffSides } from "../../eval/diff-sides.js";
import { distanceToLocation, scoreCase, summarize } from "../../eval/score.js";
import type { EvalCase } from "../../eval/eval-case.js";
import type { PostedComment, ToolOutcome } from "../../eval/tool-outcome.js";

const positive: EvalCase = {
  id: "pp-demo-1.0.0",
  kind: "vulnerable",
  package: "demo",
  before: "1.0.1",
  after: "1.0.0",
  description: "demo",
  locations: [{ path: "index.js", line: 20 }],
  category: "security",
};
const clean: EvalCase = { ...positive, id: "clean-demo-1.1.0", kind: "clean", locations: [], category: "correctness" };

function outcome(comments: PostedComment[]): ToolOutcome {
  return { comments, notes: [], durationMs: 1 };
}

describe("distanceToLocation", () => {
  it.each([
    [{ line: 20 }, 0],
    [{ line: 23 }, 3],
    [{ line: 16 }, 4],
    [{ startLine: 10, line: 25 }, 0],
    [{ startLine: 24, line: 30 }, 4],
  ])("comment %j is %i lines from line 20", (range, expected) => {
    expect(distanceToLocation({ path: "index.js", rule: "r", ...range }, { path: "index.js", line: 20 })).toBe(expected);
  });
});

describe("scoreCase", () => {
  it("finds a positive only with a comment within 3 lines in the same file", () => {
    expect(scoreCase(positive, outcome([{ path: "index.js", line: 23, rule: "a" }])).ok).toBe(true);
    expect(scoreCase(positive, outcome([{ path: "index.js", line: 24, rule: "a" }])).ok).toBe(false);
    expect(scoreCase(positive, outcome([{ path: "other.js", line: 20, rule: "a" }])).ok).toBe(false);
  });

  it("notes a positive whose only hit was held to the summary, without counting it found", () => {
    const held = scoreCase(positive, { ...outcome([]), held: [{ path: "index.js", line: 21, rule: "a" }] });
    expect({ ok: held.ok, heldHit: held.heldHit }).toEqual({ ok: false, heldHit: true });
    expect(summarize([held]).recallWithHeld).toEqual({ hits: 1, total: 1, rate: 1 });
  });

  it("counts a clean case as noisy with any comment", () => {
    expect(scoreCase(clean, outcome([])).ok).toBe(true);
    expect(scoreCase(clean, outcome([{ path: "index.js", line: 1, rule: "a" }])).ok).toBe(false);
  });
});

describe("summarize", () => {
  it("reports recall over positives and the share of reviewed clean cases with comments", () => {
    const s = summarize([
      scoreCase(positive, outcome([{ path: "index.js", line: 20, rule: "hit" }, { path: "index.js", line: 90, rule: "off" }])),
      scoreCase({ ...positive, id: "cmdi-demo-1.0.0" }, outcome([])),
      scoreCase(clean, outcome([{ path: "index.js", line: 1, rule: "noise" }])),
      scoreCase({ ...clean, id: "clean-demo-1.2.0" }, outcome([])),
      scoreCase({ ...clean, id: "clean-demo-1.3.0" }, { ...outcome([]), error: "exit 2: bad diff" }),
    ]);
    expect(s.recall).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(s.cleanWithComments).toEqual({ hits: 1, total: 2, rate: 0.5 });
    expect(s.offTargetComments).toBe(1);
    expect(s.recallByGroup).toEqual({ cmdi: { hits: 0, total: 1, rate: 0 }, pp: { hits: 1, total: 1, rate: 1 } });
    expect(s.errors).toBe(1);
  });
});

describe("readDiffSides", () => {
  it("numbers added and context lines on the new side, per file", () => {
    const diff = [
      "diff --git a/a.js b/a.js",
      "index 1..2 100644",
      "--- a/a.js",
      "+++ b/a.js",
      "@@ -5,3 +5,3 @@ function f() {",
      " keep",
      "-old",
      "+new",
      " --- not a header",
      "diff --git a/gone.js b/gone.js",
      "deleted file mode 100644",
      "--- a/gone.js",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-x",
      "",
    ].join("\n");
    const [a, gone] = readDiffSides(diff);
    expect([...a.added]).toEqual([[6, "new"]]);
    expect([...a.context]).toEqual([
      [5, "keep"],
      [7, "--- not a header"],
    ]);
    expect(gone.path).toBeNull();
    expect(gone.oldPath).toBe("gone.js");
  });
});
