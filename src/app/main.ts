import { ConfigError } from "../config/config-error.js";
import { startFromEnv } from "./start.js";

// `npm start`: Probot's standard environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH,
// WEBHOOK_SECRET, PORT, HOST, LOG_LEVEL, GHE_HOST, GHE_PROTOCOL, WEBHOOK_PATH, WEBHOOK_PROXY_URL)
// plus patchwarden's own (.env.example). With no credentials it serves Probot's setup page.
try {
  const started = await startFromEnv();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal}: stopping (accepted jobs finish or stay journaled for the next start)`);
    started.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("error while stopping:", err);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
