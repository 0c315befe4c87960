import { resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "./config-error.js";

/**
 * patchwarden's own environment (Probot reads its standard ones itself: APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, PORT, HOST, LOG_LEVEL, GHE_HOST, GHE_PROTOCOL, WEBHOOK_PATH ...).
 */
export const envSchema = z.object({
  /** `memory` (default: one process, no server needed) or `redis` (BullMQ on REDIS_URL, for scale-out). */
  QUEUE: z.enum(["memory", "redis"]).default("memory"),
  /** Redis for QUEUE=redis and for sharing Probot's rate-limit state between processes. */
  REDIS_URL: z.string().url().optional(),
  /** PostgreSQL for the feedback ledger; an embedded store is used when unset. */
  DATABASE_URL: z.string().optional(),
  /** Reviews run at once per process. */
  REVIEW_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** `both` (default): this process takes webhooks and reviews; `producer`: webhooks only (needs QUEUE=redis). */
  WORKER_MODE: z.enum(["both", "producer"]).default("both"),
  /** On start-up, re-enqueue this App's check runs left queued/in_progress (a crash loses nothing). */
  RECONCILE_ON_START: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** API key of an OpenAI-compatible endpoint; without it reviews are static only. */
  OPENAI_API_KEY: z.string().optional(),
  /** OpenAI-compatible `/v1` base URL (Azure OpenAI, vLLM, Ollama, LM Studio, ...); OpenAI's when unset. */
  OPENAI_BASE_URL: z.string().url().optional(),
  /** Comma-separated base URLs a repository's `llm.baseUrl` may choose (the App's key goes nowhere else). */
  LLM_ALLOWED_BASE_URLS: z.string().optional(),
  /** Ceiling in USD over every repository's daily LLM spend cap, per installation. */
  LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD: z.string().regex(/^\d+(\.\d+)?$/, "a number of USD").optional(),
  /**
   * Threads that verify, parse and triage webhook deliveries beside the main thread; 0 does it on
   * the main thread. Default: one per core beyond the first, at most 2.
   */
  INTAKE_THREADS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(16).optional()),
  /** Name of the check run (and of the App's reviews in logs). */
  CHECK_NAME: z.string().min(1).default("patchwarden"),
  /**
   * Folder for the App's local state, created if missing: with QUEUE=memory, the journal of
   * accepted jobs not yet done (`queue.jsonl`), replayed at the next start. Default `.patchwarden`
   * under the working directory; a relative path is resolved against it. In a container, mount a
   * volume here, or the journal dies with the container.
   */
  DATA_DIR: z
    .string()
    .min(1)
    .default(".patchwarden")
    .transform((dir) => resolve(dir)),
});

export type PatchwardenEnv = z.infer<typeof envSchema>;

/** Parses the environment once at start-up; an invalid value fails fast with its variable's name. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): PatchwardenEnv {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${issues.join("; ")}`, issues);
  }
  if (result.data.QUEUE === "redis" && !result.data.REDIS_URL) {
    throw new ConfigError("invalid environment: QUEUE=redis needs REDIS_URL", ["REDIS_URL: required when QUEUE=redis"]);
  }
  if (result.data.WORKER_MODE === "producer" && result.data.QUEUE === "memory") {
    // The memory queue lives in this process: without its workers, nothing would ever run the jobs.
    throw new ConfigError("invalid environment: WORKER_MODE=producer needs QUEUE=redis (the memory queue's jobs run only in this process)", [
      "WORKER_MODE: producer requires QUEUE=redis",
    ]);
  }
  return result.data;
}
