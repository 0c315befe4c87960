import { llmFailure, type LlmPort, type LlmRequest, type LlmResult } from "./llm-port.js";

/**
 * Stops calling an endpoint that is down. Each call already retries; without this, a review of
 * twenty chunks against a dead endpoint would wait out twenty rounds of retries or timeouts. After
 * `threshold` consecutive outages (unavailable or timeout) the rest of the review is skipped at
 * once. One instance per review, so the next review tries again.
 */
export class CircuitLlm implements LlmPort {
  private consecutiveOutages = 0;

  constructor(
    private readonly inner: LlmPort,
    private readonly threshold = 2,
  ) {}

  async complete<T>(request: LlmRequest<T>, signal?: AbortSignal): Promise<LlmResult<T>> {
    if (this.consecutiveOutages >= this.threshold) {
      return llmFailure("unavailable", `LLM ${request.purpose} skipped: the endpoint failed ${this.consecutiveOutages} calls in a row earlier in this review`);
    }
    const result = await this.inner.complete(request, signal);
    if (result.ok) this.consecutiveOutages = 0;
    else if (result.reason === "unavailable" || result.reason === "timeout") this.consecutiveOutages += 1;
    return result;
  }
}
