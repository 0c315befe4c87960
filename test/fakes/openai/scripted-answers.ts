/** Token counts the fake reports in `usage`. */
export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** One scripted answer of the fake OpenAI server (see the builders in {@link answers}). */
export type ScriptedAnswer =
  | {
      kind: "completion";
      /** `choices[0].message.content` exactly as sent (may be invalid JSON on purpose). */
      content: string | null;
      finishReason: "stop" | "length" | "content_filter";
      refusal?: string;
      /** Omitted from the response when null (some self-hosted servers send none). */
      usage: FakeUsage | null;
      model?: string;
      delayMs?: number;
    }
  | {
      kind: "error";
      status: number;
      headers?: Record<string, string>;
      /** OpenAI's error object: `{ error: { message, type, param, code } }`. */
      error: { message: string; type: string; param: string | null; code: string | null };
      delayMs?: number;
    };

type CompletionOptions = { usage?: FakeUsage | null; model?: string; delayMs?: number };

const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 100, completion_tokens: 20 };

/** Builders for the answers tests script. */
export const answers = {
  /** A well-formed answer whose content is `value` as JSON. */
  json(value: unknown, options: CompletionOptions = {}): ScriptedAnswer {
    return text(JSON.stringify(value), options);
  },
  /** An answer with this exact content. */
  text,
  /** JSON cut in the middle, with finish_reason "length", as when max tokens run out. */
  truncated(value: unknown, options: CompletionOptions = {}): ScriptedAnswer {
    const full = JSON.stringify(value);
    return { ...text(full.slice(0, Math.max(1, Math.floor(full.length / 2))), options), finishReason: "length" } as ScriptedAnswer;
  },
  /** Content that is not JSON at all. */
  invalidJson(options: CompletionOptions = {}): ScriptedAnswer {
    return text("Sure! Here are the findings: {findings: [oops", options);
  },
  /** A refusal in `message.refusal` with null content. */
  refusal(reason: string, options: CompletionOptions = {}): ScriptedAnswer {
    return { ...text("", options), content: null, refusal: reason } as ScriptedAnswer;
  },
  /** An HTTP error with OpenAI's error body. */
  status(status: number, message: string, extra: { headers?: Record<string, string>; param?: string; type?: string; delayMs?: number } = {}): ScriptedAnswer {
    return { kind: "error", status, headers: extra.headers, delayMs: extra.delayMs, error: { message, type: extra.type ?? "invalid_request_error", param: extra.param ?? null, code: null } };
  },
  /** 429 with `retry-after` in seconds (fractions allowed: the SDK and we parse floats). */
  rateLimited(retryAfterSeconds: number): ScriptedAnswer {
    return answers.status(429, "Rate limit reached for requests", { headers: { "retry-after": String(retryAfterSeconds) }, type: "requests" });
  },
  /** A 5xx. */
  serverError(status = 500): ScriptedAnswer {
    return answers.status(status, "The server had an error while processing your request.", { type: "server_error" });
  },
  /** The 400 of a server without structured outputs (wording after vLLM/OpenAI's). */
  rejectJsonSchema(): ScriptedAnswer {
    return answers.status(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.", { param: "response_format" });
  },
  /** The 400 of OpenAI's reasoning models for `max_tokens`. */
  rejectMaxTokens(): ScriptedAnswer {
    return answers.status(400, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", { param: "max_tokens" });
  },
  /** `answer`, sent only after `ms` (longer than the client's timeout to provoke one). */
  slow(ms: number, answer: ScriptedAnswer): ScriptedAnswer {
    return { ...answer, delayMs: ms };
  },
};

function text(content: string, options: CompletionOptions = {}): ScriptedAnswer {
  return { kind: "completion", content, finishReason: "stop", usage: options.usage === undefined ? DEFAULT_USAGE : options.usage, model: options.model, delayMs: options.delayMs };
}
