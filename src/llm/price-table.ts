import type { LlmUsage } from "./llm-port.js";

/** What a model costs, in USD per one million tokens. */
export interface ModelPrice {
  prompt: number;
  completion: number;
}

/** Prices by model name; a name also prices its dated variants (`gpt-4o` covers `gpt-4o-2024-08-06`). */
export type PriceTable = Record<string, ModelPrice>;

/**
 * OpenAI's list prices (standard tier, USD per 1M tokens, 2025) for the models people most often
 * configure. Override or extend them per repository (`llm.prices`); self-hosted models should be
 * priced at 0 there.
 */
export const DEFAULT_PRICES: PriceTable = {
  "gpt-4o": { prompt: 2.5, completion: 10 },
  "gpt-4o-mini": { prompt: 0.15, completion: 0.6 },
  "gpt-4.1": { prompt: 2, completion: 8 },
  "gpt-4.1-mini": { prompt: 0.4, completion: 1.6 },
  "gpt-4.1-nano": { prompt: 0.1, completion: 0.4 },
  "gpt-5": { prompt: 1.25, completion: 10 },
  "gpt-5-mini": { prompt: 0.25, completion: 2 },
  "gpt-5-nano": { prompt: 0.05, completion: 0.4 },
  o3: { prompt: 2, completion: 8 },
  "o3-mini": { prompt: 1.1, completion: 4.4 },
  "o4-mini": { prompt: 1.1, completion: 4.4 },
};

/**
 * The price assumed for a model the table does not know: high on purpose, so a cost budget still
 * stops a runaway review instead of counting it as free.
 */
export const UNKNOWN_MODEL_PRICE: ModelPrice = { prompt: 10, completion: 30 };

/** The defaults with a repository's overrides on top. */
export function mergePrices(overrides: PriceTable = {}): PriceTable {
  return { ...DEFAULT_PRICES, ...overrides };
}

/**
 * The price of a call. The configured model is what the operator priced, but Azure names
 * deployments freely, so when the table does not know it, the model the endpoint reported
 * (`gpt-4o-2024-08-06`) is tried next, then {@link UNKNOWN_MODEL_PRICE}.
 */
export function priceFor(configuredModel: string, table: PriceTable, reportedModel?: string): ModelPrice {
  return knownPrice(configuredModel, table) ?? (reportedModel ? knownPrice(reportedModel, table) : undefined) ?? UNKNOWN_MODEL_PRICE;
}

/** Exact name first, then the longest table name the model starts with (`name-...`). */
function knownPrice(model: string, table: PriceTable): ModelPrice | undefined {
  if (Object.hasOwn(table, model)) return table[model];
  const prefix = Object.keys(table)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? undefined : table[prefix];
}

/** USD for `usage` at `price`. */
export function costOf(usage: LlmUsage, price: ModelPrice): number {
  return (usage.promptTokens * price.prompt + usage.completionTokens * price.completion) / 1_000_000;
}
