import { describe, expect, test } from "@jest/globals";
import { LlmBudget } from "../../../src/llm/budget.js";
import { BudgetedLlm, callSizeOf } from "../../../src/llm/budgeted-llm.js";
import { buildConfidenceRequest, MAX_CANDIDATE_CHARS } from "../../../src/review/llm/confidence-pass.js";
import { MAX_FINDINGS_PER_CALL } from "../../../src/review/llm/prompts/review-prompt.js";
import type { CallSize, LlmPort, LlmRequest, LlmResult } from "../../../src/llm/llm-port.js";
import { ScriptedLlm } from "../../../src/llm/scripted-llm.js";
import { MemorySpendStore } from "../../../src/llm/spend-store.js";
import { REVIEW_PROMPTS } from "../../../src/review/llm/prompts/index.js";
import { FOLLOW_UP_CONFIDENCE_SIZE, runLlmReview } from "../../../src/review/llm/run-llm-review.js";
import { confidenceAnswer, failure, item, reviewAnswer, snippetChange, splitUntrusted } from "./llm-review-fixtures.js";

// A PR too large for one reviewer call: follow-up calls read what the first could not.

const THRESHOLDS = { correctness: 0.7, security: 0.6, style: 0.85, coverage: 0.8 };
const { change } = snippetChange({
  "src/a.ts": "\n export function a(items) {\n+  return items[0].id;\n }\n",
  "src/b.ts": "\n export function b(items) {\n+  return items[1].id;\n }\n",
  "src/c.ts": "\n export function c(items) {\n+  return items[2].id;\n }\n",
});
// Room for the instructions and one of the small files per call.
const ONE_FILE = Math.ceil(REVIEW_PROMPTS.correctness.system.length / 4) + 160;

/** Which changed files each reviewer call was shown, in call order. */
function filesShown(llm: ScriptedLlm): string[][] {
  return llm
    .requests()
    .filter((r) => r.purpose === "review:correctness")
    .map((r) => splitUntrusted(r.messages[0].content).inside.flatMap((text) => [...text.matchAll(/^## (src\/\w+\.ts)/gm)].map((m) => m[1])));
}

describe("follow-up reviewer calls", () => {
  test("read the files the first call left out, after the first findings are scored, each scored as it comes back", async () => {
    const llm = new ScriptedLlm([
      reviewAnswer("correctness", [item("correctness", "src/a.ts", "return items[0].id;", "items may be empty")]),
      confidenceAnswer({ c1: 0.9 }),
      reviewAnswer("correctness", [item("correctness", "src/b.ts", "return items[1].id;", "items may have one element")]),
      confidenceAnswer({ c1: 0.8 }),
      reviewAnswer("correctness", []),
    ]);
    const result = await runLlmReview({ change, port: llm, staticFindings: [], thresholds: THRESHOLDS, contextTokens: ONE_FILE, dimensions: ["correctness"], maxCallsPerDimension: 3 });

    expect(filesShown(llm)).toEqual([["src/a.ts"], ["src/b.ts"], ["src/c.ts"]]);
    expect(llm.requests().map((r) => r.purpose)).toEqual(["review:correctness", "confidence", "review:correctness", "confidence", "review:correctness"]);
    expect(result.findings.map((f) => [f.path, f.line, f.confidence])).toEqual([
      ["src/a.ts", 2, 0.9],
      ["src/b.ts", 2, 0.8],
    ]);
    // Every file was read by some call: nothing to name as left out.
    expect(result.notes).toEqual([]);
    expect(result.stats.calls).toBe(5);
  });

  test("stop when every file has been read, and are not made at all by default", async () => {
    const untilDone = new ScriptedLlm([reviewAnswer("correctness"), reviewAnswer("correctness"), reviewAnswer("correctness")]);
    await runLlmReview({ change, port: untilDone, staticFindings: [], thresholds: THRESHOLDS, contextTokens: ONE_FILE, dimensions: ["correctness"], maxCallsPerDimension: 10 });
    expect(filesShown(untilDone)).toEqual([["src/a.ts"], ["src/b.ts"], ["src/c.ts"]]);

    const single = new ScriptedLlm([reviewAnswer("correctness")]);
    const result = await runLlmReview({ change, port: single, staticFindings: [], thresholds: THRESHOLDS, contextTokens: ONE_FILE, dimensions: ["correctness"] });
    expect(filesShown(single)).toEqual([["src/a.ts"]]);
    expect(result.notes).toEqual(["LLM reviewers read 1 changed file(s); left out for the context budget: src/b.ts, src/c.ts"]);
  });

  test("go out only while the review's token ceiling leaves room for their confidence pass", async () => {
    // The first call used 1,100 tokens (the fixture's usage); a follow-up's worst case plus the
    // reserve does not fit a ceiling just above the reserve.
    const llm = new ScriptedLlm([reviewAnswer("correctness")]);
    const result = await runLlmReview({
      change,
      port: llm,
      staticFindings: [],
      thresholds: THRESHOLDS,
      contextTokens: ONE_FILE,
      dimensions: ["correctness"],
      maxCallsPerDimension: 3,
      maxTokensPerReview: FOLLOW_UP_CONFIDENCE_SIZE.promptTokens + FOLLOW_UP_CONFIDENCE_SIZE.maxTokens + 2_000,
    });
    expect(filesShown(llm)).toEqual([["src/a.ts"]]);
    // Not planned, so no "skipped" note: the files are named as not read.
    expect(result.notes).toEqual(["LLM reviewers read 1 changed file(s); left out for the context budget: src/b.ts, src/c.ts"]);
  });

  test("go out only when the budget would also allow their confidence pass (cost caps too), and the files of calls not sent stay named", async () => {
    // The port's budget says yes to the first follow-up and no to the second.
    const scripted = new ScriptedLlm([
      reviewAnswer("correctness"),
      reviewAnswer("correctness", [item("correctness", "src/b.ts", "return items[1].id;", "items may have one element")]),
      confidenceAnswer({ c1: 0.8 }),
    ]);
    const asked: CallSize[][] = [];
    const verdicts = [true, false];
    const port: LlmPort = {
      complete: <T>(request: LlmRequest<T>): Promise<LlmResult<T>> => scripted.complete(request),
      affords: async (calls) => {
        asked.push([...calls]);
        return verdicts.shift() ?? false;
      },
    };
    const result = await runLlmReview({ change, port, staticFindings: [], thresholds: THRESHOLDS, contextTokens: ONE_FILE, dimensions: ["correctness"], maxCallsPerDimension: 3 });
    expect(filesShown(scripted)).toEqual([["src/a.ts"], ["src/b.ts"]]);
    // Each question was about the follow-up call and the confidence call after it.
    expect(asked).toHaveLength(2);
    for (const sizes of asked) expect(sizes[1]).toEqual(FOLLOW_UP_CONFIDENCE_SIZE);
    expect(result.findings.map((f) => [f.path, f.confidence])).toEqual([["src/b.ts", 0.8]]);
    expect(result.notes).toEqual(["LLM reviewers read 2 changed file(s); left out for the context budget: src/c.ts"]);
  });

  test("a review cost cap that a follow-up would break is not spent on it: no refusal, and the first findings stay scored", async () => {
    const scripted = new ScriptedLlm([reviewAnswer("correctness", [item("correctness", "src/a.ts", "return items[0].id;", "items may be empty")]), confidenceAnswer({ c1: 0.9 })]);
    // Priced so that the first call and its confidence pass fit, and a follow-up with its own does not.
    const budget = new LlmBudget({
      limits: { maxTokensPerReview: 1_000_000, maxCostPerReviewUsd: 0.01, maxCostPerInstallationPerDayUsd: 100 },
      prices: { "gpt-test": { prompt: 1, completion: 1 } },
      model: "gpt-test",
      installationId: 1,
      store: new MemorySpendStore(),
    });
    const port = new BudgetedLlm(scripted, budget);
    const result = await runLlmReview({ change, port, staticFindings: [], thresholds: THRESHOLDS, contextTokens: ONE_FILE, dimensions: ["correctness"], maxCallsPerDimension: 3, model: "gpt-test" });
    expect(filesShown(scripted)).toEqual([["src/a.ts"]]);
    expect(result.findings.map((f) => [f.path, f.confidence])).toEqual([["src/a.ts", 0.9]]);
    expect(port.usage().skipped).toEqual([]);
    expect(result.notes).toEqual(["LLM reviewers read 1 changed file(s); left out for the context budget: src/b.ts, src/c.ts"]);
  });

  test("the reserve for a follow-up's confidence pass bounds the real call, whatever the code looks like", () => {
    // Long lines and deleted lines inside each candidate's window: the worst a candidate can show.
    const long = (i: number) => `  const value${i} = "${"x".repeat(600)}";`;
    const body = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `-${long(i)}\n+${long(i)}` : ` ${long(i)}`)).join("\n");
    const { change: wide } = snippetChange({ "src/wide.ts": `\n${body}\n` });
    const ctx = wide.files[0]!;
    const lines = [...ctx.addedLines].slice(0, MAX_FINDINGS_PER_CALL);
    expect(lines).toHaveLength(MAX_FINDINGS_PER_CALL);
    const findings = lines.map((line, i) => ({
      path: "src/wide.ts",
      line,
      side: "RIGHT" as const,
      category: "correctness" as const,
      severity: "warning" as const,
      confidence: 0,
      rule: "llm/correctness",
      message: "m".repeat(1500),
      fingerprint: `f${i}`,
    }));
    const size = callSizeOf(buildConfidenceRequest(wide, findings));
    expect(size.promptTokens).toBeLessThanOrEqual(FOLLOW_UP_CONFIDENCE_SIZE.promptTokens);
    expect(size.maxTokens).toBeLessThanOrEqual(FOLLOW_UP_CONFIDENCE_SIZE.maxTokens);
    // And the cap is what keeps it there: these blocks are cut at it.
    const blocks = splitUntrusted(buildConfidenceRequest(wide, findings).messages[0].content).inside;
    expect(blocks).toHaveLength(MAX_FINDINGS_PER_CALL);
    expect(Math.max(...blocks.map((b) => b.length))).toBe(MAX_CANDIDATE_CHARS);
  });

  test("an outage in the first calls means no follow-ups", async () => {
    const llm = new ScriptedLlm([failure("review:correctness", "unavailable", "the endpoint answered 503 three times")]);
    const result = await runLlmReview({ change, port: llm, staticFindings: [], thresholds: THRESHOLDS, contextTokens: ONE_FILE, dimensions: ["correctness"], maxCallsPerDimension: 3 });
    expect(llm.requests()).toHaveLength(1);
    expect(result.findings).toEqual([]);
    expect(result.notes[0]).toMatch(/skipped/);
  });
});
