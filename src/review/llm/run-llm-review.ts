import { toSkippedCall, type SkippedCall } from "../../llm/llm-notes.js";
import { callSizeOf } from "../../llm/budgeted-llm.js";
import { addUsage, llmFailure, NO_USAGE, type CallSize, type LlmFailure, type LlmPort, type LlmRequest, type LlmUsage } from "../../llm/llm-port.js";
import { costOf, DEFAULT_PRICES, priceFor } from "../../llm/price-table.js";
import type { Category, Finding } from "../finding.js";
import type { ChangeContext } from "../rule.js";
import { MAX_CANDIDATE_CHARS, scoreCandidates } from "./confidence-pass.js";
import { packContext, type PackedContext, type PackOptions } from "./context-packer.js";
import { DIMENSIONS, type Dimension } from "./dimension.js";
import { budgetOmissions, llmReviewNotes } from "./llm-review-notes.js";
import { buildReviewMessage, buildReviewRequest, runReviewer, type PullRequestText, type UnlocatedFinding } from "./llm-reviewer.js";
import { mergeWithStatic } from "./merge-findings.js";
import { CONFIDENCE_SYSTEM } from "./prompts/confidence.js";
import { REVIEW_PROMPTS } from "./prompts/index.js";
import { MAX_FINDINGS_PER_CALL } from "./prompts/review-prompt.js";
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
 * A confidence call over one follow-up call's findings (at most MAX_FINDINGS_PER_CALL), at its
 * worst: every candidate block at its cap plus its untrusted-data wrapping. A follow-up call goes
 * out only if the budget would allow it and this call after it, because the budget's first
 * refusal ends a review's LLM calls and would leave the follow-up's findings unscored.
 */
export const FOLLOW_UP_CONFIDENCE_SIZE: CallSize = {
  promptTokens: estimateTokens(CONFIDENCE_SYSTEM) + 1_000 + MAX_FINDINGS_PER_CALL * (estimateTokens("x".repeat(MAX_CANDIDATE_CHARS)) + WRAP_OVERHEAD_TOKENS),
  maxTokens: 200 + 80 * MAX_FINDINGS_PER_CALL,
};

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

  /** Whether a follow-up call of this size, and the confidence call over its findings, fit every budget now. */
  const followUpFits = async (request: LlmRequest<unknown>): Promise<boolean> => {
    const sizes = [callSizeOf(request), FOLLOW_UP_CONFIDENCE_SIZE];
    if (input.maxTokensPerReview !== undefined) {
      const worst = sizes.reduce((n, c) => n + c.promptTokens + c.maxTokens, 0);
      if (spentTokens() + worst > input.maxTokensPerReview) return false;
    }
    return (await port.affords?.(sizes)) ?? true;
  };

  /**
   * One call per dimension; `part` > 1 reads only what that dimension's earlier calls did not, and
   * each follow-up's findings are scored right after it. Returns whether any call went out.
   */
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
      // A first call's pack counts as read even when the call is skipped (the skip has its own
      // note); a follow-up's only once it is sent, so unsent files stay named as left out.
      const record = () => packs.push({ packed: new Set(packed.files.map((f) => f.path)), omitted: packed.omitted });
      if (part === 1) record();
      if (packed.files.length === 0) continue;
      const purpose = part === 1 ? `review:${dimension}` : `review:${dimension} (part ${part})`;
      // Not planned when it does not fit, so not a skipped call either.
      if (part > 1 && (stop || !(await followUpFits(buildReviewRequest(prompt, packed, pr))))) continue;
      if (!mayCall(purpose)) continue;
      called = true;
      if (part > 1) record();
      for (const file of packed.files) read.add(file.path);
      const outcome = await runReviewer(port, change, prompt, packed, pr, signal);
      if (!outcome.ok) {
        account(outcome.failure.usage);
        skipped.push(toSkippedCall(purpose, outcome.failure));
        if (STOPPING.has(outcome.failure.reason)) stop = outcome.failure;
        continue;
      }
      account(outcome.usage, outcome.model);
      unlocated.push(...outcome.unlocated);
      found.push(...(part === 1 ? outcome.findings : await score(outcome.findings, "confidence (follow-up)")));
    }
    return called;
  };

  // 1-2. The first call of every reviewer, then one confidence pass over their findings; then
  // follow-up calls over what the first ones could not read, each scored as it comes back.
  const first: Finding[] = [];
  await reviewRound(1, first);
  const scored = await score(first, "confidence");
  for (let part = 2; part <= maxCalls && !stop && !signal?.aborted; part++) {
    if (!(await reviewRound(part, scored))) break;
  }

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
