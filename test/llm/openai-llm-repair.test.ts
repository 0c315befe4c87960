import { beforeEach, describe, expect, test } from "@jest/globals";
import { answers, type ScriptedOpenAiServer } from "../fakes/openai/index.js";
import { llmFor, oneFinding, reviewRequest, useScriptedOpenAiServer } from "./llm-test-kit.js";

const scripted = useScriptedOpenAiServer();
let server: ScriptedOpenAiServer;
beforeEach(() => {
  server = scripted();
});

const usage = (prompt: number, completion: number) => ({ usage: { prompt_tokens: prompt, completion_tokens: completion } });

describe("OpenAiLlm repair of invalid answers", () => {
  test("truncated JSON: one repair call that shows the model its answer and the problem", async () => {
    const cut = answers.truncated(oneFinding, usage(100, 800));
    server.push(cut, answers.json(oneFinding, usage(140, 30)));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toEqual({ ok: true, value: oneFinding, usage: { promptTokens: 240, completionTokens: 830 }, model: "gpt-test", repaired: true });
    const repair = server.requests[1].body.messages;
    expect(repair.slice(0, 2)).toEqual(server.requests[0].body.messages);
    expect(repair[2]).toEqual({ role: "assistant", content: cut.kind === "completion" ? cut.content : "" });
    expect(repair[3].role).toBe("user");
    expect(repair[3].content).toMatch(/^Your previous answer cannot be used: the answer is not valid JSON: .+ \(the answer was cut off at the token limit: answer more briefly\)\n/);
    expect(server.requests[1].body.response_format).toEqual(server.requests[0].body.response_format);
  });

  test("JSON that fails the schema: the validation errors go back with their paths", async () => {
    server.push(answers.json({ findings: [{ line: 0, message: "", severity: "critical" }] }), answers.json(oneFinding));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: true, repaired: true });
    const problem = server.requests[1].body.messages[3].content as string;
    expect(problem).toContain("the JSON does not match the schema");
    expect(problem).toContain("→ at findings[0].line");
    expect(problem).toContain("→ at findings[0].severity");
  });

  test("invalid twice: the chunk is dropped with a visible note, usage of both calls kept", async () => {
    server.push(answers.invalidJson(usage(100, 20)), answers.invalidJson(usage(130, 20)));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toEqual({
      ok: false,
      reason: "invalid-output",
      note: expect.stringMatching(/^LLM review:correctness answer dropped: the answer is not valid JSON: .+ \(also after one repair attempt\)$/),
      usage: { promptTokens: 230, completionTokens: 40 },
    });
    expect(server.requests).toHaveLength(2);
  });

  test("truncated, then truncated again: no third call", async () => {
    server.push(answers.truncated(oneFinding), answers.truncated(oneFinding));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "invalid-output" });
    expect(server.requests).toHaveLength(2);
  });

  test("a JSON answer inside a Markdown code fence is accepted without repair", async () => {
    server.push(answers.text("```json\n" + JSON.stringify(oneFinding) + "\n```"));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: true, value: oneFinding, repaired: false });
  });

  test("an empty answer counts as invalid and is repaired", async () => {
    server.push(answers.text(""), answers.json(oneFinding));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: true, repaired: true });
    expect(server.requests[1].body.messages[3].content).toContain("the answer was empty");
  });

  test("a refusal is dropped without a repair attempt", async () => {
    server.push(answers.refusal("I can't help with that."));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "invalid-output", note: "LLM review:correctness answer dropped: the model refused (I can't help with that.)" });
    expect(server.requests).toHaveLength(1);
  });

  test("the repair call failing at the endpoint reports that failure, with the first call's usage", async () => {
    server.push(answers.invalidJson(usage(100, 20)), answers.status(400, "context length exceeded"));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "unavailable", usage: { promptTokens: 100, completionTokens: 20 } });
  });
});
