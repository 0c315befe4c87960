import { afterEach, beforeEach, expect } from "@jest/globals";
import { z } from "zod";
import type { LlmRequest } from "../../src/llm/llm-port.js";
import { EndpointProfiles } from "../../src/llm/endpoint-profile.js";
import { OpenAiLlm, type OpenAiLlmOptions } from "../../src/llm/openai-llm.js";
import { startScriptedOpenAiServer, type ScriptedOpenAiServer } from "../fakes/openai/index.js";

/** The answer shape most LLM tests ask for: a small review. */
export const findingsSchema = z.object({
  findings: z.array(
    z.object({
      line: z.number().int().min(1),
      message: z.string().min(1),
      severity: z.enum(["blocking", "warning", "suggestion"]),
    }),
  ),
});
export type Findings = z.infer<typeof findingsSchema>;

/** A valid answer for {@link findingsSchema}. */
export const oneFinding: Findings = { findings: [{ line: 3, message: "possible null dereference", severity: "warning" }] };

/** A review request for {@link findingsSchema}. */
export function reviewRequest(overrides: Partial<LlmRequest<Findings>> = {}): LlmRequest<Findings> {
  return {
    purpose: "review:correctness",
    system: "You review code changes.",
    messages: [{ role: "user", content: "diff --git a/a.ts b/a.ts\n+const x = y!.z;" }],
    schema: findingsSchema,
    schemaName: "review_findings",
    maxTokens: 800,
    ...overrides,
  };
}

/** An OpenAiLlm against the fake, with fast retries and its own endpoint memory. */
export function llmFor(server: ScriptedOpenAiServer, options: Partial<OpenAiLlmOptions> = {}): OpenAiLlm {
  return new OpenAiLlm({
    apiKey: "sk-test",
    baseURL: server.url,
    model: "gpt-test",
    timeoutMs: 2000,
    retry: { attempts: 3, baseMs: 5, maxMs: 1000 },
    profiles: new EndpointProfiles(),
    ...options,
  });
}

/**
 * A fresh scripted OpenAI-compatible server for each test of the calling file, checked after it
 * (no request went unanswered by the script) and closed.
 */
export function useScriptedOpenAiServer(): () => ScriptedOpenAiServer {
  let server: ScriptedOpenAiServer | undefined;
  beforeEach(async () => {
    server = await startScriptedOpenAiServer();
  });
  afterEach(async () => {
    expect(server!.unexpected).toEqual([]);
    await server!.close();
  });
  return () => server!;
}
