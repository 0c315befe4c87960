import { describe, expect, test } from "@jest/globals";
import { BudgetedLlm } from "../../../src/llm/budgeted-llm.js";
import { LlmBudget } from "../../../src/llm/budget.js";
import type { LlmPort } from "../../../src/llm/llm-port.js";
import { DEFAULT_PRICES } from "../../../src/llm/price-table.js";
import { ScriptedLlm } from "../../../src/llm/scripted-llm.js";
import { reviewDiff } from "../../../src/review/pipeline.js";
import type { ReviewResult } from "../../../src/review/review-result.js";
import { failure, item, needleRule, reviewAnswer, snippetChange } from "./llm-review-fixtures.js";

const { diff, repo } = snippetChange({
  "src/run.ts": `
 import { exec } from "node:child_process";
 export function run(name: string) {
+  exec("ls " + name);
+  return name.length;
 }`,
});
const rules = [needleRule("security/exec-call", "security", "exec(", "exec() runs a shell command.")];

/** The parts of a result the LLM must not change when it does not run: everything but notes, timings and LLM stats. */
function staticPart(result: ReviewResult) {
  const { notes: _notes, ...summary } = result.summary;
  const { timings: _timings, llm: _llm, ...stats } = result.stats;
  return { findings: result.findings, summary, stats };
}

describe("when the LLM cannot review", () => {
  test("an outage: the static review comes back unchanged, with one line saying what was skipped, and no further calls", async () => {
    const staticOnly = await reviewDiff({ diff, repo, rules });
    // One scripted answer only: a second call would throw (ScriptedLlm never invents answers).
    const llm = new ScriptedLlm([failure("review:correctness", "unavailable", "LLM review:correctness skipped: endpoint answered 503 three times")]);
    const result = await reviewDiff({ diff, repo, rules, llm: { port: llm } });

    expect(staticPart(result)).toEqual(staticPart(staticOnly));
    expect(result.summary.notes).toEqual(["LLM review incomplete: all 4 calls skipped: 4 LLM unavailable (endpoint answered 503 three times). Static findings are complete."]);
    expect(llm.requests()).toHaveLength(1);
    expect(result.stats.llm).toEqual({ calls: 1, promptTokens: 0, completionTokens: 0 });
  });

  test("over budget: the budgeted port refuses before any request leaves, and the static review is posted", async () => {
    const inner = new ScriptedLlm([]);
    const budget = new LlmBudget({ limits: { maxTokensPerReview: 1000, maxCostPerReviewUsd: 1, maxCostPerInstallationPerDayUsd: 10 }, prices: DEFAULT_PRICES, model: "gpt-4.1-mini" });
    const port = new BudgetedLlm(inner, budget);
    const staticOnly = await reviewDiff({ diff, repo, rules });
    const result = await reviewDiff({ diff, repo, rules, llm: { port } });

    expect(staticPart(result)).toEqual(staticPart(staticOnly));
    expect(inner.requests()).toHaveLength(0);
    expect(result.summary.notes).toHaveLength(1);
    expect(result.summary.notes[0]).toMatch(/^LLM review incomplete: all 4 calls skipped: 4 over budget \(per-review token budget reached \(.*\)\)\. Static findings are complete\.$/);
  });

  test("budget running out mid-review: what was reviewed is kept, the rest is skipped without calls", async () => {
    const llm = new ScriptedLlm([
      reviewAnswer("correctness", [item("correctness", "src/run.ts", "return name.length;", "Returns the length, not the name.")]),
      reviewAnswer("security"),
      failure("review:style", "budget", "LLM review:style skipped: per-review cost budget reached ($0.50 of $0.50 spent)"),
    ]);
    const result = await reviewDiff({ diff, repo, rules, llm: { port: llm } });

    expect(llm.requests().map((r) => r.purpose)).toEqual(["review:correctness", "review:security", "review:style"]);
    expect(result.findings.map((f) => [f.rule, f.confidence, f.posted])).toEqual([
      ["security/exec-call", 0.9, true],
      ["llm/correctness", 0, false],
    ]);
    expect(result.summary.notes).toEqual([
      "LLM review incomplete: 3 of 5 calls skipped: 3 over budget (per-review cost budget reached ($0.50 of $0.50 spent)). Static findings are complete.",
      "1 LLM finding(s) got no confidence score and are listed here only",
    ]);
  });

  test("cancellation: an aborted signal stops the next calls, and the static review still comes back", async () => {
    const controller = new AbortController();
    const scripted = new ScriptedLlm([reviewAnswer("correctness")]);
    // The job is superseded while the first call is out.
    const port: LlmPort = {
      async complete(request, signal) {
        const result = await scripted.complete(request, signal);
        controller.abort();
        return result;
      },
    };
    const staticOnly = await reviewDiff({ diff, repo, rules });
    const result = await reviewDiff({ diff, repo, rules, llm: { port, signal: controller.signal } });

    expect(scripted.requests()).toHaveLength(1);
    expect(staticPart(result)).toEqual(staticPart(staticOnly));
    expect(result.summary.notes).toEqual(["LLM review incomplete: 3 of 4 calls skipped: 3 cancelled (LLM review:security cancelled). Static findings are complete."]);
  });

  test("without `llm` the review is static only: no LLM stats, no LLM notes", async () => {
    const result = await reviewDiff({ diff, repo, rules });
    expect(result.stats).not.toHaveProperty("llm");
    expect(result.summary.notes).toEqual([]);
    expect(result.findings.map((f) => f.rule)).toEqual(["security/exec-call"]);
  });
});
