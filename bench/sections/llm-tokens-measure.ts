import { llmConfigSchema } from "../../src/config/schema.js";
import { classifyFiles } from "../../src/diff/filters.js";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.js";
import type { LlmPort, LlmRequest, LlmResult } from "../../src/llm/llm-port.js";
import { buildChangeContext } from "../../src/review/file-context.js";
import { packContext } from "../../src/review/llm/context-packer.js";
import { runLlmReview, DEFAULT_CONTEXT_TOKENS, type LlmReviewOptions } from "../../src/review/llm/run-llm-review.js";
import { estimatePromptTokens } from "../../src/review/llm/token-estimate.js";
import type { ChangeContext } from "../../src/review/rule.js";
import { createMemoryRepo, type Corpus } from "../corpus.js";

/** Prompt tokens of the LLM reviewers on one corpus, with patchwarden's packing and with the naive baseline. */
export interface LlmTokenMeasurement {
  label: string;
  changedLines: number;
  /** Files with added lines the reviewers may read (lock, generated, vendored, minified files excluded). */
  reviewableFiles: number;
  packed: { promptTokens: number; calls: number };
  naive: { promptTokens: number; calls: number };
  /** Files the default context budget lets the correctness reviewer read in one call. */
  filesReadAtDefaultBudget: number;
  /**
   * Files the correctness reviewer reads with the default config (follow-up calls, llm.maxCallsPerDimension
   * 3, under llm.maxTokensPerReview 200k shared with the three other reviewers), and its calls.
   */
  withFollowUps: { files: number; calls: number };
  deterministic: boolean;
}

/**
 * A port that answers every reviewer with no findings and counts the prompt it was sent, with the
 * same chars/4 estimate the packer budgets with. No model is called: the bench measures what
 * patchwarden would send, which does not depend on the answers when nothing is found.
 */
class CountingPort implements LlmPort {
  promptTokens = 0;
  calls = 0;
  readonly prompts: string[] = [];
  readonly purposes: string[] = [];

  async complete<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    const promptTokens = estimatePromptTokens(request);
    this.promptTokens += promptTokens;
    this.calls++;
    this.purposes.push(request.purpose);
    this.prompts.push(request.system + request.messages.map((m) => m.content).join(""));
    return { ok: true, value: { findings: [] } as T, usage: { promptTokens, completionTokens: 0 }, model: "counting", repaired: false };
  }
}

// Both strategies get all the room they want: the bench compares what each chooses to send,
// not where a budget would cut it.
const UNLIMITED = Number.MAX_SAFE_INTEGER / 8;
const THRESHOLDS = { correctness: 0.7, security: 0.6, style: 0.85, coverage: 0.8 };

function changeOf(corpus: Corpus): ChangeContext {
  const reviewable = classifyFiles(parseUnifiedDiff(corpus.diffText)).reviewable;
  return buildChangeContext({ files: reviewable }, createMemoryRepo(corpus));
}

/** The four reviewers over a change through a counting port, with the bench's PR text. */
async function countPrompts(change: ChangeContext, options: Partial<LlmReviewOptions> = {}): Promise<CountingPort> {
  const port = new CountingPort();
  await runLlmReview({
    change,
    port,
    staticFindings: [],
    thresholds: THRESHOLDS,
    pr: { title: "Release", body: "Changes between two published versions." },
    ...options,
  });
  return port;
}

function promptsOf(change: ChangeContext, strategy: "functions" | "whole-file"): Promise<CountingPort> {
  return countPrompts(change, { contextTokens: UNLIMITED, pack: (c, options) => packContext(c, { ...options, strategy }) });
}

/** The correctness reviewer's calls and the changed files they showed, with the default config. */
async function readWithFollowUps(change: ChangeContext): Promise<{ files: number; calls: number }> {
  const defaults = llmConfigSchema.parse({});
  const port = await countPrompts(change, { maxCallsPerDimension: defaults.maxCallsPerDimension, maxTokensPerReview: defaults.maxTokensPerReview });
  const shown = new Set<string>();
  let calls = 0;
  port.prompts.forEach((prompt, i) => {
    if (port.purposes[i] !== "review:correctness") return;
    calls++;
    for (const match of prompt.matchAll(/^## (.+) \((?:added|modified|renamed|copied)[^)]*\)$/gm)) shown.add(match[1]);
  });
  return { files: shown.size, calls };
}

/** Runs the four reviewers over a corpus twice per strategy (the second run checks determinism). */
export async function measureLlmTokens(label: string, corpus: Corpus): Promise<LlmTokenMeasurement> {
  const change = changeOf(corpus);
  const packed = await promptsOf(change, "functions");
  const again = await promptsOf(changeOf(corpus), "functions");
  const naive = await promptsOf(change, "whole-file");
  // The untrusted-data boundaries are random per block; their length is not.
  const shape = (p: CountingPort) => p.prompts.map((text) => text.replace(/[0-9a-f]{24}/g, "…"));
  const atDefault = packContext(change, { budgetTokens: DEFAULT_CONTEXT_TOKENS });
  return {
    label,
    changedLines: corpus.addedLines + corpus.deletedLines,
    reviewableFiles: change.files.filter((f) => f.addedLines.size > 0).length,
    packed: { promptTokens: packed.promptTokens, calls: packed.calls },
    naive: { promptTokens: naive.promptTokens, calls: naive.calls },
    filesReadAtDefaultBudget: atDefault.files.length,
    withFollowUps: await readWithFollowUps(change),
    deterministic: JSON.stringify(shape(packed)) === JSON.stringify(shape(again)),
  };
}
