import { z } from "zod";

/** A model's price in USD per one million tokens. */
const priceSchema = z
  .object({
    /** USD per 1M prompt (input) tokens. */
    prompt: z.number().min(0),
    /** USD per 1M completion (output) tokens. */
    completion: z.number().min(0),
  })
  .strict();

/**
 * The `llm` part of `.github/patchwarden.yml` (proposed fragment, to be merged into the main
 * schema). The App calls a model only when its operator set OPENAI_API_KEY; these fields tune it.
 */
export const llmConfigSchema = z
  .object({
    /** Run the LLM reviewers (when the App has an API key). Off: static rules only. */
    enabled: z.boolean().default(true),
    /** Model name; for Azure OpenAI the deployment name. */
    model: z.string().min(1).default("gpt-4.1-mini"),
    /**
     * OpenAI-compatible `/v1` base URL for this repository. Honoured only when the App's operator
     * lists it in LLM_ALLOWED_BASE_URLS (the App's key must not be sent wherever a repository
     * says); otherwise OPENAI_BASE_URL or OpenAI's API is used and the summary says so.
     */
    baseUrl: z.string().url().optional(),
    /** Prompt + completion tokens one review may use; calls past it are skipped with a note. */
    maxTokensPerReview: z.number().int().min(0).default(200_000),
    /** USD one review may spend; calls past it are skipped with a note. */
    maxCostPerReviewUsd: z.number().min(0).default(0.5),
    /** USD all reviews of this installation may spend per UTC day (the operator may set a lower ceiling). */
    maxCostPerInstallationPerDayUsd: z.number().min(0).default(10),
    /** Limit of one request to the model, in milliseconds. */
    timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
    /** Prices by model name on top of the built-in table (set self-hosted models to 0). */
    prices: z.record(z.string().min(1), priceSchema).default({}),
  })
  .strict()
  .prefault({});

export type LlmConfig = z.infer<typeof llmConfigSchema>;
