import { z } from "zod";

const confidence = z.number().min(0).max(1);

/** Per-category confidence thresholds: a finding is posted inline only at or above its category's. */
const thresholdsSchema = z
  .object({
    /** Bugs: wrong results, crashes, lost errors. */
    correctness: confidence.default(0.7),
    /** Vulnerabilities and secrets. Lower bar: a missed injection costs more than a dismissed comment. */
    security: confidence.default(0.6),
    /** Conventions of this repository. High bar: style notes mostly belong in the summary. */
    style: confidence.default(0.85),
    /** Untested changes and deleted tests. */
    coverage: confidence.default(0.8),
  })
  .strict()
  .prefault({});

/** Overrides for one rule: `off`, or a new severity / confidence. */
const ruleOverrideSchema = z.union([
  z.literal("off"),
  z
    .object({
      /** Replace the rule's severity. */
      severity: z.enum(["blocking", "warning", "suggestion"]).optional(),
      /** Replace the rule's default confidence. */
      confidence: confidence.optional(),
    })
    .strict(),
]);

/** The review part of `.github/patchwarden.yml`. */
export const reviewConfigSchema = z
  .object({
    /** Review pull requests at all. */
    enabled: z.boolean().default(true),
    /** Review draft pull requests too (the App skips drafts by default). */
    drafts: z.boolean().default(false),
    /** Confidence thresholds per category for inline comments. */
    thresholds: thresholdsSchema,
    /** At most this many inline comments per review run; the rest go to the summary. */
    maxInlineComments: z.number().int().min(0).max(100).default(20),
    /** At most this many non-blocking inline comments per 100 changed lines (at least 5 per run; blocking findings are exempt). */
    maxCommentsPer100Lines: z.number().min(0).max(100).default(8),
    /** Extra path globs to skip (added to the built-in generated/vendored/lock/minified filters). */
    exclude: z.array(z.string().min(1)).default([]),
    /** Path globs to review even when a built-in filter would skip them. */
    include: z.array(z.string().min(1)).default([]),
    /** Review at most this many files (riskiest first); the rest are listed as skipped. */
    maxFiles: z.number().int().min(1).default(300),
    /** Review at most this many changed lines in all; files past the budget are listed as skipped. */
    maxChangedLines: z.number().int().min(1).default(20000),
    /** Rule overrides by rule id, e.g. `style/console-log: off`. */
    rules: z.record(z.string(), ruleOverrideSchema).default({}),
  })
  .strict()
  .prefault({});

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
 * The `llm` part of `.github/patchwarden.yml`. The App calls a model only when its operator set
 * OPENAI_API_KEY; these fields tune it.
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
    /**
     * Calls each LLM reviewer (correctness, security, style, coverage) may make on one review. The
     * first reads the riskiest changed files that fit one call's context; each further call reads
     * files the earlier ones could not, while `maxTokensPerReview` leaves room. 1: one call each.
     */
    maxCallsPerDimension: z.number().int().min(1).max(10).default(3),
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

/** What the check run concludes for each verdict. */
const checksSchema = z
  .object({
    /** Create a check run for each review. */
    enabled: z.boolean().default(true),
    /** Conclusion when blocking findings exist. */
    onBlocking: z.enum(["failure", "neutral", "success", "action_required"]).default("failure"),
    /** Conclusion when only non-blocking findings exist. */
    onComments: z.enum(["failure", "neutral", "success"]).default("neutral"),
  })
  .strict()
  .prefault({});

/** The whole of `.github/patchwarden.yml`. Every field is optional; defaults are in the schema. */
export const configSchema = z
  .object({
    /** Inherit from another repository's config (`owner/repo` or `.github`): handled by the loader. */
    _extends: z.string().optional(),
    review: reviewConfigSchema,
    checks: checksSchema,
    llm: llmConfigSchema,
  })
  .strict()
  .prefault({});

export type PatchwardenConfig = z.infer<typeof configSchema>;
export type ReviewConfig = z.infer<typeof reviewConfigSchema>;
export type LlmConfig = z.infer<typeof llmConfigSchema>;
