import type { LlmPort, LlmRequest, LlmResult } from "./llm-port.js";
import { toExchange, writeRecording, type RecordedExchange } from "./recorded-exchange.js";

/**
 * Records every request and result of another port, in call order, for replay by a ScriptedLlm
 * (e.g. record one review against a real model, then test the pipeline offline). Wrap the raw
 * model port, under any budget, so replays see model answers rather than budget refusals.
 */
export class RecordingLlm implements LlmPort {
  private readonly recorded: RecordedExchange[] = [];

  constructor(private readonly inner: LlmPort) {}

  async complete<T>(request: LlmRequest<T>, signal?: AbortSignal): Promise<LlmResult<T>> {
    const result = await this.inner.complete(request, signal);
    this.recorded.push(toExchange(request, result));
    return result;
  }

  /** The exchanges so far. */
  exchanges(): RecordedExchange[] {
    return structuredClone(this.recorded);
  }

  /** Writes the exchanges so far to `path` (a recording file ScriptedLlm.fromFile reads). */
  async save(path: string): Promise<void> {
    await writeRecording(path, this.recorded);
  }
}
