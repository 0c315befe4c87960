import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApplicationFunction, Logger, Probot } from "probot";
import type { GitHubClient } from "../github/github-client.js";
import type { AppRuntime } from "./index.js";
import { createIntakePool } from "./intake-pool.js";
import { createWebhookFront } from "./webhook-front.js";

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean | void | Promise<boolean | void>;

export interface AppServerOptions {
  /** A Probot built from the environment (`createProbot()`), used for installation clients. */
  probot: Probot;
  /** The App function and the runtime it resolves (from `createPatchwardenApp`). */
  app: ApplicationFunction;
  runtime: Promise<AppRuntime>;
  /** The webhook secret deliveries are signed with. */
  secret: string;
  webhookPath: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to Probot's logger. */
  log?: Logger;
  /** Intake threads (0: inline); default INTAKE_THREADS, else one per core beyond the first, at most 2. */
  intakeThreads?: number;
}

export interface RunningAppServer {
  server: Server;
  runtime: AppRuntime;
  /** `http://host:port` as bound. */
  url: string;
  webhookUrl: string;
  /** Stops taking requests, then closes the queue (running jobs finish or are journaled). */
  close(): Promise<void>;
}

const ping: RequestHandler = (req, res) => {
  if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/ping") return false;
  res.writeHead(200, { "content-type": "text/plain" }).end("PONG");
  return true;
};

const notFound: RequestHandler = (req, res) => {
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: `no route for ${req.method} ${(req.url ?? "").split("?")[0]}` }));
  return true;
};

/**
 * The App's HTTP server when it has credentials: the webhook front first (verify, guard,
 * enqueue, 202 — no Probot Context per delivery), then `/healthz`, `/metrics`, `/ping`. Probot is
 * still the App's framework: it loads the App function, signs the App's JWTs and makes its
 * installation clients (throttling, retries, GHE base URL), and `probot.receive` drives the same
 * handlers in tests. With no credentials, `main.ts` runs Probot's own server for the setup page.
 */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const extra: RequestHandler[] = [];
  await options.probot.load(options.app, { cwd: process.cwd(), addHandler: (handler) => void extra.push(handler) });
  const runtime = await options.runtime;
  const log = options.log ?? options.probot.log;
  const intake = createIntakePool({ secret: options.secret, checkName: runtime.intake.checkName, threads: options.intakeThreads ?? runtime.env.INTAKE_THREADS, log });
  const front = createWebhookFront({
    path: options.webhookPath,
    intake,
    routes: runtime.routes,
    deps: { ...runtime.intake, log: log.child({ name: "webhooks" }) },
    octokitFor: async (installationId) => (await options.probot.auth(installationId)) as unknown as GitHubClient,
  });
  const chain: RequestHandler[] = [front, ...extra, ping, notFound];
  // A request must arrive whole within GitHub's own 10 s (Node answers 408 and drops it), checked
  // every second: a client that sends headers and then nothing holds no socket for long.
  const server = createServer({ requestTimeout: 10_000, connectionsCheckingInterval: 1_000 }, async (req, res) => {
    try {
      for (const handler of chain) if (await handler(req, res)) return;
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err), url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      reject(err.code === "EADDRINUSE" ? new Error(`port ${options.port} is already in use; set PORT to another port`) : err);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info(`patchwarden listening on ${url} (webhooks at ${options.webhookPath}; ${intake.threads} intake thread(s))`);
  let closing: Promise<void> | undefined;
  return {
    server,
    runtime,
    url,
    webhookUrl: `${url}${options.webhookPath}`,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        // A /review still asking GitHub after its answer would otherwise meet a closed queue.
        await front.drain();
        await intake.close();
        await runtime.close();
      })()),
  };
}
