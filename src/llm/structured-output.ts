import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/** The JSON schema sent as `response_format.json_schema`, and whether strict mode can take it. */
export interface ResponseSchema {
  schema: JsonSchema;
  /**
   * OpenAI's strict mode accepts only closed objects whose every property is required (optional
   * fields must be `.nullable()` instead) and no "anything" nodes; other schemas go non-strict,
   * and our own validation still checks every answer.
   */
  strict: boolean;
}

/** Generates the JSON schema of a zod schema for a model to follow (zod 4 `z.toJSONSchema`). */
export function toResponseSchema(schema: z.ZodType): ResponseSchema {
  // "any" for types JSON cannot express (transforms, dates): the model may send anything there and
  // zod decides; throwing would take the whole LLM reviewer down for one field.
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { unrepresentable: "any" }) as JsonSchema;
  return { schema: jsonSchema, strict: isStrictCompatible(jsonSchema) };
}

function isStrictCompatible(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isStrictCompatible);
  if (typeof node !== "object" || node === null) return true;
  const record = node as JsonSchema;
  if (Object.keys(record).length === 0 || "propertyNames" in record) return false;
  if (record.type === "object" || "properties" in record) {
    const keys = Object.keys((record.properties as JsonSchema | undefined) ?? {});
    const required = new Set((record.required as string[] | undefined) ?? []);
    if (record.additionalProperties !== false || keys.some((k) => !required.has(k))) return false;
  }
  return Object.entries(record).every(([key, child]) => key === "enum" || key === "const" || isStrictCompatible(child));
}

/** A parsed answer, or what is wrong with it in words a model can act on. */
export type ParsedAnswer<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads a model's answer: strips a Markdown code fence (local models in JSON mode often add one),
 * parses JSON and validates it. `truncated` (finish_reason "length") is named in the problem so
 * the repair prompt can ask for a shorter answer.
 */
export function parseAnswer<T>(content: string | null | undefined, schema: z.ZodType<T>, truncated = false): ParsedAnswer<T> {
  const text = unfence(content ?? "");
  if (text === "") return { ok: false, problem: "the answer was empty" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const cut = truncated ? " (the answer was cut off at the token limit: answer more briefly)" : "";
    return { ok: false, problem: `the answer is not valid JSON: ${(error as Error).message}${cut}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: `the JSON does not match the schema:\n${capLines(z.prettifyError(result.error), 20)}` };
}

/** The system-prompt paragraph for endpoints in JSON mode, which cannot be handed a schema. */
export function jsonModeInstruction(schema: JsonSchema): string {
  return `Reply with exactly one JSON object, no prose and no code fence, that conforms to this JSON Schema:\n${JSON.stringify(schema)}`;
}

/** The follow-up user message of the one repair attempt. */
export function repairInstruction(problem: string): string {
  return `Your previous answer cannot be used: ${problem}\nReply again with only the corrected JSON object that conforms to the schema.`;
}

/**
 * The body of a reply wrapped whole in a code fence (```json … ```), else the reply. String
 * slicing, not one regex: model output is untrusted, and a fence pattern with `\s*\n` and a lazy
 * body backtracks quadratically on a long run of newlines with no closing fence.
 */
export function unfence(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 7 || !trimmed.startsWith("```") || !trimmed.endsWith("```")) return trimmed;
  const newline = trimmed.indexOf("\n");
  if (newline < 0 || newline > trimmed.length - 3) return trimmed;
  if (!/^[a-zA-Z]*$/.test(trimmed.slice(3, newline).trim())) return trimmed;
  return trimmed.slice(newline + 1, trimmed.length - 3).trim();
}

function capLines(text: string, max: number): string {
  const lines = text.split("\n");
  return lines.length <= max ? text : [...lines.slice(0, max), `… ${lines.length - max} more lines`].join("\n");
}
