import { beforeEach, describe, expect, test } from "@jest/globals";
import { z } from "zod";
import { EndpointProfiles } from "../../src/llm/endpoint-profile.js";
import { answers, type ScriptedOpenAiServer } from "../fakes/openai/index.js";
import { findingsSchema, llmFor, oneFinding, reviewRequest, useScriptedOpenAiServer } from "./llm-test-kit.js";

const scripted = useScriptedOpenAiServer();
let server: ScriptedOpenAiServer;
beforeEach(() => {
  server = scripted();
});

describe("OpenAiLlm request shape", () => {
  test("sends model, system + messages, the zod-generated json_schema and the token limit", async () => {
    server.push(answers.json(oneFinding));
    const result = await llmFor(server).complete(reviewRequest({ temperature: 0 }));

    expect(result).toEqual({ ok: true, value: oneFinding, usage: { promptTokens: 100, completionTokens: 20 }, model: "gpt-test", repaired: false });
    const [request] = server.requests;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.headers.authorization).toBe("Bearer sk-test");
    const { $schema: _dialect, ...expectedSchema } = z.toJSONSchema(findingsSchema) as Record<string, unknown>;
    expect(request.body).toEqual({
      model: "gpt-test",
      messages: [
        { role: "system", content: "You review code changes." },
        { role: "user", content: "diff --git a/a.ts b/a.ts\n+const x = y!.z;" },
      ],
      response_format: { type: "json_schema", json_schema: { name: "review_findings", schema: expectedSchema, strict: true } },
      // A loopback server is not OpenAI: it gets the parameter every compatible server knows.
      max_tokens: 800,
      temperature: 0,
    });
  });

  test("a schema with optional fields goes non-strict (strict mode needs every property required)", async () => {
    server.push(answers.json({ note: "x" }));
    const schema = z.object({ note: z.string(), detail: z.string().optional() });
    const result = await llmFor(server).complete({ ...reviewRequest(), schema, schemaName: "loose" });

    expect(result.ok).toBe(true);
    expect(server.requests[0].body.response_format.json_schema.strict).toBe(false);
  });

  test("the model named in the response is reported; missing usage is estimated, not zero", async () => {
    server.push(answers.json(oneFinding, { model: "gpt-test-2025-01-01", usage: null }));
    const result = await llmFor(server).complete(reviewRequest());

    if (!result.ok) throw new Error(result.note);
    expect(result.model).toBe("gpt-test-2025-01-01");
    expect(result.usage.promptTokens).toBeGreaterThan(10);
    expect(result.usage.completionTokens).toBe(Math.ceil(JSON.stringify(oneFinding).length / 4));
  });
});

describe("OpenAiLlm endpoint fallbacks", () => {
  test("json_schema rejected: resends in JSON mode with the schema in the system prompt, and remembers", async () => {
    server.push(answers.rejectJsonSchema(), answers.json(oneFinding), answers.json(oneFinding));
    const llm = llmFor(server);

    const first = await llm.complete(reviewRequest());
    const second = await llm.complete(reviewRequest());

    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(server.requests.map((r) => r.body.response_format.type)).toEqual(["json_schema", "json_object", "json_object"]);
    const system = server.requests[1].body.messages[0].content as string;
    expect(system).toContain("You review code changes.");
    expect(system).toContain("conforms to this JSON Schema");
    expect(system).toContain('"severity":{"type":"string","enum":["blocking","warning","suggestion"]}');
  });

  test("the memory is per endpoint and model", async () => {
    const profiles = new EndpointProfiles();
    server.push(answers.rejectJsonSchema(), answers.json(oneFinding), answers.json(oneFinding));

    await llmFor(server, { profiles }).complete(reviewRequest());
    await llmFor(server, { profiles, model: "other-model" }).complete(reviewRequest());

    expect(server.requests.map((r) => `${r.body.model} ${r.body.response_format.type}`)).toEqual([
      "gpt-test json_schema",
      "gpt-test json_object",
      "other-model json_schema",
    ]);
  });

  test("max_tokens refused: switches to max_completion_tokens once and remembers", async () => {
    server.push(answers.rejectMaxTokens(), answers.json(oneFinding), answers.json(oneFinding));
    const llm = llmFor(server);

    await llm.complete(reviewRequest());
    await llm.complete(reviewRequest());

    expect(server.requests.map((r) => [r.body.max_tokens, r.body.max_completion_tokens])).toEqual([
      [800, undefined],
      [undefined, 800],
      [undefined, 800],
    ]);
  });

  test("OpenAI and Azure hosts start with max_completion_tokens, others with max_tokens", () => {
    const profiles = new EndpointProfiles();
    const param = (url: string) => profiles.get(url, "m").tokenLimitParam;
    expect(param("https://api.openai.com/v1")).toBe("max_completion_tokens");
    expect(param("https://acme.openai.azure.com/openai/v1/")).toBe("max_completion_tokens");
    expect(param("http://localhost:11434/v1")).toBe("max_tokens");
    expect(param("http://vllm.internal:8000/v1")).toBe("max_tokens");
  });

  test("any other 400 is reported as unavailable after one request, with the server's message", async () => {
    server.push(answers.status(400, "Invalid 'messages[1].content': string too long."));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    expect(!result.ok && result.note).toBe(
      "LLM review:correctness skipped: endpoint refused the request (HTTP 400: Invalid 'messages[1].content': string too long.)",
    );
    expect(server.requests).toHaveLength(1);
  });
});
