import type { CallSize, LlmMessage, LlmUsage } from "./llm-port.js";
import { costOf, priceFor, type PriceTable } from "./price-table.js";
import { sharedSpendStore, utcDay, type InstallationSpendStore } from "./spend-store.js";
import { estimatePromptTokens } from "./token-estimate.js";

/** Ceilings of LLM spend (0 = no LLM calls at all). */
export interface BudgetLimits {
  /** Prompt + completion tokens of one review. */
  maxTokensPerReview: number;
  maxCostPerReviewUsd: number;
  /** Across all reviews of one installation per UTC day. */
  maxCostPerInstallationPerDayUsd: number;
}

/** Options of {@link LlmBudget}. */
export interface LlmBudgetOptions {
  limits: BudgetLimits;
  prices: PriceTable;
  /** The configured model (see priceFor for how Azure deployment names are priced). */
  model: string;
  /** Unset outside the App (the CLI): no daily cap then. */
  installationId?: number;
  store?: InstallationSpendStore;
  now?: () => number;
}

/** The worst case of one call, held until its real usage is known. */
export interface Reservation {
  tokens: number;
  costUsd: number;
}

/** What a call will be asked: enough to estimate its worst case. */
export interface CallEstimateInput {
  system: string;
  messages: LlmMessage[];
  maxTokens: number;
  /** Text the endpoint also counts, e.g. the JSON schema. */
  extra?: string;
}

/**
 * Token and cost accounting of one review. A call is allowed only when its worst case (estimated
 * prompt + its full `maxTokens`) fits every limit, so the limits hold without knowing the answer
 * in advance; the first refusal stops the rest of the review, so what was skipped is one
 * contiguous tail that a note can name. Concurrent calls reserve their worst case until settled.
 * One call's repair round (a second request) can go past its reservation; the excess is settled
 * like any usage and leaves less for later calls.
 */
export class LlmBudget {
  private readonly used = { promptTokens: 0, completionTokens: 0, costUsd: 0 };
  private readonly held = { tokens: 0, costUsd: 0 };
  private stoppedBecause: string | undefined;

  constructor(private readonly options: LlmBudgetOptions) {}

  /** Reserves the worst case of a call, or says in words why the budget refuses it. */
  async reserve(call: CallEstimateInput): Promise<{ ok: true; reservation: Reservation } | { ok: false; why: string }> {
    if (this.stoppedBecause) return { ok: false, why: this.stoppedBecause };
    const promptTokens = estimatePromptTokens(call.system, call.messages, call.extra);
    const reservation = { tokens: promptTokens + call.maxTokens, costUsd: this.cost({ promptTokens, completionTokens: call.maxTokens }) };
    const why = await this.refusal(reservation);
    if (why) {
      this.stoppedBecause = why;
      return { ok: false, why };
    }
    this.held.tokens += reservation.tokens;
    this.held.costUsd += reservation.costUsd;
    return { ok: true, reservation };
  }

  /**
   * Whether calls of these sizes would all be reserved now, one after the other (each at its
   * worst case). Asks only: records no refusal and holds nothing.
   */
  async wouldAllow(calls: readonly CallSize[]): Promise<boolean> {
    if (this.stoppedBecause) return false;
    const total = { tokens: 0, costUsd: 0 };
    for (const call of calls) {
      total.tokens += call.promptTokens + call.maxTokens;
      total.costUsd += this.cost({ promptTokens: call.promptTokens, completionTokens: call.maxTokens });
    }
    return (await this.refusal(total)) === undefined;
  }

  /** Why a reservation of this size would be refused on top of what is used and held, if it would. */
  private async refusal(reservation: Reservation): Promise<string | undefined> {
    const { limits, installationId } = this.options;
    const tokensSoFar = this.used.promptTokens + this.used.completionTokens + this.held.tokens;
    const costSoFar = this.used.costUsd + this.held.costUsd;
    if (tokensSoFar + reservation.tokens > limits.maxTokensPerReview) {
      return `per-review token budget reached (${formatCount(tokensSoFar)} of ${formatTokens(limits.maxTokensPerReview)} used, the next call may need up to ${formatCount(reservation.tokens)})`;
    }
    if (costSoFar + reservation.costUsd > limits.maxCostPerReviewUsd) {
      return `per-review cost budget reached (${formatUsd(costSoFar)} of ${formatUsd(limits.maxCostPerReviewUsd)} spent)`;
    }
    if (installationId !== undefined) {
      const today = await this.store().spentUsd(installationId, this.today());
      if (today + this.held.costUsd + reservation.costUsd > limits.maxCostPerInstallationPerDayUsd) {
        return `daily LLM budget of this installation reached (${formatUsd(today)} of ${formatUsd(limits.maxCostPerInstallationPerDayUsd)} spent today, UTC)`;
      }
    }
    return undefined;
  }

  /** Replaces a reservation by what the call really used (`model`: as the endpoint named it); returns its cost. */
  async settle(reservation: Reservation, usage: LlmUsage, model?: string): Promise<number> {
    this.held.tokens -= reservation.tokens;
    this.held.costUsd -= reservation.costUsd;
    const costUsd = this.cost(usage, model);
    this.used.promptTokens += usage.promptTokens;
    this.used.completionTokens += usage.completionTokens;
    this.used.costUsd += costUsd;
    if (this.options.installationId !== undefined && costUsd > 0) {
      await this.store().add(this.options.installationId, this.today(), costUsd);
    }
    return costUsd;
  }

  /** Totals so far. */
  spent(): { promptTokens: number; completionTokens: number; costUsd: number } {
    return { ...this.used };
  }

  private cost(usage: LlmUsage, reportedModel?: string): number {
    return costOf(usage, priceFor(this.options.model, this.options.prices, reportedModel));
  }

  private store(): InstallationSpendStore {
    return this.options.store ?? sharedSpendStore;
  }

  private today(): string {
    return utcDay((this.options.now ?? Date.now)());
  }
}

/** `12,345 tokens`. */
export function formatTokens(tokens: number): string {
  return `${formatCount(tokens)} tokens`;
}

function formatCount(count: number): string {
  return Math.round(count).toLocaleString("en-US");
}

/** `$0.42`, or `$0.0042` below a cent so that small spends do not read as nothing. */
export function formatUsd(usd: number): string {
  return `$${usd !== 0 && Math.abs(usd) < 0.01 ? usd.toFixed(4) : usd.toFixed(2)}`;
}
