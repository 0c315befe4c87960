import { classifyHttpError, type RetryDecision } from "./retry-decision.js";

/** How {@link retryWithBackoff} retries. */
export interface RetryOptions {
  /** Tries in all, the first included (1 = no retry). */
  attempts: number;
  /** First backoff step; doubles per retry. */
  baseMs: number;
  /** Longest single wait. A server asking for a longer `retry-after` ends the retries instead. */
  maxMs: number;
  /** Stops waiting and retrying at once; the pending wait rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Which errors are worth another try (default: 429, 5xx and connection failures). */
  classify?: (error: unknown) => RetryDecision;
  /** Called before each wait, e.g. to log. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  /** Random source in [0, 1) for the jitter (tests pin it). */
  random?: () => number;
}

/**
 * Runs `fn` until it succeeds, a failure is not retryable, the attempts run out or `signal`
 * aborts; the last error is rethrown. Waits the server's `retry-after` when it gave one, else an
 * exponential step with jitter (half fixed, half random) so that many reviews hitting one rate
 * limit do not come back in lockstep.
 */
export async function retryWithBackoff<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { attempts, baseMs, maxMs, signal } = options;
  const classify = options.classify ?? classifyHttpError;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= attempts || signal?.aborted) throw error;
      const decision = classify(error);
      if (!decision.retry) throw error;
      const step = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const delayMs = decision.afterMs ?? step / 2 + (random() * step) / 2;
      if (delayMs > maxMs) throw error;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, signal);
    }
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
