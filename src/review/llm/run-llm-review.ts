import { toSkippedCall, type SkippedCall } from "../../llm/llm-notes.js";
import { addUsage, llmFailure, NO_USAGE, type LlmFailure, type LlmPort, type LlmUsage } from "../../llm/llm-port.js";
import { costOf, DEFAULT_PRICES, priceFor } from "../../llm/price-table.js";
import type { Category, Finding } from "../finding.js";
import type { ChangeContext } from "../rule.js";
import { scoreCandidates } from "./confidence-pass.js";
import { packContext, type PackedContext, type PackOptions } from "./context-packer.js";
import { DIMENSIONS, type Dimension } from "./dimension.js";
import { budgetOmissions, llmReviewNotes } from "./llm-review-notes.js";
import { buildReviewMessage, REVIEW_MAX_TOKENS, runReviewer, type PullRequestText, type UnlocatedFinding } from "./llm-reviewer.js";
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
  /**
   * Calls each dimension's reviewer may make. The first reads the riskiest files that fit
   * `contextTokens`; each further one reads files no earlier call of that reviewer read, while
   * `maxTokensPerReview` leaves room. Default 1.
   */
  maxCallsPerDimension?: number;
  /** The review's token ceiling (`llm.maxTokensPerReview`): follow-up calls are planned under it. */
  maxTokensPerReview?: number;
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
 * Tokens kept free for the confidence pass over the follow-up calls' findings: a follow-up call
 * goes out only if its worst case and this still fit the review's token ceiling, because the
 * budget's first refusal ends the review's LLM calls and would leave those findings unscored.
 */
export const FOLLOW_UP_CONFIDENCE_RESERVE_TOKENS = 12_000;

/** The part of a change a dimension's earlier calls did not read. */
function unread(change: ChangeContext, read: ReadonlySet<string>): ChangeContext {
  return { files: change.files.filter((f) => !read.has(f.path)), repo: change.repo, fileAt: (path) => change.fileAt(path) };
}

/**
 * Runs the LLM reviewers beside the static ones.
 *
 * 1. per dimension: pack the change to the token budget, ask the reviewer, place its quotes
 * 2. score the placed candidates in one cheaper call  (1-2 again, with `maxCallsPerDimension`,
 * over files the first calls could not read)  3. merge them with the static findings
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

  const dimensions = input.dimensions ?? DIMENSIONS;
  const maxCalls = Math.max(1, input.maxCallsPerDimension ?? 1);
  /** Files each dimension's calls have read so far. */
  const readBy = new Map<Dimension, Set<string>>(dimensions.map((d) => [d, new Set()]));
  const spentTokens = () => stats.usage.promptTokens + stats.usage.completionTokens;

  // One call per dimension; `part` > 1 reads only what that dimension's earlier calls did not.
  // Returns whether any call went out.
  const reviewRound = async (part: number, found: Finding[]): Promise<boolean> => {
    let called = false;
    for (const dimension of dimensions) {
      const read = readBy.get(dimension)!;
      const subject = part === 1 ? change : unread(change, read);
      if (subject.files.length === 0) continue;
      const prompt = REVIEW_PROMPTS[dimension];
      const empty: PackedContext = { files: [], tokens: 0, budgetTokens: 0, omitted: [] };
      const overhead = estimateTokens(prompt.system) + estimateTokens(buildReviewMessage(prompt, empty, pr)) + 64;
      const budgetTokens = Math.max(0, (input.contextTokens ?? DEFAULT_CONTEXT_TOKENS) - overhead);
      const packed = pack(subject, { budgetTokens, needs: prompt.context, perFileOverheadTokens: WRAP_OVERHEAD_TOKENS, related });
      if (packed.files.length === 0) {
        if (part === 1) packs.push({ packed: new Set(), omitted: packed.omitted });
        continue;
      }
      if (part > 1 && input.maxTokensPerReview !== undefined) {
        const worstCase = overhead + packed.tokens + REVIEW_MAX_TOKENS;
        // Not planned, so not a skipped call either: the files stay named as left out.
        if (spentTokens() + worstCase + FOLLOW_UP_CONFIDENCE_RESERVE_TOKENS > input.maxTokensPerReview) continue;
      }
      packs.push({ packed: new Set(packed.files.map((f) => f.path)), omitted: packed.omitted });
      const purpose = part === 1 ? `review:${dimension}` : `review:${dimension} (part ${part})`;
      if (!mayCall(purpose)) continue;
      called = true;
      for (const file of packed.files) read.add(file.path);
      const outcome = await runReviewer(port, change, prompt, packed, pr, signal);
      if (!outcome.ok) {
        account(outcome.failure.usage);
        skipped.push(toSkippedCall(purpose, outcome.failure));
        if (STOPPING.has(outcome.failure.reason)) stop = outcome.failure;
        continue;
      }
      account(outcome.usage, outcome.model);
      found.push(...outcome.findings);
      unlocated.push(...outcome.unlocated);
    }
    return called;
  };

  // Confidence: a candidate without a score keeps 0 and so stays in the summary.
  let unscored = 0;
  const score = async (found: Finding[], purpose: string): Promise<Finding[]> => {
    if (found.length === 0) return found;
    if (!mayCall(purpose)) {
      unscored += found.length;
      return found;
    }
    const outcome = await scoreCandidates(input.confidencePort ?? port, change, found, signal);
    if (!outcome.ok) {
      account(outcome.failure.usage);
      skipped.push(toSkippedCall(purpose, outcome.failure));
      unscored += found.length;
      return found;
    }
    account(outcome.usage, outcome.model);
    unscored += outcome.unscored;
    return outcome.findings;
  };

  // 1-2. The first call of every reviewer, then the confidence pass over their findings, so that
  // follow-up calls can never leave the first findings unscored.
  const first: Finding[] = [];
  await reviewRound(1, first);
  const scored = await score(first, "confidence");
  // Follow-up calls over what the first ones could not read, then their own confidence pass.
  const more: Finding[] = [];
  for (let part = 2; part <= maxCalls && !stop && !signal?.aborted; part++) {
    if (!(await reviewRound(part, more))) break;
  }
  scored.push(...(await score(more, "confidence (follow-up)")));

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
