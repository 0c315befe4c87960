import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";
import { LlmError } from "./llm-error.js";
import type { LlmRequest, LlmResult } from "./llm-port.js";

const usageSchema = z.object({ promptTokens: z.number().min(0), completionTokens: z.number().min(0) });

const exchangeSchema = z.object({
  purpose: z.string().min(1),
  /**
   * What was asked, for reading and for checks on replay (the schema itself is code, not data).
   * Recordings have all of it; a hand-written script may leave it out.
   */
  request: z
    .object({
      system: z.string(),
      messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() })),
      schemaName: z.string(),
      maxTokens: z.number(),
    })
    .partial()
    .default({}),
  result: z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), value: z.unknown(), usage: usageSchema, model: z.string(), repaired: z.boolean() }),
    z.object({
      ok: z.literal(false),
      reason: z.enum(["invalid-output", "budget", "timeout", "unavailable", "aborted"]),
      note: z.string(),
      usage: usageSchema,
    }),
  ]),
});

/** One request to a model and what came of it, as recorded for replay. */
export type RecordedExchange = z.infer<typeof exchangeSchema>;

/** An exchange as written by hand (`request` optional). */
export type ScriptedExchange = z.input<typeof exchangeSchema>;

const recordingSchema = z.object({ version: z.literal(1), exchanges: z.array(exchangeSchema) });

/** The recorded form of a request and its result. */
export function toExchange<T>(request: LlmRequest<T>, result: LlmResult<T>): RecordedExchange {
  const { purpose, system, messages, schemaName, maxTokens } = request;
  return { purpose, request: { system, messages: messages.map((m) => ({ ...m })), schemaName, maxTokens }, result: structuredClone(result) };
}

/** Reads a recording file (`{ version: 1, exchanges: [...] }`); a malformed one throws an LlmError. */
export async function readRecording(path: string): Promise<RecordedExchange[]> {
  return parseRecording(JSON.parse(await readFile(path, "utf8")), path);
}

/** Validates exchanges given as data: a parsed recording file or an array (e.g. written in a test). */
export function parseRecording(data: unknown, source = "recording"): RecordedExchange[] {
  const parsed = recordingSchema.safeParse(Array.isArray(data) ? { version: 1, exchanges: data } : data);
  if (!parsed.success) throw new LlmError("bad-recording", `${source} is not a recording of LLM exchanges:\n${z.prettifyError(parsed.error)}`);
  return parsed.data.exchanges;
}

/** Writes exchanges as a recording file, pretty-printed so diffs of re-recordings stay readable. */
export async function writeRecording(path: string, exchanges: RecordedExchange[]): Promise<void> {
  await writeFile(path, `${JSON.stringify({ version: 1, exchanges }, null, 2)}\n`, "utf8");
}
