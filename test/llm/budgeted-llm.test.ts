import { beforeEach, describe, expect, test } from "@jest/globals";
import { createLlmFromEnv } from "../../src/llm/create-llm.js";
import { EndpointProfiles } from "../../src/llm/endpoint-profile.js";
import { LlmError } from "../../src/llm/llm-error.js";
import { llmConfigSchema } from "../../src/llm/llm-config.js";
import { MemorySpendStore } from "../../src/llm/spend-store.js";
import { answers, startScriptedOpenAiServer, type ScriptedOpenAiServer } from "../fakes/openai/index.js";
import { oneFinding, reviewRequest, useScriptedOpenAiServer } from "./llm-test-kit.js";

const scripted = useScriptedOpenAiServer();
let server: ScriptedOpenAiServer;
beforeEach(() => {
  server = scripted();
});

const usage = { usage: { prompt_tokens: 500, completion_tokens: 300 } };
const fast = { retry: { attempts: 3, baseMs: 5, maxMs: 1000 } };

function reviewLlm(config: Record<string, unknown>, options: Parameters<typeof createLlmFromEnv>[2] = {}, env: Record<string, string> = {}) {
  const parsed = llmConfigSchema.parse({ model: "gpt-test", prices: { "gpt-test": { prompt: 10, completion: 30 } }, ...config });
  const llm = createLlmFromEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.url, ...env }, parsed, { profiles: new EndpointProfiles(), ...fast, ...options });
  if (!llm) throw new Error("expected an LLM");
  return llm;
}

describe("budgets through the real SDK", () => {
  test("the token budget runs out mid-review: later calls send nothing and the summary says so", async () => {
    server.push(answers.json(oneFinding, usage), answers.json(oneFinding, usage));
    const llm = reviewLlm({ maxTokensPerReview: 2000 });

    const results = [];
    for (const purpose of ["review:correctness", "review:security", "review:style", "review:coverage"]) {
      results.push(await llm.complete(reviewRequest({ purpose })));
    }

    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["ok", "ok", "budget", "budget"]);
    expect(server.requests).toHaveLength(2);
    expect(results[2]).toEqual({
      ok: false,
      reason: "budget",
      note: expect.stringMatching(/^LLM review:style skipped: per-review token budget reached \(1,600 of 2,000 tokens used, the next call may need up to \d{3}\)$/),
      usage: { promptTokens: 0, completionTokens: 0 },
    });
    expect(llm.usage()).toEqual({
      calls: 4,
      promptTokens: 1000,
      completionTokens: 600,
      costUsd: expect.closeTo((1000 * 10 + 600 * 30) / 1e6, 10),
      skipped: [
        { purpose: "review:style", reason: "budget", note: expect.any(String) },
        { purpose: "review:coverage", reason: "budget", note: expect.any(String) },
      ],
    });
    expect(llm.summaryNote()).toMatch(
      /^LLM review incomplete: 2 of 4 calls skipped: 2 over budget \(per-review token budget reached \(1,600 of 2,000 tokens used, the next call may need up to \d+\)\)\. Static findings are complete\.$/,
    );
  });

  test("a repair call counts against the budget too", async () => {
    server.push(answers.invalidJson(usage), answers.json(oneFinding, usage));
    const llm = reviewLlm({});

    const result = await llm.complete(reviewRequest());

    expect(result).toMatchObject({ ok: true, repaired: true });
    expect(llm.usage()).toMatchObject({ calls: 1, promptTokens: 1000, completionTokens: 600, skipped: [] });
    expect(llm.summaryNote()).toBeUndefined();
  });

  test("the daily installation cap stops a later review of the same installation", async () => {
    server.push(answers.json(oneFinding, { usage: { prompt_tokens: 40_000, completion_tokens: 10_000 } }));
    const store = new MemorySpendStore();
    const first = reviewLlm({ maxCostPerInstallationPerDayUsd: 1 }, { installationId: 7, spendStore: store });
    await first.complete(reviewRequest());

    const second = reviewLlm({ maxCostPerInstallationPerDayUsd: 1 }, { installationId: 7, spendStore: store }, { LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD: "0.5" });
    const refused = await second.complete(reviewRequest());

    // $0.70 spent: under the repository's $1 but over the operator's $0.50 ceiling.
    expect(refused).toMatchObject({ ok: false, reason: "budget", note: "LLM review:correctness skipped: daily LLM budget of this installation reached ($0.70 of $0.50 spent today, UTC)" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("outages", () => {
  test("after two calls fail at the endpoint the rest of the review is skipped without requests", async () => {
    for (let i = 0; i < 6; i++) server.push(answers.serverError(503));
    const llm = reviewLlm({});

    const results = [];
    for (let i = 0; i < 4; i++) results.push(await llm.complete(reviewRequest({ purpose: `review:part${i}` })));

    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["unavailable", "unavailable", "unavailable", "unavailable"]);
    expect(server.requests).toHaveLength(6);
    expect(!results[3].ok && results[3].note).toBe("LLM review:part3 skipped: the endpoint failed 2 calls in a row earlier in this review");
    expect(llm.summaryNote()).toBe(
      "LLM review incomplete: all 4 calls skipped: 4 LLM unavailable (endpoint failing (HTTP 503 after 3 attempts: The server had an error while processing your request.)). Static findings are complete.",
    );
  });

  test("a success in between keeps the endpoint in use", async () => {
    server.push(answers.serverError(503), answers.serverError(503), answers.serverError(503), answers.json(oneFinding), answers.serverError(400), answers.json(oneFinding));
    const llm = reviewLlm({});

    const results = [];
    for (let i = 0; i < 4; i++) results.push(await llm.complete(reviewRequest()));

    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["unavailable", "ok", "unavailable", "ok"]);
  });
});

describe("createLlmFromEnv", () => {
  const config = llmConfigSchema.parse({});

  test("no API key or LLM turned off: static review only", () => {
    expect(createLlmFromEnv({}, config)).toBeUndefined();
    expect(createLlmFromEnv({ OPENAI_API_KEY: "  " }, config)).toBeUndefined();
    expect(createLlmFromEnv({ OPENAI_API_KEY: "sk" }, llmConfigSchema.parse({ enabled: false }))).toBeUndefined();
    expect(createLlmFromEnv({ OPENAI_API_KEY: "sk" }, config)).toBeDefined();
  });

  test("a repository's baseUrl is ignored unless the operator allows it", async () => {
    const other = await startScriptedOpenAiServer([answers.json(oneFinding)]);
    try {
      server.push(answers.json(oneFinding));
      const ignored = reviewLlm({ baseUrl: other.url });
      await ignored.complete(reviewRequest());
      expect([server.requests.length, other.requests.length]).toEqual([1, 0]);
      expect(ignored.summaryNote()).toBe(`llm.baseUrl ${other.url} ignored: the App only sends its API key to endpoints its operator lists in LLM_ALLOWED_BASE_URLS.`);

      const allowed = reviewLlm({ baseUrl: other.url }, {}, { LLM_ALLOWED_BASE_URLS: `https://example.test/v1, ${other.url}/` });
      await allowed.complete(reviewRequest());
      expect([server.requests.length, other.requests.length]).toEqual([1, 1]);
      expect(allowed.summaryNote()).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  test("a malformed operator ceiling fails fast with the variable's name", () => {
    expect(() => createLlmFromEnv({ OPENAI_API_KEY: "sk", LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD: "ten" }, config)).toThrow(
      new LlmError("bad-config", 'LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD must be a number of USD >= 0, got "ten"'),
    );
  });

  test("config defaults", () => {
    expect(config).toEqual({
      enabled: true,
      model: "gpt-4.1-mini",
      maxTokensPerReview: 200_000,
      maxCallsPerDimension: 3,
      maxCostPerReviewUsd: 0.5,
      maxCostPerInstallationPerDayUsd: 10,
      timeoutMs: 60_000,
      prices: {},
    });
    expect(llmConfigSchema.safeParse({ maxCostPerReviewUsd: -1 }).success).toBe(false);
    expect(llmConfigSchema.safeParse({ modle: "x" }).success).toBe(false);
  });
});
