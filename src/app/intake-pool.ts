import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Logger } from "probot";
import { inlineIntake, movableBuffer, type IntakeConfig, type IntakeOutcome, type RawDelivery } from "./intake-core.js";
import type { IntakeReply, IntakeRequest } from "./intake-worker.js";
import { createRoutes } from "./routes.js";

export interface IntakePoolOptions extends IntakeConfig {
  /** Intake threads; 0 runs intake inline on the main thread. Default: {@link defaultIntakeThreads}. */
  threads?: number;
  log: Logger;
  /** Starts one intake thread (tests give one that fails); default: the intake-worker script. */
  spawn?: (config: IntakeConfig) => Worker;
  /**
   * A delivery still undecided after this long stops its thread (its deliveries get a 500 and can
   * be redelivered) and a new thread starts: nothing an attacker sends can hold intake for good.
   * Default 5 s.
   */
  timeoutMs?: number;
}

/** Verifies, parses and triages deliveries, on intake threads or inline. */
export interface IntakePool {
  process(raw: RawDelivery): Promise<IntakeOutcome>;
  /** Threads running now (0 when inline). */
  readonly threads: number;
  /** The live threads (for shutdown and tests). */
  workers(): Worker[];
  close(): Promise<void>;
}

/** One thread per core beyond the first (which serves HTTP and runs the queue), at most 2. */
export function defaultIntakeThreads(cores = availableParallelism()): number {
  return Math.max(0, Math.min(2, cores - 1));
}

interface Slot {
  worker: Worker;
  /** Requests waiting for the end of this event-loop turn, sent together in one message. */
  outbox: IntakeRequest[];
  transfers: ArrayBuffer[];
  /** In send order, so the first is the oldest. */
  inFlight: Map<number, { resolve(outcome: IntakeOutcome): void; reject(err: Error): void; sentAt: number }>;
  /** Answered at least once, or stopped by the watchdog: either way it did start. */
  started: boolean;
}

/**
 * The worker script: the compiled `.js` beside this module, or, when the App runs from its
 * TypeScript sources (the tests), the `.ts` file loaded through tsx.
 */
function spawnWorker(config: IntakeConfig): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const script = new URL(fromSource ? "./intake-worker.ts" : "./intake-worker.js", import.meta.url);
  const workerData: IntakeConfig = { secret: config.secret, checkName: config.checkName };
  if (!fromSource) return new Worker(script, { workerData, name: "patchwarden-intake" });
  const bootstrap = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, name: "patchwarden-intake" });
}

/**
 * Signature verification (HMAC-SHA256 over the whole body) and JSON parsing are most of what a
 * delivery costs the App; on intake threads they run beside the main thread, which keeps only
 * the socket I/O, the queue and the answer. A thread that dies fails its in-flight deliveries
 * (answered 500, so GitHub can redeliver them) and is replaced.
 */
export function createIntakePool(options: IntakePoolOptions): IntakePool {
  const config: IntakeConfig = { secret: options.secret, checkName: options.checkName };
  const count = options.threads ?? defaultIntakeThreads();
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`intake threads must be a whole number ≥ 0, got ${count}`);
  const { log } = options;
  const spawn = options.spawn ?? spawnWorker;

  if (count === 0) {
    const decide = inlineIntake(config, createRoutes());
    return {
      threads: 0,
      process: async (raw) => decide(raw),
      workers: () => [],
      close: async () => undefined,
    };
  }

  const timeoutMs = options.timeoutMs ?? 5_000;
  const slots: Slot[] = [];
  let seq = 0;
  let closing = false;
  /** Threads in a row that died before answering anything; past a few, intake runs inline instead. */
  let failedStarts = 0;
  let inline: ((raw: RawDelivery) => IntakeOutcome) | undefined;

  function start(): Slot {
    const slot: Slot = { worker: spawn(config), outbox: [], transfers: [], inFlight: new Map(), started: false };
    slot.worker.on("message", (replies: IntakeReply[]) => {
      if (!slot.started) {
        slot.started = true;
        failedStarts = 0;
      }
      for (const reply of replies) {
        const pending = slot.inFlight.get(reply.seq);
        if (!pending) continue;
        slot.inFlight.delete(reply.seq);
        if (reply.outcome) pending.resolve(reply.outcome);
        else pending.reject(new Error(`intake thread failed: ${reply.error ?? "no outcome"}`));
      }
    });
    const lost = (why: string) => {
      const index = slots.indexOf(slot);
      if (index < 0) return;
      slots.splice(index, 1);
      const inFlight = slot.inFlight.size;
      for (const pending of slot.inFlight.values()) pending.reject(new Error(`intake thread stopped (${why})`));
      slot.inFlight.clear();
      if (closing) return;
      if (!slot.started && ++failedStarts >= 3) {
        if (slots.length === 0 && !inline) {
          log.error({ why }, "intake threads cannot start; verifying and parsing deliveries on the main thread");
          inline = inlineIntake(config, createRoutes());
        }
        return;
      }
      log.error({ why, inFlight }, "intake thread stopped; starting another");
      slots.push(start());
    };
    slot.worker.on("error", (err) => lost(err.message));
    slot.worker.on("exit", (code) => lost(`exit code ${code}`));
    // An idle intake thread must not keep the process alive.
    slot.worker.unref();
    return slot;
  }

  for (let i = 0; i < count; i++) slots.push(start());

  function flush(slot: Slot): void {
    if (slot.outbox.length === 0 || !slots.includes(slot)) return;
    const batch = slot.outbox;
    const transfers = slot.transfers;
    slot.outbox = [];
    slot.transfers = [];
    // The watchdog times a delivery from when the thread gets it.
    const now = performance.now();
    for (const { seq } of batch) {
      const pending = slot.inFlight.get(seq);
      if (pending) pending.sentAt = now;
    }
    try {
      slot.worker.postMessage(batch, transfers);
    } catch (err) {
      for (const { seq } of batch) {
        slot.inFlight.get(seq)?.reject(new Error(`could not hand the delivery to an intake thread: ${err instanceof Error ? err.message : String(err)}`));
        slot.inFlight.delete(seq);
      }
    }
  }

  // The watchdog: a thread whose oldest delivery is overdue is stopped (and replaced on exit).
  const watchdog = setInterval(
    () => {
      const now = performance.now();
      for (const slot of slots) {
        const oldest = slot.inFlight.values().next().value;
        if (!oldest || now - oldest.sentAt <= timeoutMs) continue;
        slot.started = true;
        log.error({ timeoutMs, inFlight: slot.inFlight.size }, "an intake thread took too long on a delivery; stopping it");
        void slot.worker.terminate();
      }
    },
    Math.max(10, Math.min(1_000, timeoutMs / 4)),
  );
  watchdog.unref();

  return {
    get threads() {
      return slots.length;
    },
    process(raw) {
      if (closing) return Promise.reject(new Error("intake is closed"));
      if (slots.length === 0 && inline) return Promise.resolve(inline(raw));
      if (slots.length === 0) return Promise.reject(new Error("no intake thread is running"));
      // The least busy thread; ties go to the first.
      let slot = slots[0];
      for (const candidate of slots) if (candidate.inFlight.size < slot.inFlight.size) slot = candidate;
      const id = ++seq;
      return new Promise<IntakeOutcome>((resolve, reject) => {
        slot.inFlight.set(id, { resolve, reject, sentAt: performance.now() });
        // A body that owns its whole buffer is moved, not copied; the thread hands it back with an
        // outcome that asks GitHub (the main thread parses it then).
        const movable = movableBuffer(raw.body);
        slot.outbox.push({ seq: id, raw });
        if (movable) slot.transfers.push(movable);
        // Deliveries read in one turn travel in one message: under a burst, the per-message cost
        // on this thread is paid once per turn instead of once per delivery.
        if (slot.outbox.length === 1) setImmediate(() => flush(slot));
      });
    },
    workers: () => slots.map((slot) => slot.worker),
    async close() {
      closing = true;
      clearInterval(watchdog);
      const stopping = slots.splice(0);
      for (const slot of stopping) for (const pending of slot.inFlight.values()) pending.reject(new Error("intake is closed"));
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
