import type { z } from "zod";

/** One chat message after the system prompt. */
export interface LlmMessage {
  role: "user" | "assistant";
  content: string;
}

/** Tokens one call (or a sum of calls) consumed, as the endpoint reported them. */
export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
}

/** One structured question to a model: the answer must validate against `schema`. */
export interface LlmRequest<T> {
  /** What the call is for, e.g. `review:security`: used in notes, accounting and replay matching. */
  purpose: string;
  /** System prompt (instructions only: untrusted text goes in `messages`, wrapped by untrusted-text). */
  system: string;
  messages: LlmMessage[];
  /** The answer's shape; also sent to the endpoint as a JSON schema. */
  schema: z.ZodType<T>;
  /** Name of the schema for `response_format.json_schema.name` (letters, digits, `_`, `-`). */
  schemaName: string;
  /** Upper bound on the answer's tokens. */
  maxTokens: number;
  temperature?: number;
}

/** Why a call produced no value. Each reason comes with a one-line note fit for a review summary. */
export type LlmFailureReason = "invalid-output" | "budget" | "timeout" | "unavailable" | "aborted";

/** A validated answer. */
export interface LlmSuccess<T> {
  ok: true;
  value: T;
  /** Usage of every request this call made (a repair attempt included). */
  usage: LlmUsage;
  /** The model that answered, as the endpoint named it. */
  model: string;
  /** The first answer was invalid and the repair attempt fixed it. */
  repaired: boolean;
}

/** No answer: the caller drops this chunk of work and shows `note`. */
export interface LlmFailure {
  ok: false;
  reason: LlmFailureReason;
  /** One line for people, e.g. "LLM review:security skipped: endpoint answered 503 three times". */
  note: string;
  /** Tokens spent anyway (a failed repair still costs). */
  usage: LlmUsage;
}

export type LlmResult<T> = LlmSuccess<T> | LlmFailure;

/**
 * The one way the rest of patchwarden talks to a model. Expected failures (invalid output,
 * budget, timeout, outage, cancellation) are results, never exceptions, so a review can always
 * post its static findings; only misuse throws (an {@link LlmError}).
 */
export interface LlmPort {
  complete<T>(request: LlmRequest<T>, signal?: AbortSignal): Promise<LlmResult<T>>;
  /**
   * Whether calls of these sizes, made in turn, would all be allowed now, without asking the model
   * or recording a refusal. A port with no budget leaves it out: everything is affordable.
   */
  affords?(calls: readonly CallSize[]): Promise<boolean>;
}

/** A call's worst case, as a budget sees it before the call: estimated prompt tokens and the answer limit. */
export interface CallSize {
  promptTokens: number;
  maxTokens: number;
}

/** Usage of nothing. */
export const NO_USAGE: LlmUsage = Object.freeze({ promptTokens: 0, completionTokens: 0 });

/** Sums two usages. */
export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens };
}

/** Builds a failure result. */
export function llmFailure(reason: LlmFailureReason, note: string, usage: LlmUsage = NO_USAGE): LlmFailure {
  return { ok: false, reason, note, usage };
}
