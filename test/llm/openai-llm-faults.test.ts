import { beforeEach, describe, expect, test } from "@jest/globals";
import { createServer } from "node:net";
import { answers, type ScriptedOpenAiServer } from "../fakes/openai/index.js";
import { llmFor, oneFinding, reviewRequest, useScriptedOpenAiServer } from "./llm-test-kit.js";

const scripted = useScriptedOpenAiServer();
let server: ScriptedOpenAiServer;
beforeEach(() => {
  server = scripted();
});

describe("OpenAiLlm retries", () => {
  test("429 with retry-after: waits what the server asked, then succeeds", async () => {
    server.push(answers.rateLimited(0.3), answers.json(oneFinding));
    const started = Date.now();
    const result = await llmFor(server).complete(reviewRequest());

    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    // baseMs is 5 ms in these tests: only the header explains a wait this long.
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  test("429 with retry-after-ms is honoured too", async () => {
    server.push(answers.status(429, "slow down", { headers: { "retry-after-ms": "150", "retry-after": "30" } }), answers.json(oneFinding));
    const started = Date.now();
    const result = await llmFor(server).complete(reviewRequest());

    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test("a retry-after longer than the longest wait ends the retries at once", async () => {
    server.push(answers.rateLimited(60));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "unavailable", note: "LLM review:correctness skipped: rate limited (HTTP 429: Rate limit reached for requests)" });
    expect(server.requests).toHaveLength(1);
  });

  test("500 is retried", async () => {
    server.push(answers.serverError(500), answers.serverError(503), answers.json(oneFinding));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result.ok).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  test("5xx on every attempt: unavailable, with the attempts in the note", async () => {
    server.push(answers.serverError(502), answers.serverError(502), answers.serverError(502));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toEqual({
      ok: false,
      reason: "unavailable",
      note: "LLM review:correctness skipped: endpoint failing (HTTP 502 after 3 attempts: The server had an error while processing your request.)",
      usage: { promptTokens: 0, completionTokens: 0 },
    });
  });

  test("401 is not retried", async () => {
    server.push(answers.status(401, "Incorrect API key provided", { type: "invalid_request_error" }));
    const result = await llmFor(server).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    expect(server.requests).toHaveLength(1);
  });

  test("connection refused is retried, then reported unreachable", async () => {
    const port = await closedPort();
    const llm = llmFor(server, { baseURL: `http://127.0.0.1:${port}/v1` });
    const result = await llm.complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "unavailable" });
    expect(!result.ok && result.note).toBe(`LLM review:correctness skipped: endpoint unreachable (connect ECONNREFUSED 127.0.0.1:${port} after 3 attempts)`);
  });
});

describe("OpenAiLlm timeouts and cancellation", () => {
  test("an answer slower than timeoutMs: timeout, not retried", async () => {
    server.push(answers.slow(1500, answers.json(oneFinding)));
    const started = Date.now();
    const result = await llmFor(server, { timeoutMs: 150 }).complete(reviewRequest());

    expect(result).toMatchObject({ ok: false, reason: "timeout", note: "LLM review:correctness skipped: no answer within 150 ms" });
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1400);
  });

  test("aborting the signal mid-request stops at once with reason aborted", async () => {
    server.push(answers.slow(1500, answers.json(oneFinding)));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("superseded by abc1234")), 100);
    const started = Date.now();
    const result = await llmFor(server).complete(reviewRequest(), controller.signal);

    expect(result).toMatchObject({ ok: false, reason: "aborted", note: "LLM review:correctness cancelled: superseded by abc1234" });
    expect(Date.now() - started).toBeLessThan(1400);
  });

  test("aborting during a retry-after wait sends no further request", async () => {
    server.push(answers.rateLimited(0.8));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const result = await llmFor(server).complete(reviewRequest(), controller.signal);

    expect(result).toMatchObject({ ok: false, reason: "aborted" });
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(700);
  });

  test("an already aborted signal sends nothing", async () => {
    const result = await llmFor(server).complete(reviewRequest(), AbortSignal.abort());

    expect(result).toMatchObject({ ok: false, reason: "aborted" });
    expect(server.requests).toHaveLength(0);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
