// An intake thread (see intake-pool.ts): verifies, parses and triages deliveries off the main
// thread and answers with a small outcome (jobs or a skip reason), never with the payload.
import { parentPort, workerData } from "node:worker_threads";
import { movableBuffer, processDelivery, type IntakeConfig, type IntakeOutcome, type RawDelivery } from "./intake-core.js";
import { createRoutes } from "./routes.js";

export interface IntakeRequest {
  seq: number;
  raw: RawDelivery;
}

/** One delivery's outcome, or why the thread could not decide it. */
export interface IntakeReply {
  seq: number;
  outcome?: IntakeOutcome;
  error?: string;
}

const config = workerData as IntakeConfig;
const routes = createRoutes();
const port = parentPort;
if (!port) throw new Error("intake-worker runs as a worker thread");

// A message is a batch (the deliveries the main thread read in one turn). Each answer goes back
// as soon as it is known: the main thread answers GitHub while this thread works on the rest.
port.on("message", (batch: IntakeRequest[]) => {
  for (const { seq, raw } of batch) {
    let reply: IntakeReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const outcome = processDelivery(raw, config, routes);
      reply = { seq, outcome };
      // The body comes back only with a decision that asks GitHub, moved again.
      const body = outcome.kind === "decided" ? outcome.body : undefined;
      const movable = body && movableBuffer(body);
      if (movable) transfer = [movable];
    } catch (err) {
      reply = { seq, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage([reply], transfer);
  }
});
