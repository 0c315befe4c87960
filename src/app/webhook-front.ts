import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "probot";
import type { GitHubClient } from "../github/github-client.js";
import type { DeliveryRoutes } from "./delivery.js";
import type { AppMetrics } from "./metrics.js";

/** GitHub caps webhook payloads at 25 MB and does not send larger ones. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** GitHub gives up on a delivery after 10 s; past this the answer goes out and the handler finishes after it. */
const ANSWER_BY_MS = 9_000;
/** GitHub sends `sha256=` and 64 lower-case hex digits. */
const SIGNATURE = /^sha256=([0-9a-f]{64})$/;

export interface WebhookFrontOptions {
  /** The App's webhook secret (GitHub signs every delivery with it: `X-Hub-Signature-256`). */
  secret: string;
  /** Where GitHub posts deliveries; Probot's default is `/api/github/webhooks`. */
  path: string;
  routes: DeliveryRoutes;
  /** An installation client, made only for a handler that asks (e.g. `/review`'s permission check). */
  octokitFor(installationId: number): Promise<GitHubClient>;
  log: Logger;
  metrics?: AppMetrics;
  maxBodyBytes?: number;
  /** How long a handler may run before the answer goes out anyway (GitHub waits 10 s). */
  answerByMs?: number;
}

class Rejection extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly outcome: string,
  ) {
    super(message);
  }
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the body, hashing it as it arrives; rejects bodies over `limit` without buffering them. */
function readSignedBody(req: IncomingMessage, secret: string, limit: number): Promise<{ body: Buffer; digest: Buffer }> {
  return new Promise((resolve, reject) => {
    const declared = Number(header(req, "content-length"));
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(new Rejection(413, `payload of ${declared} bytes is over the ${limit}-byte limit`, "rejected:too-large"));
      return;
    }
    const hmac = createHmac("sha256", secret);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new Rejection(413, `payload is over the ${limit}-byte limit`, "rejected:too-large"));
        return;
      }
      hmac.update(chunk);
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks, size), digest: hmac.digest() }));
    req.on("error", reject);
  });
}

/**
 * The App's webhook intake, in front of Probot: verify the signature, parse, dispatch to the
 * handler for the event (which guards on the payload and enqueues), answer 202. No Probot Context
 * and no Octokit is built unless a handler asks for one, which is what made Probot's own path
 * cost about twice a bare server's latency under a burst. Events the App has no handler for are
 * answered 202 and dropped; a handler that fails gets a 500, so GitHub shows the delivery as
 * failed and it can be redelivered.
 */
export function createWebhookFront(options: WebhookFrontOptions) {
  const limit = options.maxBodyBytes ?? MAX_WEBHOOK_BYTES;
  const answerBy = options.answerByMs ?? ANSWER_BY_MS;
  const count = (event: string, outcome: string) => options.metrics?.deliveries.inc({ event, outcome });

  return async function webhookFront(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== options.path || req.method !== "POST") return false;

    const name = header(req, "x-github-event");
    const id = header(req, "x-github-delivery");
    const signature = header(req, "x-hub-signature-256");
    let event = name ?? "unknown";
    try {
      const missing = [!name && "x-github-event", !id && "x-github-delivery", !signature && "x-hub-signature-256"].filter(Boolean);
      if (missing.length > 0) throw new Rejection(400, `required headers missing: ${missing.join(", ")}`, "rejected:headers");
      const type = header(req, "content-type") ?? "";
      if (!/^application\/json\b/i.test(type)) {
        throw new Rejection(415, `content type must be application/json (set the App's webhook to JSON), got "${type}"`, "rejected:content-type");
      }
      const { body, digest } = await readSignedBody(req, options.secret, limit);
      const given = SIGNATURE.exec(signature ?? "");
      if (!given || !timingSafeEqual(Buffer.from(given[1], "hex"), digest)) {
        throw new Rejection(401, "signature does not match the webhook secret", "rejected:signature");
      }
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
      } catch {
        throw new Rejection(400, "payload is not valid JSON", "rejected:json");
      }
      if (typeof payload !== "object" || payload === null || Array.isArray(payload)) throw new Rejection(400, "payload is not a JSON object", "rejected:json");
      if (typeof payload.action === "string") event = `${name}.${payload.action}`;

      const handler = options.routes.find(name!, payload.action);
      if (!handler) {
        count(event, "ignored");
        answer(res, 202, { ok: true, handled: false });
        return true;
      }
      let client: Promise<GitHubClient> | undefined;
      const octokit = () => {
        const installation = (payload.installation as { id?: unknown } | undefined)?.id;
        if (typeof installation !== "number") return Promise.reject(new Error(`${event} delivery ${id} names no installation`));
        return (client ??= options.octokitFor(installation));
      };
      const run = handler({ id: id!, name: name as never, payload: payload as never, octokit });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), answerBy)));
      const first = await Promise.race([run.then(() => "done" as const), late]).finally(() => clearTimeout(timer));
      if (first === "late") {
        options.log.warn({ event, delivery: id }, `handler still running after ${answerBy} ms; answered 202 and let it finish`);
        answer(res, 202, { ok: true, handled: true, finishing: true });
        run.catch((err: unknown) => options.log.error({ event, delivery: id, err: err instanceof Error ? err.message : String(err) }, "webhook handler failed after the answer"));
        return true;
      }
      answer(res, 202, { ok: true, handled: true });
    } catch (err) {
      if (err instanceof Rejection) {
        count(event, err.outcome);
        options.log.warn({ event, delivery: id, status: err.status }, `webhook delivery rejected: ${err.message}`);
        answer(res, err.status, { error: err.message });
      } else {
        count(event, "error");
        options.log.error({ event, delivery: id, err: err instanceof Error ? err.message : String(err) }, "webhook handler failed");
        answer(res, 500, { error: "the handler failed; see the App's log" });
      }
    }
    return true;
  };
}
