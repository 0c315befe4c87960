import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { addUsage, NO_USAGE, type LlmFailure, type LlmMessage, type LlmPort, type LlmRequest, type LlmResult, type LlmUsage } from "./llm-port.js";
import { isAzureHost, safeHost, sharedEndpointProfiles, type EndpointProfiles } from "./endpoint-profile.js";
import { AttemptTimeoutError, describeFailure, otherTokenLimitParam, rejectsJsonSchema } from "./openai-failure.js";
import { retryWithBackoff, type RetryOptions } from "./retry-with-backoff.js";
import { jsonModeInstruction, parseAnswer, repairInstruction, toResponseSchema, type ResponseSchema } from "./structured-output.js";
import { estimatePromptTokens, estimateTokens } from "./token-estimate.js";

const OPENAI_BASE_URL = "https://api.openai.com/v1";

/** Options of {@link OpenAiLlm}. */
export interface OpenAiLlmOptions {
  apiKey: string;
  /**
   * Any OpenAI-compatible `/v1` base: OpenAI (default), Azure OpenAI's v1 API
   * (`https://RESOURCE.openai.azure.com/openai/v1/`, model = deployment name), vLLM
   * (`http://host:8000/v1`), Ollama (`http://localhost:11434/v1`), LM Studio (`http://localhost:1234/v1`).
   */
  baseURL?: string;
  /** Model (Azure: deployment) name. */
  model: string;
  /** Limit of one HTTP request; a call with retries and a repair can take a few of these. */
  timeoutMs: number;
  /** Retry policy for 429, 5xx and connection failures (default 3 attempts, 500 ms doubling, waits of at most 20 s). */
  retry?: Partial<Pick<RetryOptions, "attempts" | "baseMs" | "maxMs" | "random">>;
  /** Where learned endpoint quirks are kept (default: shared by the process). */
  profiles?: EndpointProfiles;
}

type Reply = { ok: true; content: string | null; refusal: string | null; truncated: boolean; usage: LlmUsage; model: string };

/**
 * The real {@link LlmPort}: chat completions through the openai SDK with structured output, our
 * own retries (the SDK's are off so `retry-after` and cancellation are handled in one place),
 * and one repair round for an answer that fails validation.
 */
export class OpenAiLlm implements LlmPort {
  private readonly client: OpenAI;
  private readonly baseURL: string;
  private readonly profiles: EndpointProfiles;
  private readonly retry: Omit<RetryOptions, "signal" | "onRetry">;

  constructor(private readonly options: OpenAiLlmOptions) {
    this.baseURL = options.baseURL ?? OPENAI_BASE_URL;
    this.profiles = options.profiles ?? sharedEndpointProfiles;
    this.retry = { attempts: 3, baseMs: 500, maxMs: 20_000, ...options.retry };
    // Azure's v1 API takes the key as a bearer token too; its classic `api-key` header costs nothing.
    const defaultHeaders = isAzureHost(safeHost(this.baseURL)) ? { "api-key": options.apiKey } : undefined;
    // The SDK's timeout is only a backstop: the per-attempt deadline in send() is the one that counts.
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: this.baseURL, maxRetries: 0, timeout: options.timeoutMs + 5000, defaultHeaders });
  }

  async complete<T>(request: LlmRequest<T>, signal?: AbortSignal): Promise<LlmResult<T>> {
    const responseSchema = toResponseSchema(request.schema);
    const first = await this.send(request, responseSchema, request.messages, signal, NO_USAGE);
    if (!first.ok) return first;
    if (first.refusal) return refused(request.purpose, first.refusal, first.usage);
    const parsed = parseAnswer(first.content, request.schema, first.truncated);
    if (parsed.ok) return { ok: true, value: parsed.value, usage: first.usage, model: first.model, repaired: false };

    const repairMessages: LlmMessage[] = [
      ...request.messages,
      { role: "assistant", content: first.content ?? "" },
      { role: "user", content: repairInstruction(parsed.problem) },
    ];
    const second = await this.send(request, responseSchema, repairMessages, signal, first.usage);
    if (!second.ok) return second;
    if (second.refusal) return refused(request.purpose, second.refusal, second.usage);
    const repaired = parseAnswer(second.content, request.schema, second.truncated);
    if (repaired.ok) return { ok: true, value: repaired.value, usage: second.usage, model: second.model, repaired: true };
    const firstLine = repaired.problem.split("\n")[0];
    return { ok: false, reason: "invalid-output", note: `LLM ${request.purpose} answer dropped: ${firstLine} (also after one repair attempt)`, usage: second.usage };
  }

  /** One request with retries, adapting once to what the endpoint accepts. `spent` is usage so far. */
  private async send<T>(request: LlmRequest<T>, responseSchema: ResponseSchema, messages: LlmMessage[], signal: AbortSignal | undefined, spent: LlmUsage): Promise<Reply | LlmFailure> {
    const { model, timeoutMs } = this.options;
    let attempts = 0;
    let switchedTokenParam = false;
    // Loops only to resend after learning a quirk: JSON mode once, the token parameter once.
    for (;;) {
      const profile = this.profiles.get(this.baseURL, model);
      const jsonMode = profile.structuredOutput === "json_object";
      const system = jsonMode ? `${request.system}\n\n${jsonModeInstruction(responseSchema.schema)}` : request.system;
      const body: ChatCompletionCreateParamsNonStreaming = {
        model,
        messages: [{ role: "system", content: system }, ...messages],
        response_format: jsonMode
          ? { type: "json_object" }
          : { type: "json_schema", json_schema: { name: request.schemaName, schema: responseSchema.schema, strict: responseSchema.strict } },
        [profile.tokenLimitParam]: request.maxTokens,
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      };
      try {
        const completion = await retryWithBackoff(
          async (attempt) => {
            attempts = attempt;
            // Our own deadline per attempt, told apart from the caller's cancellation by which signal fired.
            const deadline = AbortSignal.timeout(timeoutMs);
            try {
              return await this.client.chat.completions.create(body, { signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
            } catch (error) {
              throw deadline.aborted && !signal?.aborted ? new AttemptTimeoutError(timeoutMs) : error;
            }
          },
          { ...this.retry, signal },
        );
        const choice = completion.choices[0];
        const content = choice?.message.content ?? null;
        const usage = completion.usage
          ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
          : { promptTokens: estimatePromptTokens(system, messages), completionTokens: estimateTokens(content ?? "") };
        return { ok: true, content, refusal: choice?.message.refusal ?? null, truncated: choice?.finish_reason === "length", usage: addUsage(spent, usage), model: completion.model || model };
      } catch (error) {
        if (!jsonMode && rejectsJsonSchema(error)) {
          this.profiles.learn(this.baseURL, model, { structuredOutput: "json_object" });
          continue;
        }
        const other = switchedTokenParam ? undefined : otherTokenLimitParam(error, profile.tokenLimitParam);
        if (other) {
          switchedTokenParam = true;
          this.profiles.learn(this.baseURL, model, { tokenLimitParam: other });
          continue;
        }
        return describeFailure(error, { purpose: request.purpose, attempts, timeoutMs, signal, usage: spent });
      }
    }
  }
}

function refused(purpose: string, refusal: string, usage: LlmUsage): LlmFailure {
  return { ok: false, reason: "invalid-output", note: `LLM ${purpose} answer dropped: the model refused (${refusal.replace(/\s+/g, " ").slice(0, 120)})`, usage };
}
