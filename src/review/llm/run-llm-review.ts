import { toSkippedCall, type SkippedCall } from "../../llm/llm-notes.js";
import { addUsage, llmFailure, NO_USAGE, type LlmFailure, type LlmPort, type LlmUsage } from "../../llm/llm-port.js";
import { costOf, DEFAULT_PRICES, priceFor } from "../../llm/price-table.js";
import type { Category, Finding } from "../finding.js";
import type { ChangeContext } from "../rule.js";
import { scoreCandidates } from "./confidence-pass.js";
import { packContext, type PackedContext, type PackOptions } from "./context-packer.js";
import { DIMENSIONS, type Dimension } from "./dimension.js";
import { budgetOmissions, llmReviewNotes } from "./llm-review-notes.js";
import { buildReviewMessage, runReviewer, type PullRequestText, type UnlocatedFinding } from "./llm-reviewer.js";
import { mergeWithStatic } from "./merge-findings.js";
import { REVIEW_PROMPTS } from "./prompts/index.js";
import { RelatedContext } from "./related-context.js";
import { estimateTokens } from "./token-estimate.js";
import { WRAP_OVERHEAD_TOKENS } from "./untrusted.js";

/** How to run the LLM reviewers over one change. */
export interface LlmReviewOptions {
  port: LlmPort;
  /** A port on a cheaper model for the confidence pass; `port` by default. */
  confidencePort?: LlmPort;
  signal?: AbortSignal;
  pr?: PullRequestText;
  /** The configured model, to price the calls (stats.costUsd); no cost without it. */
  model?: string;
  dimensions?: readonly Dimension[];
  /** Prompt tokens one reviewer call may take (instructions, description and code). */
  contextTokens?: number;
  /** The packer; the bench swaps in the whole-file baseline. */
  pack?: (change: ChangeContext, options: PackOptions) => PackedContext;
}

/** One change to review with the LLM, beside the static findings it may merge into. */
export interface LlmReviewInput extends LlmReviewOptions {
  change: ChangeContext;
  staticFindings: Finding[];
  thresholds: Record<Category, number>;
}

/** What the LLM calls cost. */
export interface LlmReviewStats {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd?: number;
}

/** What the LLM review adds to a review. */
export interface LlmReviewResult {
  /** The static findings (merged where an LLM finding confirmed one) followed by the LLM's own. */
  findings: Finding[];
  notes: string[];
  stats: LlmReviewStats;
}

/**
 * Prompt tokens per reviewer call by default: four calls stay near 100k tokens, half the default
 * per-review token budget, leaving room for the confidence pass and repair attempts.
 */
export const DEFAULT_CONTEXT_TOKENS = 24_000;
// After these, the endpoint or the budget is gone for this review: further calls would only wait or be refused.
const STOPPING: ReadonlySet<LlmFailure["reason"]> = new Set(["unavailable", "budget", "aborted"]);

/**
 * Runs the LLM reviewers beside the static ones.
 *
 * 1. per dimension: pack the change to the token budget, ask the reviewer, place its quotes
 * 2. score the placed candidates in one cheaper call  3. merge them with the static findings
 * 4. notes: skipped calls, what was not read, unplaced findings.
 * Calls run one at a time; after an outage, a refused budget or a cancellation the remaining
 * calls are skipped, not sent. A failure never throws: the static findings always come back.
 */
export async function runLlmReview(input: LlmReviewInput): Promise<LlmReviewResult> {
  const { change, port, signal, pr = {} } = input;
  const pack = input.pack ?? packContext;
  const related = new RelatedContext(change);
  const skipped: SkippedCall[] = [];
  const packs: Array<{ packed: Set<string>; omitted: PackedContext["omitted"] }> = [];
  const candidates: Finding[] = [];
  const unlocated: UnlocatedFinding[] = [];
  let planned = 0;
  let stop: LlmFailure | undefined;
  const stats = { calls: 0, usage: NO_USAGE as LlmUsage, cost: 0 };
  const account = (usage: LlmUsage, model?: string) => {
    stats.calls++;
    stats.usage = addUsage(stats.usage, usage);
    if (input.model) stats.cost += costOf(usage, priceFor(input.model, DEFAULT_PRICES, model));
  };
  // Whether a call may go out; otherwise records it as skipped.
  const mayCall = (purpose: string): boolean => {
    planned++;
    const reason = signal?.aborted ? llmFailure("aborted", `LLM ${purpose} cancelled`) : stop && llmFailure(stop.reason, `LLM ${purpose} skipped: ${stop.note}`);
    if (reason) skipped.push(toSkippedCall(purpose, reason));
    return !reason;
  };

  // 1. One reviewer per dimension.
  for (const dimension of input.dimensions ?? DIMENSIONS) {
    const prompt = REVIEW_PROMPTS[dimension];
    const empty: PackedContext = { files: [], tokens: 0, budgetTokens: 0, omitted: [] };
    const overhead = estimateTokens(prompt.system) + estimateTokens(buildReviewMessage(prompt, empty, pr)) + 64;
    const budgetTokens = Math.max(0, (input.contextTokens ?? DEFAULT_CONTEXT_TOKENS) - overhead);
    const packed = pack(change, { budgetTokens, needs: prompt.context, perFileOverheadTokens: WRAP_OVERHEAD_TOKENS, related });
    packs.push({ packed: new Set(packed.files.map((f) => f.path)), omitted: packed.omitted });
    if (packed.files.length === 0 || !mayCall(`review:${dimension}`)) continue;
    const outcome = await runReviewer(port, change, prompt, packed, pr, signal);
    if (!outcome.ok) {
      account(outcome.failure.usage);
      skipped.push(toSkippedCall(`review:${dimension}`, outcome.failure));
      if (STOPPING.has(outcome.failure.reason)) stop = outcome.failure;
      continue;
    }
    account(outcome.usage, outcome.model);
    candidates.push(...outcome.findings);
    unlocated.push(...outcome.unlocated);
  }

  // 2. Confidence: a candidate without a score keeps 0 and so stays in the summary.
  let scored = candidates;
  let unscored = 0;
  if (candidates.length && mayCall("confidence")) {
    const outcome = await scoreCandidates(input.confidencePort ?? port, change, candidates, signal);
    if (outcome.ok) {
      account(outcome.usage, outcome.model);
      scored = outcome.findings;
      unscored = outcome.unscored;
    } else {
      account(outcome.failure.usage);
      skipped.push(toSkippedCall("confidence", outcome.failure));
      unscored = candidates.length;
    }
  } else unscored = candidates.length;

  // 3. One comment per place.
  const merged = mergeWithStatic(input.staticFindings, scored, input.thresholds);

  // 4. Notes.
  const omissions = budgetOmissions(packs);
  const notes = llmReviewNotes({
    planned,
    skipped,
    reviewedFiles: new Set(packs.flatMap((p) => [...p.packed])).size,
    budgetOmittedFiles: omissions.files,
    budgetOmittedHunks: omissions.hunks,
    unlocated,
    unscored,
  });
  const llmStats: LlmReviewStats = { calls: stats.calls, promptTokens: stats.usage.promptTokens, completionTokens: stats.usage.completionTokens };
  if (input.model) llmStats.costUsd = Math.round(stats.cost * 1e6) / 1e6;
  return { findings: merged.findings, notes, stats: llmStats };
}
