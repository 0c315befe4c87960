import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The App's Prometheus metrics, served on /metrics. One registry per App instance (tests make several). */
export interface AppMetrics {
  registry: Registry;
  deliveries: Counter<"event" | "outcome">;
  queueDepth: Gauge<"state">;
  jobDuration: Histogram<"outcome">;
  findingsPosted: Counter<"category">;
  githubRequests: Counter<"route" | "status">;
  llmTokens: Counter<"kind">;
  llmCostUsd: Counter<never>;
}

/** Creates the metrics; `queueDepth` is refreshed by `readDepth` at every scrape. */
export function createMetrics(readDepth: () => Promise<{ waiting: number; active: number }>, defaults = true): AppMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: "patchwarden_" });
  return {
    registry,
    deliveries: new Counter({
      name: "patchwarden_webhook_deliveries_total",
      help: "Webhook deliveries by event and what the App did with them",
      labelNames: ["event", "outcome"],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "patchwarden_queue_depth",
      help: "Review jobs waiting and running",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        const depth = await readDepth();
        this.set({ state: "waiting" }, depth.waiting);
        this.set({ state: "active" }, depth.active);
      },
    }),
    jobDuration: new Histogram({
      name: "patchwarden_review_job_duration_seconds",
      help: "Review job durations by outcome",
      labelNames: ["outcome"],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    findingsPosted: new Counter({
      name: "patchwarden_findings_posted_total",
      help: "Inline review comments posted, by category",
      labelNames: ["category"],
      registers: [registry],
    }),
    githubRequests: new Counter({
      name: "patchwarden_github_requests_total",
      help: "GitHub REST requests by route template and status",
      labelNames: ["route", "status"],
      registers: [registry],
    }),
    llmTokens: new Counter({
      name: "patchwarden_llm_tokens_total",
      help: "Tokens the LLM reviewers used, by kind (prompt, completion)",
      labelNames: ["kind"],
      registers: [registry],
    }),
    llmCostUsd: new Counter({
      name: "patchwarden_llm_cost_usd_total",
      help: "Estimated LLM spend in USD (from the configured price table)",
      registers: [registry],
    }),
  };
}

interface HookableOctokit {
  hook: {
    after(name: "request", fn: (response: { status: number }, options: { method?: string; url?: string }) => void): void;
    error(name: "request", fn: (error: { status?: number }, options: { method?: string; url?: string }) => never | unknown): void;
  };
}

const instrumented = new WeakSet<object>();

/** Counts an octokit's requests by route template (`GET /repos/{owner}/{repo}/pulls/{pull_number}/files`) and status. */
export function instrumentOctokit(octokit: unknown, metrics: AppMetrics): void {
  const o = octokit as HookableOctokit;
  if (instrumented.has(o)) return;
  instrumented.add(o);
  const route = (options: { method?: string; url?: string }) => `${options.method ?? "GET"} ${options.url ?? "?"}`;
  o.hook.after("request", (response, options) => {
    metrics.githubRequests.inc({ route: route(options), status: String(response.status) });
  });
  o.hook.error("request", (error, options) => {
    metrics.githubRequests.inc({ route: route(options), status: String(error.status ?? "error") });
    throw error;
  });
}
