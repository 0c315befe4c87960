// An intake thread (see intake-pool.ts): verifies, parses and triages deliveries off the main
// thread and answers with a small outcome (jobs or a skip reason), never with the payload.
import { parentPort, workerData } from "node:worker_threads";
import { processDelivery, type IntakeConfig, type RawDelivery } from "./intake-core.js";
import { createRoutes } from "./routes.js";

export interface IntakeRequest {
  seq: number;
  raw: RawDelivery;
}

const config = workerData as IntakeConfig;
const routes = createRoutes();
const port = parentPort;
if (!port) throw new Error("intake-worker runs as a worker thread");

port.on("message", ({ seq, raw }: IntakeRequest) => {
  try {
    port.postMessage({ seq, outcome: processDelivery(raw, config, routes) });
  } catch (err) {
    port.postMessage({ seq, error: err instanceof Error ? err.message : String(err) });
  }
});
