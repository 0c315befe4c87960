/**
 * Long synchronous work (parsing a large change, running every rule over it) written as a
 * generator that yields after each unit, so one engine can run it two ways: straight through
 * (`runToEnd`: tests, eval, the CLI's timings) or in slices that give the event loop back every
 * few milliseconds (`runInSlices`: the App, where webhook answers, health checks and other jobs
 * share the thread with reviews).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long a slice may hold the event loop before the work pauses for a turn. */
export const DEFAULT_SLICE_MS = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the steps, pausing for one event-loop turn whenever a slice has run `sliceMs`; stops with
 * the signal's reason at the first pause after it is aborted (a superseded job stops its rules).
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = DEFAULT_SLICE_MS, signal?: AbortSignal): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
