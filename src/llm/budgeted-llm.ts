import type { LlmBudget } from "./budget.js";
import { summarizeLlmSkips, toSkippedCall, type SkippedCall } from "./llm-notes.js";
import { llmFailure, NO_USAGE, type CallSize, type LlmPort, type LlmRequest, type LlmResult } from "./llm-port.js";
import { estimatePromptTokens } from "./token-estimate.js";
import { toResponseSchema } from "./structured-output.js";

/** What a review spent on its model and what it skipped. */
export interface LlmSpend {
  /** Calls asked of this port. */
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Every call that produced no value, with its note. */
  skipped: SkippedCall[];
}

/** The schema text an endpoint also counts as prompt (JSON mode sends it in the prompt). */
function schemaTextOf(request: LlmRequest<unknown>): string {
  return JSON.stringify(toResponseSchema(request.schema).schema);
}

/** A request's worst case as the budget will reserve it: estimated prompt (schema included) and its answer limit. */
export function callSizeOf(request: LlmRequest<unknown>): CallSize {
  return { promptTokens: estimatePromptTokens(request.system, request.messages, schemaTextOf(request)), maxTokens: request.maxTokens };
}

/**
 * The port a review uses: refuses a call that would break the budget (no request sent), settles
 * each call's real usage, and keeps the notes of everything skipped for the review summary.
 */
export class BudgetedLlm implements LlmPort {
  private calls = 0;
  private readonly skipped: SkippedCall[] = [];

  constructor(
    private readonly inner: LlmPort,
    private readonly budget: LlmBudget,
    /** Notes from setting the LLM up (e.g. an ignored base URL), shown with the summary. */
    readonly setupNotes: readonly string[] = [],
  ) {}

  async complete<T>(request: LlmRequest<T>, signal?: AbortSignal): Promise<LlmResult<T>> {
    this.calls += 1;
    const held = await this.budget.reserve({ system: request.system, messages: request.messages, maxTokens: request.maxTokens, extra: schemaTextOf(request) });
    if (!held.ok) return this.remember(request.purpose, llmFailure("budget", `LLM ${request.purpose} skipped: ${held.why}`));
    let result: LlmResult<T>;
    try {
      result = await this.inner.complete(request, signal);
    } catch (error) {
      await this.budget.settle(held.reservation, NO_USAGE);
      throw error;
    }
    await this.budget.settle(held.reservation, result.usage, result.ok ? result.model : undefined);
    return result.ok ? result : this.remember(request.purpose, result);
  }

  async affords(calls: readonly CallSize[]): Promise<boolean> {
    return this.budget.wouldAllow(calls);
  }

  /** Totals of this review so far. */
  usage(): LlmSpend {
    return { calls: this.calls, ...this.budget.spent(), skipped: [...this.skipped] };
  }

  /** One line for the review summary about skipped calls (and setup notes), or undefined. */
  summaryNote(): string | undefined {
    const lines = [...this.setupNotes, summarizeLlmSkips(this.calls, this.skipped)].filter((l): l is string => Boolean(l));
    return lines.length === 0 ? undefined : lines.join(" ");
  }

  private remember<T>(purpose: string, failure: LlmResult<T> & { ok: false }): LlmResult<T> {
    this.skipped.push(toSkippedCall(purpose, failure));
    return failure;
  }
}
