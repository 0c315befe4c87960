import { request, type Agent } from "node:http";
import type { SignedDelivery } from "./webhook-deliveries.js";

/** One answered delivery. */
export interface DeliveryAnswer {
  status: number;
  /** From the first byte sent (including any wait for a free socket) to the end of the answer. */
  ms: number;
}

/** A request that gets no answer within this is an error, so a stuck server cannot hang the bench. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Posts one delivery the way GitHub does (JSON body, event, delivery id and signature headers). */
export function postDelivery(agent: Agent, url: string, delivery: SignedDelivery): Promise<DeliveryAnswer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, {
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(delivery.body),
        "user-agent": "GitHub-Hookshot/patchwarden-bench",
        "x-github-event": delivery.event,
        "x-github-delivery": delivery.id,
        "x-hub-signature-256": delivery.signature,
      },
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.end(delivery.body);
  });
}

/** A burst's answers and its wall time (first send to last answer). */
export interface BurstResult {
  answers: DeliveryAnswer[];
  wallMs: number;
}

/** Sends every delivery at once; the agent's `maxSockets` decides how many are on the wire together. */
export async function sendBurst(agent: Agent, url: string, deliveries: readonly SignedDelivery[]): Promise<BurstResult> {
  const started = performance.now();
  const answers = await Promise.all(deliveries.map((delivery) => postDelivery(agent, url, delivery)));
  return { answers, wallMs: performance.now() - started };
}
