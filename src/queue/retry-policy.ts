/**
 * Thrown by a JobProcessor for a failure that may pass on its own (a 5xx from GitHub, a rate
 * limit, a timeout): the queue runs the job again later, up to its attempt limit. Any other error
 * fails the job at once, since running the same code on the same commit would fail the same way.
 */
export class RetryableJobError extends Error {
  override readonly name = "RetryableJobError";
  /** Wait at least this long before the next attempt (e.g. from a `retry-after` header). */
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * True for a RetryableJobError, also one built by another copy of this module (the name is the
 * stable part: a worker bundle or a test's module registry can hold a second class object).
 */
export function isRetryableJobError(err: unknown): err is RetryableJobError {
  return err instanceof RetryableJobError || (err instanceof Error && err.name === "RetryableJobError");
}

/** How often and how patiently a queue retries a job whose processor threw a RetryableJobError. */
export interface RetryPolicy {
  /** Total runs of one job, the first included. 1 disables retries. */
  attempts: number;
  /** Delay before the second run; each later one doubles it. */
  backoffMs: number;
  /** No delay grows beyond this, `retryAfterMs` included. */
  maxBackoffMs: number;
}

/** Defaults: three runs, 1 s then 2 s apart, never more than a minute. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 3, backoffMs: 1000, maxBackoffMs: 60_000 };

/**
 * Delay before the next run after run number `attempt` (1-based) failed with `err`: exponential
 * backoff, raised to the error's `retryAfterMs` when that is longer, capped at `maxBackoffMs`.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, err: unknown): number {
  const exponential = policy.backoffMs * 2 ** Math.max(0, attempt - 1);
  const asked = isRetryableJobError(err) ? (err.retryAfterMs ?? 0) : 0;
  return Math.min(policy.maxBackoffMs, Math.max(exponential, asked));
}

/** Whether run number `attempt` (1-based) that failed with `err` earns another run. */
export function shouldRetry(policy: RetryPolicy, attempt: number, err: unknown): boolean {
  return isRetryableJobError(err) && attempt < policy.attempts;
}
