import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from "probot";
import { readEnv, type PatchwardenEnv } from "../config/env.js";
import { createQueue } from "../queue/create-queue.js";
import { openJournaledMemoryQueue } from "../queue/journaled-memory-queue.js";
import type { JobQueue } from "../queue/review-job.js";
import type { GitHubClient } from "../github/github-client.js";
import type { DeliveryRoutes } from "./delivery.js";
import { registerRoutes, type IntakeDeps } from "./intake.js";
import { createHttpHandler } from "./http-routes.js";
import { createMetrics, type AppMetrics } from "./metrics.js";
import { reconcileUnfinishedChecks } from "./reconcile.js";
import { createReviewProcessor } from "./review-processor.js";
import { createRoutes } from "./routes.js";

export interface PatchwardenAppOptions {
  /** Parsed environment; read from process.env when absent. */
  env?: PatchwardenEnv;
  /** A ready queue (tests); created from env when absent. */
  queue?: JobQueue;
  /** Register Node's default process metrics (off in tests that build many apps). */
  defaultMetrics?: boolean;
}

/** Handles to a running App, for shutdown and tests. */
export interface AppRuntime {
  queue: JobQueue;
  metrics: AppMetrics;
  /** The events the App answers and their routes (the webhook front triages with the same table). */
  routes: DeliveryRoutes;
  /** Where decisions are applied: queue, metrics, log, check name. */
  intake: IntakeDeps;
  env: PatchwardenEnv;
  /** `/healthz` and `/metrics`; true when it answered the request. */
  httpHandler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Settles when start-up reconciliation has finished (or failed, logged). */
  reconciled: Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the App. The function Probot loads only registers named handlers and starts the
 * workers; every handler guards and enqueues, and the review itself runs in the worker.
 */
export function createPatchwardenApp(options: PatchwardenAppOptions = {}): { app: ApplicationFunction; runtime: Promise<AppRuntime> } {
  let resolveRuntime!: (runtime: AppRuntime) => void;
  const runtime = new Promise<AppRuntime>((resolve) => (resolveRuntime = resolve));

  const app = async (probot: Probot, appOptions: ApplicationFunctionOptions) => {
    const env = options.env ?? readEnv();
    const log = probot.log.child({ name: "patchwarden" });
    // Jobs waiting in the memory queue die with the process; its journal on DATA_DIR replays them
    // at the next start. A Redis queue is durable by itself.
    const queue =
      options.queue ??
      (env.QUEUE === "memory"
        ? openJournaledMemoryQueue(env.DATA_DIR, { concurrency: env.REVIEW_CONCURRENCY, log })
        : await createQueue(env, { concurrency: env.REVIEW_CONCURRENCY, log, role: env.WORKER_MODE === "producer" ? "producer" : "both" }));
    const metrics = createMetrics(() => queue.depth(), options.defaultMetrics ?? true);
    const octokitFor = async (installationId: number) => (await probot.auth(installationId)) as unknown as GitHubClient;
    const deps: IntakeDeps = { queue, metrics, log, checkName: env.CHECK_NAME };

    const routes = createRoutes();
    registerRoutes(probot, routes, deps);
    probot.onError((err) => {
      log.error({ err: err.message }, "webhook handler failed");
    });

    const httpHandler = createHttpHandler({ queue, metrics });
    try {
      appOptions.addHandler(httpHandler);
    } catch {
      // No HTTP server (Probot used as a library): /healthz and /metrics are simply not served.
    }

    if (env.WORKER_MODE === "both") {
      await queue.start(createReviewProcessor({ octokitFor, log, metrics, checkName: env.CHECK_NAME, onProgress: (job) => queue.recordProgress?.(job), llmEnv: env }));
    }
    const reconciled = env.RECONCILE_ON_START
      ? reconcileUnfinishedChecks({ appOctokit: (await probot.auth()) as unknown as GitHubClient, octokitFor, queue, log, checkName: env.CHECK_NAME }).catch(
          (err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, "start-up reconciliation failed"),
        )
      : Promise.resolve();
    resolveRuntime({
      queue,
      metrics,
      routes,
      intake: deps,
      env,
      httpHandler,
      reconciled: reconciled.then(() => undefined),
      close: () => queue.close(),
    });
  };
  return { app, runtime };
}

/** The App as `probot run` loads it. */
export default createPatchwardenApp().app;
