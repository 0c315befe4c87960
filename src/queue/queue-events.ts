/**
 * The pino-compatible slice of a logger the queues write to (`app.log`, `context.log` or a child
 * of either fits). Structured first argument, message second.
 */
export interface QueueLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * What a queue reports to `onEvent`, for metrics and tests. One event per state change of one job;
 * `pull` is the job's `pullKey`.
 */
export type QueueEvent =
  | { type: "queued"; jobId: string; pull: string; superseded: string[] }
  | { type: "duplicate"; jobId: string; pull: string; reason: "delivery" | "job-id" }
  | { type: "superseded"; jobId: string; pull: string; by: string; state: "waiting" | "active" }
  | { type: "started"; jobId: string; pull: string; attempt: number }
  | { type: "completed"; jobId: string; pull: string; attempt: number; ms: number }
  | { type: "retrying"; jobId: string; pull: string; attempt: number; delayMs: number; error: string }
  | { type: "failed"; jobId: string; pull: string; attempt: number; error: string }
  /** The job's signal was aborted (superseded or shutdown) and its processor settled. */
  | { type: "aborted"; jobId: string; pull: string; reason: "superseded" | "shutdown" };

/** Callback a queue hands its events to; an exception thrown here is logged and ignored. */
export type QueueEventListener = (event: QueueEvent) => void;

/** Delivers an event without letting a faulty listener break the queue that emitted it. */
export function emitQueueEvent(
  listener: QueueEventListener | undefined,
  event: QueueEvent,
  log: QueueLogger | undefined,
): void {
  if (!listener) return;
  try {
    listener(event);
  } catch (err) {
    log?.warn({ err, event: event.type, jobId: event.jobId }, "queue event listener threw");
  }
}

/** One line describing a thrown value, for events and logs. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
