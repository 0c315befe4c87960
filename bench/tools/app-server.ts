import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Writable } from "node:stream";
import pino from "pino";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot, ProbotOctokit, Server, type ApplicationFunction } from "probot";
import { createPatchwardenApp, type AppRuntime } from "../../src/app/index.js";
import { readEnv } from "../../src/config/env.js";
import { startAppServer as startFrontServer } from "../../src/app/server.js";
import { openJournaledMemoryQueue } from "../../src/queue/journaled-memory-queue.js";
import type { QueueEvent } from "../../src/queue/queue-events.js";

/** The App's id in the JWTs it signs; the stand-in does not check it. */
const APP_ID = 4242;

/**
 * Probot's Octokit with the throttling plugin's pacing off (about one write a second per
 * installation, three for writes that notify people). Intake makes no GitHub request, so pacing
 * only changes how long the writes-per-review measurement waits on its five writes. Probot
 * replaces a `throttle` object given through `defaults({...})`, hence the function form applied
 * after Probot's own.
 */
const UnpacedOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object), enabled: false },
}));

/** A port free on 127.0.0.1 right now (Probot's Server treats port 0 as "use 3000"). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => resolve());
  });
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

let privateKey: string | undefined;

/**
 * Logs at `info`, as a production App runs, into a stream that drops them: the servers pay for
 * their log lines (the App's "review queued", Probot's request log) and stdout stays the bench's.
 */
function discardingLogger() {
  return pino({ level: "info" }, new Writable({ write: (_chunk, _encoding, done) => done() }));
}

/** Probot options for the stand-in: a throwaway RSA key, logs at info into a discarding stream. */
async function probotDefaults(options: ProbotServerOptions) {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return {
    appId: APP_ID,
    privateKey,
    secret: options.secret,
    baseUrl: options.baseUrl,
    log: discardingLogger(),
    Octokit: UnpacedOctokit,
  };
}

/** Options every Probot server of the bench shares. */
export interface ProbotServerOptions {
  /** The api.github.com stand-in's base URL. */
  baseUrl: string;
  /** Webhook secret the deliveries are signed with. */
  secret: string;
}

/** A Probot `Server` listening on 127.0.0.1 with an app loaded. */
export interface RunningProbotServer {
  /** Where GitHub would post deliveries. */
  webhookUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `app` as `probot run` would (Probot's `Server`, which verifies `x-hub-signature-256`
 * with the secret and answers once the handlers have run), on a random 127.0.0.1 port, with a
 * throwaway RSA key. Logs are silenced below `fatal` so stdout stays the bench's tables.
 */
export async function startProbotServer(options: ProbotServerOptions, app: ApplicationFunction): Promise<RunningProbotServer> {
  const defaults = await probotDefaults(options);
  // The Server hands its own logger to the Probot it builds (and logs every request with it).
  const log = defaults.log;
  const server = new Server({ Probot: Probot.defaults(defaults), log, host: "127.0.0.1", port: await freePort() });
  await server.load(app);
  await server.start();
  return { webhookUrl: `http://127.0.0.1:${server.port}/api/github/webhooks`, stop: () => server.stop() };
}

/**
 * What any Probot app costs before doing anything: a handler for `pull_request.opened` that
 * returns at once. Probot still verifies, parses and builds the event's Context and Octokit.
 */
export const noopApp: ApplicationFunction = (probot) => {
  probot.on("pull_request.opened", async () => undefined);
};

export interface AppServerOptions extends ProbotServerOptions {
  /** `producer`: intake only; `both`: the in-process worker reviews too. */
  workerMode: "producer" | "both";
  /**
   * `front` (default): the App's own server as `npm start` runs it with credentials
   * (src/app/server.ts: the webhook front, then /healthz and /metrics). `probot`: the same App
   * loaded into Probot's `Server` (Probot's webhook middleware, a Context per delivery), the path
   * the front replaced, kept for the side-by-side.
   */
  server?: "front" | "probot";
}

/** The App running on an HTTP server, with its queue's events recorded. */
export interface RunningAppServer {
  /** Where GitHub would post deliveries. */
  webhookUrl: string;
  runtime: AppRuntime;
  /** Every queue event so far, in order. */
  events: QueueEvent[];
  /** Resolves with the first event (already seen or later) matching `predicate`; rejects after `timeoutMs`. */
  waitFor(predicate: (event: QueueEvent) => boolean, timeoutMs: number): Promise<QueueEvent>;
  close(): Promise<void>;
}

/**
 * Starts the real App (createPatchwardenApp) against the stand-in on its default queue: the
 * memory queue journaled to a throwaway DATA_DIR (each accepted job is written to the journal
 * before the answer, as in production).
 */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const events: QueueEvent[] = [];
  const listeners = new Set<() => void>();
  const dataDir = mkdtempSync(join(tmpdir(), "patchwarden-bench-intake-"));
  const queue = openJournaledMemoryQueue(dataDir, {
    concurrency: 2,
    onEvent: (event) => {
      events.push(event);
      for (const listener of listeners) listener();
    },
  });
  const { app, runtime } = createPatchwardenApp({
    // Producer mode with the memory queue is refused by readEnv (nobody would run the jobs); the
    // bench wants exactly that to measure intake alone, so it sets the mode after parsing.
    env: { ...readEnv({ RECONCILE_ON_START: "false" }), WORKER_MODE: options.workerMode },
    queue,
  });
  let webhookUrl: string;
  let stop: () => Promise<void>;
  if (options.server === "probot") {
    const server = await startProbotServer(options, app);
    webhookUrl = server.webhookUrl;
    stop = async () => {
      await (await runtime).close();
      await server.stop();
    };
  } else {
    const defaults = await probotDefaults(options);
    const probot = await new Probot(defaults).ready();
    const server = await startFrontServer({ probot, app, runtime, secret: options.secret, webhookPath: "/api/github/webhooks", host: "127.0.0.1", port: 0 });
    webhookUrl = server.webhookUrl;
    stop = () => server.close();
  }
  const started = await runtime;

  const waitFor = (predicate: (event: QueueEvent) => boolean, timeoutMs: number) =>
    new Promise<QueueEvent>((resolve, reject) => {
      const check = () => {
        const hit = events.find(predicate);
        if (!hit) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching queue event within ${timeoutMs} ms (saw ${events.length} events)`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });

  return {
    webhookUrl,
    runtime: started,
    events,
    waitFor,
    close: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
