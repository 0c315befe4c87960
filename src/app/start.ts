import { getPrivateKey } from "@probot/get-private-key";
import { createProbot, run } from "probot";
import { ConfigError } from "../config/config-error.js";
import { readEnv } from "../config/env.js";
import { createPatchwardenApp } from "./index.js";
import { startAppServer } from "./server.js";

/**
 * How `npm start` runs:
 * - `setup`: no App credentials yet; Probot's own server shows its setup page, which registers the
 *   App from app.yml (manifest flow) and writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to `.env`.
 * - `proxy`: WEBHOOK_PROXY_URL is set (local development through smee.io); Probot's own server,
 *   which forwards deliveries from the proxy.
 * - `app`: credentials present; patchwarden's server with the webhook front (`webhook-front.ts`).
 */
export type StartMode = "setup" | "proxy" | "app";

export interface StartedApp {
  mode: StartMode;
  /** Where the server listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  close(): Promise<void>;
}

const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

function hasPrivateKey(env: NodeJS.ProcessEnv): boolean {
  try {
    return Boolean(getPrivateKey({ env }));
  } catch {
    // An unreadable PRIVATE_KEY_PATH or an ambiguous *.pem: Probot's runner reports it.
    return false;
  }
}

/** Which server `npm start` runs for this environment, and why. */
export function chooseStartMode(env: NodeJS.ProcessEnv): StartMode {
  if (!env.APP_ID || !hasPrivateKey(env)) return "setup";
  if (env.WEBHOOK_PROXY_URL) return "proxy";
  return "app";
}

/** Starts the App as `npm start` does, from Probot's standard environment plus patchwarden's own. */
export async function startFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<StartedApp> {
  const mode = chooseStartMode(env);
  // Fail fast on patchwarden's own variables, whatever the mode.
  const appEnv = readEnv(env);
  if (mode !== "app") {
    const { app, runtime } = createPatchwardenApp({ env: appEnv });
    const server = await run(app, { env });
    return {
      mode,
      url: `http://${server.host}:${server.port}`,
      close: async () => {
        await server.stop();
        // Proxy mode loaded the App (its queue and journal are open); setup mode never did.
        const loaded = await Promise.race([runtime, Promise.resolve(undefined)]);
        await loaded?.close();
      },
    };
  }
  const secret = env.WEBHOOK_SECRET;
  if (!secret) {
    throw new ConfigError(
      "invalid environment: WEBHOOK_SECRET is not set. GitHub signs every delivery with the App's webhook secret; set it to the value in the App's settings (the manifest flow writes it to .env)",
      ["WEBHOOK_SECRET: required"],
    );
  }
  const logFormat = env.LOG_FORMAT ?? (env.NODE_ENV === "production" ? "json" : "pretty");
  const probot = createProbot({ env: { ...env, LOG_LEVEL: env.LOG_LEVEL ?? "info", LOG_FORMAT: logFormat } });
  await probot.ready();
  const { app, runtime } = createPatchwardenApp({ env: appEnv });
  const started = await startAppServer({
    probot,
    app,
    runtime,
    secret,
    webhookPath: env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH,
    host: env.HOST || "localhost",
    port: env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT),
  });
  return { mode, url: started.url, close: () => started.close() };
}
