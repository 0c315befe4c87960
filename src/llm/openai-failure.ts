import { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { llmFailure, type LlmFailure, type LlmUsage } from "./llm-port.js";
import type { EndpointProfile } from "./endpoint-profile.js";

/** One attempt ran past its time limit (our own deadline: the SDK's cannot be told apart reliably). */
export class AttemptTimeoutError extends Error {
  override readonly name = "TimeoutError";

  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

/**
 * True when a 400 says the endpoint does not take `response_format: json_schema` (older vLLM,
 * Ollama, LM Studio builds and older OpenAI models answer so), which JSON mode can replace.
 */
export function rejectsJsonSchema(error: unknown): boolean {
  if (!(error instanceof APIError) || error.status !== 400) return false;
  return error.param === "response_format" || /response_format|json_schema/i.test(error.message);
}

/**
 * The token-limit parameter to switch to when a 400 says the one sent is not supported
 * ("Unsupported parameter: 'max_tokens' ... use 'max_completion_tokens' instead"), else undefined.
 */
export function otherTokenLimitParam(error: unknown, sent: EndpointProfile["tokenLimitParam"]): EndpointProfile["tokenLimitParam"] | undefined {
  if (!(error instanceof APIError) || error.status !== 400) return undefined;
  const named = error.param === sent || new RegExp(`['"\`]?${sent}['"\`]?`).test(error.message);
  const refused = /unsupported|not supported|unrecognized|unknown|extra (inputs|fields)|not permitted/i.test(error.message);
  if (!named || !refused) return undefined;
  return sent === "max_tokens" ? "max_completion_tokens" : "max_tokens";
}

/** What went wrong, as the failure result of a call for `purpose`. */
export function describeFailure(error: unknown, context: { purpose: string; attempts: number; timeoutMs: number; signal?: AbortSignal; usage: LlmUsage }): LlmFailure {
  const { purpose, attempts, usage, signal } = context;
  if (signal?.aborted || error instanceof APIUserAbortError) {
    const why = signal?.reason instanceof Error ? `: ${oneLine(signal.reason.message)}` : "";
    return llmFailure("aborted", `LLM ${purpose} cancelled${why}`, usage);
  }
  if (error instanceof AttemptTimeoutError || error instanceof APIConnectionTimeoutError) {
    return llmFailure("timeout", `LLM ${purpose} skipped: no answer within ${formatSeconds(context.timeoutMs)}`, usage);
  }
  const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
  if (error instanceof APIError && typeof error.status === "number") {
    const what = error.status === 429 ? "rate limited" : error.status >= 500 ? "endpoint failing" : "endpoint refused the request";
    return llmFailure("unavailable", `LLM ${purpose} skipped: ${what} (HTTP ${error.status}${tries}: ${oneLine(withoutStatus(error.message))})`, usage);
  }
  return llmFailure("unavailable", `LLM ${purpose} skipped: endpoint unreachable (${oneLine(innermostMessage(error))}${tries})`, usage);
}

// The SDK prefixes its messages with the status ("429 Rate limit reached"), which the note already says.
function withoutStatus(message: string): string {
  return message.replace(/^\d{3}\s+/, "");
}

// "Connection error." and "fetch failed" say little; the innermost cause names the address and errno.
function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object && "cause" in current && current.cause; depth++) {
    current = current.cause;
    const inner = (current as { message?: unknown }).message;
    if (typeof inner === "string" && inner !== "") message = inner;
  }
  return message;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

// A note is one line in a review summary: no newlines, and server messages can be long.
function oneLine(text: string, max = 160): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
