import { defaultConfig } from "../../src/config/load-config.js";
import type { ReviewConfig } from "../../src/config/schema.js";
import type { Finding } from "../../src/review/finding.js";
import { applyGate, type GateInput } from "../../src/review/gate.js";

function finding(overrides: Partial<Finding>): Finding {
  return {
    path: "src/a.ts",
    line: 10,
    side: "RIGHT",
    category: "security",
    severity: "warning",
    confidence: 0.9,
    rule: "security/x",
    message: "m",
    fingerprint: `fp-${overrides.rule ?? "x"}-${overrides.path ?? "a"}-${overrides.line ?? 10}`,
    ...overrides,
  };
}

function gate(findings: Finding[], extra: Partial<GateInput> = {}, config: Partial<ReviewConfig> = {}) {
  return applyGate({
    findings,
    config: { ...defaultConfig().review, ...config },
    changedLines: 1000,
    anchorProblem: () => undefined,
    suggestionIsExact: () => true,
    ...extra,
  });
}

describe("applyGate", () => {
  it("posts findings at or above their category threshold and summarises the rest", () => {
    const result = gate([
      finding({ category: "security", confidence: 0.6, line: 1 }),
      finding({ category: "style", confidence: 0.6, line: 2, rule: "style/y" }),
    ]);
    expect(result.inline.map((f) => f.line)).toEqual([1]);
    expect(result.summaryOnly).toHaveLength(1);
    expect(result.summaryOnly[0].reason).toBe("confidence 0.60 below style threshold 0.85");
  });

  it("drops fingerprints already posted and keeps one finding per fingerprint", () => {
    const a = finding({ fingerprint: "same", confidence: 0.7 });
    const b = finding({ fingerprint: "same", confidence: 0.95, rule: "security/z" });
    const c = finding({ fingerprint: "old", line: 30 });
    const result = gate([a, b, c], { alreadyPosted: new Set(["old"]) });
    expect(result.inline).toEqual([b]);
    expect(result.dropped.map((d) => d.reason).sort()).toEqual(["already posted", "duplicate fingerprint"]);
  });

  it("moves unanchorable findings to the summary with the anchor's reason", () => {
    const result = gate([finding({ line: 99 })], { anchorProblem: (f) => (f.line === 99 ? "line 99 is outside the diff" : undefined) });
    expect(result.inline).toEqual([]);
    expect(result.summaryOnly[0].reason).toBe("line 99 is outside the diff");
  });

  it("strips suggestions that would not replace exactly the added lines", () => {
    const result = gate([finding({ suggestion: "x" }), finding({ line: 20, suggestion: "y" })], {
      suggestionIsExact: (f) => f.line === 20,
    });
    expect(result.inline.map((f) => f.suggestion)).toEqual([undefined, "y"]);
  });

  it("applies rule overrides from config", () => {
    const result = gate(
      [finding({ rule: "security/off" }), finding({ rule: "style/loud", category: "style", confidence: 0.3, line: 5 })],
      {},
      { rules: { "security/off": "off", "style/loud": { confidence: 0.9, severity: "warning" } } },
    );
    expect(result.dropped[0].reason).toBe("rule disabled in config");
    expect(result.inline).toHaveLength(1);
    expect(result.inline[0]).toMatchObject({ rule: "style/loud", confidence: 0.9 });
  });

  it("caps inline comments by run and density, keeping the highest severity × confidence", () => {
    const findings = [
      finding({ line: 1, severity: "suggestion", confidence: 0.99 }),
      finding({ line: 2, severity: "blocking", confidence: 0.7 }),
      finding({ line: 3, severity: "warning", confidence: 0.8 }),
      finding({ line: 4, severity: "warning", confidence: 0.65 }),
      finding({ line: 5, severity: "blocking", confidence: 0.95 }),
    ];
    const byRun = gate(findings, {}, { maxInlineComments: 2 });
    expect(byRun.inline.map((f) => f.line)).toEqual([2, 5]);
    expect(byRun.summaryOnly.map((s) => s.reason)).toEqual(Array(3).fill("over the inline comment cap (2 per review)"));
    // 40 changed lines at 2 per 100 → 1, raised to the floor of 5 non-blocking comments.
    const many = Array.from({ length: 8 }, (_, i) => finding({ line: 100 + i, confidence: 0.9 - i / 100 }));
    const byDensity = gate([...findings, ...many], { changedLines: 40 }, { maxCommentsPer100Lines: 2 });
    const nonBlocking = byDensity.inline.filter((f) => f.severity !== "blocking");
    expect(nonBlocking.map((f) => f.line)).toEqual([100, 101, 102, 103, 104]);
    // Blocking findings are never held back by the density cap.
    expect(byDensity.inline.filter((f) => f.severity === "blocking").map((f) => f.line)).toEqual([2, 5]);
    expect(byDensity.summaryOnly[0].reason).toBe("over the density cap (5 non-blocking comments for 40 changed lines)");
  });

  it("orders output deterministically by path and line", () => {
    const result = gate([finding({ path: "b.ts", line: 1 }), finding({ path: "a.ts", line: 9 }), finding({ path: "a.ts", line: 2 })]);
    expect(result.inline.map((f) => `${f.path}:${f.line}`)).toEqual(["a.ts:2", "a.ts:9", "b.ts:1"]);
  });
});

describe("applyGate on a PR that already has comments", () => {
  it("counts comments posted before against the density cap, so a re-review adds no new notes", () => {
    const posted = Array.from({ length: 5 }, (_, i) => finding({ line: i + 1, fingerprint: `old-${i}` }));
    const capped = finding({ line: 50, fingerprint: "capped-before" });
    const blocking = finding({ line: 60, fingerprint: "new-blocking", severity: "blocking" });
    const result = gate([...posted, capped, blocking], { changedLines: 40, alreadyPosted: new Set(posted.map((f) => f.fingerprint)) });
    expect(result.inline.map((f) => f.fingerprint)).toEqual(["new-blocking"]);
    expect(result.summaryOnly.map((s) => s.finding.fingerprint)).toEqual(["capped-before"]);
  });
});
