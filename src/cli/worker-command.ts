import { parseArgs } from "node:util";
import { createProbot } from "probot";
import { readEnv } from "../config/env.js";
import { createQueue } from "../queue/create-queue.js";
import { createMetrics } from "../app/metrics.js";
import { createReviewProcessor } from "../app/review-processor.js";
import type { GitHubClient } from "../github/github-client.js";
import { UsageError } from "./usage-error.js";
import type { CommandIo } from "./review-command.js";

export const WORKER_USAGE = `Usage: patchwarden worker

Runs review workers only (no webhook server) on the Redis queue: start any number of them, on
any number of machines, beside App processes started with WORKER_MODE=producer. Needs the App's
credentials (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH), QUEUE=redis and REDIS_URL;
REVIEW_CONCURRENCY sets the reviews run at once. Stops cleanly on SIGINT/SIGTERM.`;

/** `patchwarden worker`: resolves when the worker has stopped. */
export async function runWorkerCommand(argv: string[], io: CommandIo, signals: NodeJS.Process = process): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: "boolean", short: "h", default: false } }, strict: true });
  if (values.help) {
    io.stdout(WORKER_USAGE + "\n");
    return 0;
  }
  const env = readEnv();
  if (env.QUEUE !== "redis") throw new UsageError("patchwarden worker needs QUEUE=redis and REDIS_URL (the in-memory queue lives inside the App process)");
  const probot = createProbot();
  const log = probot.log.child({ name: "patchwarden-worker" });
  const queue = await createQueue(env, { concurrency: env.REVIEW_CONCURRENCY, log, role: "worker" });
  const metrics = createMetrics(() => queue.depth());
  const octokitFor = async (installationId: number) => (await probot.auth(installationId)) as unknown as GitHubClient;
  await queue.start(createReviewProcessor({ octokitFor, log, metrics, checkName: env.CHECK_NAME, onProgress: (job) => queue.recordProgress?.(job), llmEnv: env }));
  log.info({ concurrency: env.REVIEW_CONCURRENCY }, "worker started");
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    signals.once("SIGINT", stop);
    signals.once("SIGTERM", stop);
  });
  await queue.close();
  log.info("worker stopped");
  return 0;
}
