import { JobSupersededError, QueueShutdownError } from "./abort-reasons.js";
import { isRetryableJobError, shouldRetry, type RetryPolicy } from "./retry-policy.js";

/** How one run of a job ended, as the journal sees it. */
export interface RunEnd {
  /** The signal the run was given. */
  signal: AbortSignal;
  /** Whether the processor threw (`err`) rather than returned. */
  threw: boolean;
  err?: unknown;
  /** Which run of the job this was, 1-based. */
  attempt: number;
  /** The queue's retry policy, to tell a retry to come from a last attempt. */
  policy: RetryPolicy;
  /** The queue is closing: it will not run the job again in this process. */
  closing: boolean;
}

/** `name` is the stable part: a second copy of the module (a bundle, a test registry) has other classes. */
function isError(value: unknown, type: typeof JobSupersededError | typeof QueueShutdownError): boolean {
  return value instanceof type || (value instanceof Error && value.name === type.name);
}

/**
 * Whether a job's run ended it (`done`: never replay it) or leaves it to a later run (`pending`).
 * A shutdown abort stays pending even when the processor returned quietly, as the review processor
 * does: the review was cut short and the next start must run it. A superseded job is done (a newer
 * one replaces it), and so is a success or a failure that retrying cannot fix. A retryable failure
 * stays pending while the queue will retry it, or when the queue is closing and will not: the next
 * process then gets the retry this one could not give.
 */
export function journalVerdict(end: RunEnd): "done" | "pending" {
  const { signal, threw, err } = end;
  if (signal.aborted && isError(signal.reason, QueueShutdownError)) return "pending";
  if (signal.aborted && isError(signal.reason, JobSupersededError)) return "done";
  if (!threw || !isRetryableJobError(err)) return "done";
  return end.closing || shouldRetry(end.policy, end.attempt, err) ? "pending" : "done";
}
