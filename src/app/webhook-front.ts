import type { IncomingMessage, ServerResponse } from "node:http";
import type { GitHubClient } from "../github/github-client.js";
import { resolveWith, type Decision, type DeliveryRoutes } from "./delivery.js";
import type { IntakeOutcome } from "./intake-core.js";
import type { IntakePool } from "./intake-pool.js";
import { applyDecision, type IntakeDeps } from "./intake.js";

/** GitHub caps webhook payloads at 25 MB and does not send larger ones. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** GitHub gives up on a delivery after 10 s; past this the answer goes out and the work finishes after it. */
const ANSWER_BY_MS = 9_000;
/** Bytes of request bodies held at once, across deliveries; past it a delivery gets a 503. */
export const MAX_IN_FLIGHT_BYTES = 256 * 1024 * 1024;

export interface WebhookFrontOptions {
  /** Where GitHub posts deliveries; Probot's default is `/api/github/webhooks`. */
  path: string;
  /** Verifies, parses and triages (on intake threads, or inline). */
  intake: IntakePool;
  /** The same routes the intake threads triage with, for the `resolve` step of `ask-github` decisions. */
  routes: DeliveryRoutes;
  /** Queue, metrics, log and check name: where decisions are applied. */
  deps: IntakeDeps;
  /** An installation client, made only for a route that asks GitHub (e.g. `/review`'s permission check). */
  octokitFor(installationId: number): Promise<GitHubClient>;
  maxBodyBytes?: number;
  /** Bytes of bodies held at once across deliveries (default 256 MiB). */
  maxInFlightBytes?: number;
  /** How long a route asking GitHub may take before the answer goes out anyway (GitHub waits 10 s). */
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

const JSON_TYPE = "application/json; charset=utf-8";
const ACCEPTED = Buffer.from(JSON.stringify({ ok: true, handled: true }));
const IGNORED = Buffer.from(JSON.stringify({ ok: true, handled: false }));
const FINISHING = Buffer.from(JSON.stringify({ ok: true, handled: true, finishing: true }));

function send(res: ServerResponse, status: number, body: Buffer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": body.length });
  res.end(body);
}

/** The path without trailing slashes (a loop: `/\/+$/` backtracks quadratically on many slashes). */
function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Bytes of bodies being read or held across deliveries, against a ceiling. */
interface ByteBudget {
  used: number;
  max: number;
}

/** Bodies up to this size are read straight into a buffer of their declared length. */
const PREALLOCATE_MAX_BYTES = 1024 * 1024;

/**
 * Reads the whole body into one buffer of its own (moved as is to an intake thread). Over `limit`
 * it is refused unread; while the deliveries in flight hold `budget.max` bytes, with 503. Bytes
 * are charged as they arrive, never on a declared length alone, so headers promising a large body
 * cost nothing until the bytes come; a body that never comes is cut off by the server's request
 * timeout (`server.ts`: 408 after 10 s, GitHub's own limit). What it holds is reported through
 * `charge`.
 */
function readBody(req: IncomingMessage, limit: number, budget: ByteBudget, charge: (bytes: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declaredHeader = header(req, "content-length");
    const declared = declaredHeader === undefined ? undefined : Number(declaredHeader);
    const refuse = (rejection: Rejection) => {
      req.removeAllListeners("data");
      req.resume();
      reject(rejection);
    };
    if (declared !== undefined && declared > limit) return refuse(new Rejection(413, `payload of ${declared} bytes is over the ${limit}-byte limit`, "rejected:too-large"));
    // A small body with a length (GitHub always sends one) is read straight into its own buffer;
    // others are gathered and joined at the end (held twice meanwhile).
    const sized = declared !== undefined && Number.isInteger(declared) && declared >= 0 && declared <= PREALLOCATE_MAX_BYTES;
    const body = sized ? new Uint8Array(declared) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      const cost = body ? chunk.length : 2 * chunk.length;
      if (size + chunk.length > (body ? body.length : limit)) return refuse(new Rejection(413, `payload is over the ${body ? "declared" : `${limit}-byte`} limit`, "rejected:too-large"));
      if (budget.used + cost > budget.max) return refuse(new Rejection(503, "too many deliveries in flight; redeliver this one", "rejected:busy"));
      charge(cost);
      if (body) body.set(chunk, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    req.on("end", () => {
      if (body) return resolve(body.length === size ? body : body.subarray(0, size).slice());
      const joined = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        joined.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(joined);
    });
    // The client went away or the server's request timeout cut a slow body off (Node answered 408).
    req.on("error", () => reject(new Rejection(408, "the request was aborted before its body arrived", "rejected:aborted")));
  });
}

/**
 * The App's webhook intake, in front of Probot: read the body; verify the signature, parse and
 * triage on an intake thread; enqueue the jobs (written to the queue's journal) or record the
 * skip; answer 202. No Probot Context and no Octokit is built unless a route asks GitHub
 * (`/review`), which is what made Probot's own path cost about three times a bare server's
 * latency under a burst. Events the App has no route for are answered 202 and dropped; a failure
 * gets a 500, so GitHub shows the delivery as failed and it can be redelivered.
 */
export function createWebhookFront(options: WebhookFrontOptions) {
  const limit = options.maxBodyBytes ?? MAX_WEBHOOK_BYTES;
  // As Probot's middleware does, `/api/github/webhooks/` is the same path as `/api/github/webhooks`.
  const path = trimSlashes(options.path);
  const answerBy = options.answerByMs ?? ANSWER_BY_MS;
  const { deps } = options;
  const count = (event: string, outcome: string) => deps.metrics.deliveries.inc({ event, outcome });
  const bytes: ByteBudget = { used: 0, max: options.maxInFlightBytes ?? MAX_IN_FLIGHT_BYTES };
  /** Work still running after its answer went out (a slow GitHub question): shutdown waits for it. */
  const late = new Set<Promise<void>>();

  /** Finishes an `ask-github` decision on this thread: the payload is parsed again here (commands are rare). */
  async function askGitHub(body: Uint8Array, name: string, id: string): Promise<Decision> {
    const payload = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8")) as Record<string, unknown>;
    const route = options.routes.find(name, payload.action);
    if (!route) throw new Error(`no route for ${name} on the main thread`);
    let client: Promise<GitHubClient> | undefined;
    const octokit = () => {
      const installation = (payload.installation as { id?: unknown } | undefined)?.id;
      if (typeof installation !== "number") return Promise.reject(new Error(`${name} delivery ${id} names no installation`));
      return (client ??= options.octokitFor(installation));
    };
    return resolveWith(route, { id, name: name as never, payload: payload as never }, { checkName: deps.checkName, log: deps.log, octokit });
  }

  async function webhookFront(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (trimSlashes((req.url ?? "/").split("?")[0]) !== path || req.method !== "POST") return false;

    const name = header(req, "x-github-event");
    const id = header(req, "x-github-delivery");
    const signature = header(req, "x-hub-signature-256");
    // Counted as "unverified" until the signature holds: a label from an unsigned header would let
    // anyone grow /metrics without bound.
    let event = "unverified";
    let held = 0;
    try {
      const missing = [!name && "x-github-event", !id && "x-github-delivery", !signature && "x-hub-signature-256"].filter(Boolean);
      if (missing.length > 0) throw new Rejection(400, `required headers missing: ${missing.join(", ")}`, "rejected:headers");
      const type = header(req, "content-type") ?? "";
      if (!/^application\/json\b/i.test(type)) {
        throw new Rejection(415, `content type must be application/json (set the App's webhook to JSON), got "${type}"`, "rejected:content-type");
      }
      const body = await readBody(req, limit, bytes, (n) => {
        held += n;
        bytes.used += n;
      });
      const outcome: IntakeOutcome = await options.intake.process({ name: name!, id: id!, signature: signature!, body });
      if (outcome.kind === "rejected") throw new Rejection(outcome.status, outcome.message, outcome.outcome);
      event = outcome.kind === "unrouted" ? outcome.event : outcome.decision.event;
      if (outcome.kind === "unrouted") {
        count(event, "ignored");
        send(res, 202, IGNORED);
        return true;
      }
      if (outcome.decision.kind !== "ask-github") {
        await applyDecision(deps, outcome.decision);
        send(res, 202, ACCEPTED);
        return true;
      }
      // The body moved to the intake thread comes back with an outcome that asks GitHub.
      const work = askGitHub(outcome.body ?? body, name!, id!).then((decision) => applyDecision(deps, decision));
      let timer: NodeJS.Timeout | undefined;
      const answerNow = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), answerBy)));
      const first = await Promise.race([work.then(() => "done" as const), answerNow]).finally(() => clearTimeout(timer));
      if (first === "late") {
        deps.log.warn({ event, delivery: id }, `still asking GitHub after ${answerBy} ms; answered 202 and let it finish`);
        send(res, 202, FINISHING);
        const finishing = work.catch((err: unknown) => {
          count(event, "error");
          deps.log.error({ event, delivery: id, err: err instanceof Error ? err.message : String(err) }, "webhook handler failed after the answer");
        });
        late.add(finishing);
        void finishing.finally(() => late.delete(finishing));
        return true;
      }
      send(res, 202, ACCEPTED);
    } catch (err) {
      if (err instanceof Rejection) {
        count(event, err.outcome);
        deps.log.warn({ event, delivery: id, status: err.status }, `webhook delivery rejected: ${err.message}`);
        send(res, err.status, Buffer.from(JSON.stringify({ error: err.message })));
      } else {
        count(event, "error");
        deps.log.error({ event, delivery: id, err: err instanceof Error ? err.message : String(err) }, "webhook handler failed");
        send(res, 500, Buffer.from(JSON.stringify({ error: "the delivery could not be processed; see the App's log" })));
      }
    } finally {
      bytes.used -= held;
    }
    return true;
  }

  /** Waits (at most `timeoutMs`) for work that outlived its answer, before the queue closes under it. */
  async function drain(timeoutMs = 10_000): Promise<void> {
    if (late.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...late]), timeout]).finally(() => clearTimeout(timer));
    if (late.size > 0) deps.log.warn({ unfinished: late.size }, "stopping with webhook work still asking GitHub; those deliveries can be redelivered");
  }

  return Object.assign(webhookFront, { drain });
}
