import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { LlmError } from "../../src/llm/llm-error.js";
import { RecordingLlm } from "../../src/llm/recording-llm.js";
import { ScriptedLlm } from "../../src/llm/scripted-llm.js";
import { answers, startScriptedOpenAiServer, type ScriptedOpenAiServer } from "../fakes/openai/index.js";
import { llmFor, oneFinding, reviewRequest } from "./llm-test-kit.js";

let server: ScriptedOpenAiServer;
let dir: string;
beforeEach(async () => {
  server = await startScriptedOpenAiServer();
  dir = await mkdtemp(join(tmpdir(), "patchwarden-llm-"));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const ok = (value: unknown) => ({ ok: true as const, value, usage: { promptTokens: 1, completionTokens: 1 }, model: "m", repaired: false });

describe("recording and replay", () => {
  test("a review recorded against the real SDK replays to the same results, offline", async () => {
    const other = { findings: [{ line: 9, message: "SQL built from input", severity: "blocking" }] };
    server.push(answers.json(oneFinding), answers.json(other), answers.serverError(400));
    const recorder = new RecordingLlm(llmFor(server));
    const asks = [reviewRequest(), reviewRequest({ purpose: "review:security" }), reviewRequest({ purpose: "review:style" })];
    const live = [];
    for (const ask of asks) live.push(await recorder.complete(ask));
    const file = join(dir, "review.json");
    await recorder.save(file);

    const replay = await ScriptedLlm.fromFile(file);
    const replayed = [];
    for (const ask of asks) replayed.push(await replay.complete(ask));

    expect(replayed).toEqual(live);
    expect(live.map((r) => r.ok)).toEqual([true, true, false]);
    replay.assertAllUsed();
    const saved = JSON.parse(await readFile(file, "utf8"));
    expect(saved.version).toBe(1);
    expect(saved.exchanges[0].request).toEqual({ system: "You review code changes.", messages: asks[0].messages, schemaName: "review_findings", maxTokens: 800 });
  });

  test("replay matches by purpose, then order: purposes may interleave differently", async () => {
    const llm = new ScriptedLlm([
      { purpose: "review:security", result: ok({ findings: [] }) },
      { purpose: "review:correctness", result: ok(oneFinding) },
      { purpose: "review:security", result: ok({ findings: [{ line: 1, message: "second", severity: "warning" }] }) },
    ]);

    const correctness = await llm.complete(reviewRequest());
    const security1 = await llm.complete(reviewRequest({ purpose: "review:security" }));
    const security2 = await llm.complete(reviewRequest({ purpose: "review:security" }));

    expect([correctness, security1, security2].map((r) => r.ok && r.value.findings.length)).toEqual([1, 0, 1]);
    expect(llm.requests().map((r) => r.purpose)).toEqual(["review:correctness", "review:security", "review:security"]);
  });

  test("an unexpected call fails loudly", async () => {
    const llm = new ScriptedLlm([{ purpose: "review:correctness", result: ok(oneFinding) }]);
    await llm.complete(reviewRequest());

    await expect(llm.complete(reviewRequest())).rejects.toThrow(new LlmError("unexpected-call", 'no recorded exchange left for call 2 of purpose "review:correctness" (recorded purposes: review:correctness)'));
    await expect(llm.complete(reviewRequest({ purpose: "review:style" }))).rejects.toMatchObject({ name: "LlmError", code: "unexpected-call" });
  });

  test("exchanges never asked for fail assertAllUsed", () => {
    const llm = new ScriptedLlm([{ purpose: "review:security", result: ok({ findings: [] }) }]);
    expect(() => llm.assertAllUsed()).toThrow("recorded exchanges never asked for: review:security ×1");
  });

  test("a recorded value that no longer fits the schema, or another schema name, is a mismatch", async () => {
    const llm = new ScriptedLlm([
      { purpose: "review:correctness", result: ok({ findings: [{ line: "three" }] }) },
      { purpose: "review:security", request: { schemaName: "old_findings" }, result: ok(oneFinding) },
    ]);

    await expect(llm.complete(reviewRequest())).rejects.toMatchObject({ code: "replay-mismatch" });
    await expect(llm.complete(reviewRequest({ purpose: "review:security" }))).rejects.toThrow('recorded schema "old_findings", asked "review_findings"');
  });

  test("matchMessages: a changed prompt is caught", async () => {
    const recorded = { purpose: "review:correctness", request: { messages: [{ role: "user" as const, content: "old diff" }] }, result: ok(oneFinding) };
    await expect(new ScriptedLlm([recorded], { matchMessages: true }).complete(reviewRequest())).rejects.toThrow("messages differ from the recording");
    await expect(new ScriptedLlm([recorded]).complete(reviewRequest())).resolves.toMatchObject({ ok: true });
  });

  test("replayed values go through the schema (defaults and transforms apply)", async () => {
    const schema = z.object({ count: z.number(), tags: z.array(z.string()).default([]) });
    const llm = new ScriptedLlm([{ purpose: "p", result: ok({ count: 2 }) }]);
    const result = await llm.complete({ ...reviewRequest(), purpose: "p", schema, schemaName: "counted" });
    expect(result).toMatchObject({ ok: true, value: { count: 2, tags: [] } });
  });

  test("an aborted signal gives an aborted result and uses up the exchange", async () => {
    const llm = new ScriptedLlm([{ purpose: "review:correctness", result: ok(oneFinding) }]);
    await expect(llm.complete(reviewRequest(), AbortSignal.abort())).resolves.toMatchObject({ ok: false, reason: "aborted" });
    llm.assertAllUsed();
  });

  test("a file that is not a recording is refused with the field paths", async () => {
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ version: 1, exchanges: [{ purpose: "p", result: { ok: false, reason: "meltdown" } }] }));
    const error = await ScriptedLlm.fromFile(file).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).code).toBe("bad-recording");
    expect((error as LlmError).message).toContain("exchanges[0].result.reason");
  });
});
