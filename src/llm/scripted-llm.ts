import { LlmError } from "./llm-error.js";
import { llmFailure, type LlmPort, type LlmRequest, type LlmResult } from "./llm-port.js";
import { parseRecording, readRecording, type RecordedExchange, type ScriptedExchange } from "./recorded-exchange.js";

/** Options of {@link ScriptedLlm}. */
export interface ScriptedLlmOptions {
  /** Also require each request's messages to equal the recorded ones (off: prompts may be reworded). */
  matchMessages?: boolean;
}

/**
 * Replays recorded exchanges: each call takes the next unused exchange of its purpose (so calls of
 * different purposes may interleave), checks that it still fits the request, and returns its
 * result. A call the recording does not have throws an LlmError instead of inventing an answer.
 */
export class ScriptedLlm implements LlmPort {
  private readonly queues = new Map<string, RecordedExchange[]>();
  private readonly received: Array<LlmRequest<unknown>> = [];

  constructor(
    exchanges: readonly ScriptedExchange[] | { version: 1; exchanges: readonly ScriptedExchange[] },
    private readonly options: ScriptedLlmOptions = {},
  ) {
    for (const exchange of parseRecording(exchanges, "scripted exchanges")) {
      const queue = this.queues.get(exchange.purpose) ?? [];
      queue.push(exchange);
      this.queues.set(exchange.purpose, queue);
    }
  }

  /** A ScriptedLlm replaying a file written by RecordingLlm. */
  static async fromFile(path: string, options?: ScriptedLlmOptions): Promise<ScriptedLlm> {
    return new ScriptedLlm(await readRecording(path), options);
  }

  async complete<T>(request: LlmRequest<T>, signal?: AbortSignal): Promise<LlmResult<T>> {
    this.received.push(request as LlmRequest<unknown>);
    const exchange = this.queues.get(request.purpose)?.shift();
    const nth = this.received.filter((r) => r.purpose === request.purpose).length;
    if (!exchange) throw new LlmError("unexpected-call", `no recorded exchange left for call ${nth} of purpose "${request.purpose}" (recorded purposes: ${[...this.queues.keys()].join(", ") || "none"})`);
    if (signal?.aborted) return llmFailure("aborted", `LLM ${request.purpose} cancelled`);
    const where = `call ${nth} of purpose "${request.purpose}"`;
    if (exchange.request.schemaName !== undefined && exchange.request.schemaName !== request.schemaName) {
      throw new LlmError("replay-mismatch", `${where}: recorded schema "${exchange.request.schemaName}", asked "${request.schemaName}"`);
    }
    if (this.options.matchMessages && exchange.request.messages && JSON.stringify(exchange.request.messages) !== JSON.stringify(request.messages)) {
      throw new LlmError("replay-mismatch", `${where}: messages differ from the recording`);
    }
    if (!exchange.result.ok) return structuredClone(exchange.result);
    const value = request.schema.safeParse(exchange.result.value);
    if (!value.success) throw new LlmError("replay-mismatch", `${where}: the recorded value no longer fits the schema: ${value.error.message}`);
    return { ...structuredClone(exchange.result), value: value.data };
  }

  /** The requests received so far, in order. */
  requests(): ReadonlyArray<LlmRequest<unknown>> {
    return this.received;
  }

  /** Throws when recorded exchanges were left unused: the code under test asked less than expected. */
  assertAllUsed(): void {
    const left = [...this.queues.entries()].filter(([, queue]) => queue.length > 0).map(([purpose, queue]) => `${purpose} ×${queue.length}`);
    if (left.length > 0) throw new LlmError("unexpected-call", `recorded exchanges never asked for: ${left.join(", ")}`);
  }
}
