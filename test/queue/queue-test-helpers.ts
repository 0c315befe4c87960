import type { QueueEvent, QueueLogger } from "../../src/queue/queue-events.js";
import type { ReviewJob } from "../../src/queue/review-job.js";

let deliveries = 0;

/** A review job of `acme/shop#<pullNumber>` at `headSha`, with a fresh delivery id unless given. */
export function makeJob(overrides: Partial<ReviewJob> = {}): ReviewJob {
  deliveries++;
  return {
    deliveryId: `delivery-${deliveries}-${Math.random().toString(36).slice(2)}`,
    installationId: 1,
    owner: "acme",
    repo: "shop",
    pullNumber: 1,
    headSha: "a".repeat(40),
    baseSha: "b".repeat(40),
    trigger: "pull_request",
    full: false,
    enqueuedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A 40-hex sha made of one repeated character, for readable tests. */
export function sha(char: string): string {
  return char.repeat(40);
}

/** A promise with its resolve function, to hold a processor until the test lets it go. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Resolves when `signal` aborts, with its reason. */
export function aborted(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(signal.reason);
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(signal.reason), { once: true }));
}

/** Polls `check` until it returns true, failing with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Collects queue events; `of(type)` lists the ones of one type. */
export function eventLog() {
  const events: QueueEvent[] = [];
  return {
    events,
    onEvent: (event: QueueEvent) => void events.push(event),
    of<T extends QueueEvent["type"]>(type: T): Extract<QueueEvent, { type: T }>[] {
      return events.filter((e): e is Extract<QueueEvent, { type: T }> => e.type === type);
    },
  };
}

/** A logger that keeps what it was told, by level. */
export function recordingLogger(): QueueLogger & { lines: { level: string; obj: object; msg: string }[] } {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Records unhandled rejections while installed; `stop()` removes the listener and returns them. */
export function watchUnhandledRejections(): { stop(): unknown[] } {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  process.on("unhandledRejection", listener);
  return {
    stop() {
      process.off("unhandledRejection", listener);
      return seen;
    },
  };
}
