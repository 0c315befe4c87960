import { createHmac, timingSafeEqual } from "node:crypto";
import type { Decision, DeliveryRoutes, TriageContext } from "./delivery.js";

/** A delivery as it came off the wire, before anything is trusted. */
export interface RawDelivery {
  /** `X-GitHub-Event`. */
  name: string;
  /** `X-GitHub-Delivery`. */
  id: string;
  /** `X-Hub-Signature-256`. */
  signature: string;
  body: Uint8Array;
}

/** What intake makes of a raw delivery. */
export type IntakeOutcome =
  | { kind: "rejected"; event: string; status: number; message: string; outcome: string }
  | { kind: "unrouted"; event: string }
  | { kind: "decided"; decision: Decision; body?: Uint8Array };

export interface IntakeConfig extends TriageContext {
  /** The App's webhook secret. */
  secret: string;
}

/**
 * The buffer a body can be moved through (a `postMessage` transfer) without taking anything else
 * with it: only when the body is the whole of its own ArrayBuffer.
 */
export function movableBuffer(body: Uint8Array): ArrayBuffer | undefined {
  const { buffer } = body;
  return buffer instanceof ArrayBuffer && body.byteOffset === 0 && body.byteLength === buffer.byteLength ? buffer : undefined;
}

/** Verify, parse and triage with one routes table, on the calling thread. */
export function inlineIntake(config: IntakeConfig, routes: DeliveryRoutes): (raw: RawDelivery) => IntakeOutcome {
  return (raw) => processDelivery(raw, config, routes);
}

/** GitHub sends `sha256=` and 64 lower-case hex digits. */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/;

/**
 * GitHub's webhook signature check: HMAC-SHA256 of the exact body bytes with the webhook
 * secret, compared in constant time
 * (https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries).
 */
export function signatureMatches(secret: string, body: Uint8Array, signature: string): boolean {
  const given = SIGNATURE.exec(signature);
  if (!given) return false;
  const digest = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(Buffer.from(given[1], "hex"), digest);
}

const reject = (event: string, status: number, message: string, outcome: string): IntakeOutcome => ({ kind: "rejected", event, status, message, outcome });

/**
 * Verify, parse, triage: everything intake does before it touches the queue or GitHub. Pure and
 * synchronous, so it runs unchanged on an intake thread or inline on the main thread.
 */
export function processDelivery(raw: RawDelivery, config: IntakeConfig, routes: DeliveryRoutes): IntakeOutcome {
  if (!signatureMatches(config.secret, raw.body, raw.signature)) return reject(raw.name, 401, "signature does not match the webhook secret", "rejected:signature");
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(raw.body.buffer, raw.body.byteOffset, raw.body.byteLength).toString("utf8"));
  } catch {
    return reject(raw.name, 400, "payload is not valid JSON", "rejected:json");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return reject(raw.name, 400, "payload is not a JSON object", "rejected:json");
  const action = (payload as { action?: unknown }).action;
  const event = typeof action === "string" ? `${raw.name}.${action}` : raw.name;
  const route = routes.find(raw.name, action);
  if (!route) return { kind: "unrouted", event };
  const decision = route.triage({ id: raw.id, name: raw.name as never, payload: payload as never }, { checkName: config.checkName });
  // A decision that asks GitHub is finished on the main thread, from the body.
  return decision.kind === "ask-github" ? { kind: "decided", decision, body: raw.body } : { kind: "decided", decision };
}
