import { BudgetedLlm } from "./budgeted-llm.js";
import { LlmBudget } from "./budget.js";
import { CircuitLlm } from "./circuit-llm.js";
import type { EndpointProfiles } from "./endpoint-profile.js";
import { LlmError } from "./llm-error.js";
import type { LlmConfig } from "./llm-config.js";
import { OpenAiLlm, type OpenAiLlmOptions } from "./openai-llm.js";
import { mergePrices } from "./price-table.js";
import type { InstallationSpendStore } from "./spend-store.js";

/**
 * The environment the LLM layer reads (operator settings, never repository ones):
 * - OPENAI_API_KEY: without it, reviews are static only.
 * - OPENAI_BASE_URL: any OpenAI-compatible `/v1` endpoint (Azure: `https://RESOURCE.openai.azure.com/openai/v1/`).
 * - LLM_ALLOWED_BASE_URLS: comma-separated base URLs a repository's `llm.baseUrl` may pick.
 * - LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD: ceiling over every repository's daily cap.
 */
export type LlmEnv = Partial<Record<"OPENAI_API_KEY" | "OPENAI_BASE_URL" | "LLM_ALLOWED_BASE_URLS" | "LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD", string>>;

/** Per-review context of {@link createLlmFromEnv}. */
export interface CreateLlmOptions {
  /** The App's installation (daily cap); unset in the CLI. */
  installationId?: number;
  spendStore?: InstallationSpendStore;
  profiles?: EndpointProfiles;
  retry?: OpenAiLlmOptions["retry"];
  now?: () => number;
}

/**
 * The LLM port of one review, or undefined for a static-only review (no OPENAI_API_KEY, or the
 * repository turned the LLM off). Budgets and the outage breaker live per review, so call this
 * once per review. Its `summaryNote()` is the line to show when calls were skipped.
 */
export function createLlmFromEnv(env: LlmEnv, config: LlmConfig, options: CreateLlmOptions = {}): BudgetedLlm | undefined {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey || !config.enabled) return undefined;
  const setupNotes: string[] = [];
  const baseURL = chooseBaseUrl(env, config.baseUrl, setupNotes);
  const model = new OpenAiLlm({ apiKey, baseURL, model: config.model, timeoutMs: config.timeoutMs, retry: options.retry, profiles: options.profiles });
  const ceiling = readUsd(env.LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD, "LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD");
  const budget = new LlmBudget({
    limits: {
      maxTokensPerReview: config.maxTokensPerReview,
      maxCostPerReviewUsd: config.maxCostPerReviewUsd,
      maxCostPerInstallationPerDayUsd: Math.min(config.maxCostPerInstallationPerDayUsd, ceiling ?? Infinity),
    },
    prices: mergePrices(config.prices),
    model: config.model,
    installationId: options.installationId,
    store: options.spendStore,
    now: options.now,
  });
  return new BudgetedLlm(new CircuitLlm(model), budget, setupNotes);
}

function chooseBaseUrl(env: LlmEnv, fromRepo: string | undefined, notes: string[]): string | undefined {
  const operatorBase = env.OPENAI_BASE_URL?.trim() || undefined;
  if (fromRepo === undefined) return operatorBase;
  const allowed = (env.LLM_ALLOWED_BASE_URLS ?? "").split(",").map(normalizeUrl).filter(Boolean);
  if (allowed.includes(normalizeUrl(fromRepo))) return fromRepo;
  notes.push(`llm.baseUrl ${fromRepo} ignored: the App only sends its API key to endpoints its operator lists in LLM_ALLOWED_BASE_URLS.`);
  return operatorBase;
}

function normalizeUrl(url: string): string {
  // A loop, not /\/+$/: a repository's baseUrl is not trusted, and that pattern backtracks quadratically.
  const trimmed = url.trim();
  let end = trimmed.length;
  while (end > 0 && trimmed.charCodeAt(end - 1) === 47) end--;
  return trimmed.slice(0, end).toLowerCase();
}

function readUsd(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const usd = Number(value);
  if (!Number.isFinite(usd) || usd < 0) throw new LlmError("bad-config", `${name} must be a number of USD >= 0, got "${value}"`);
  return usd;
}
