import { describe, expect, test } from "@jest/globals";
import { z } from "zod";
import { jsonModeInstruction, parseAnswer, toResponseSchema, unfence } from "../../src/llm/structured-output.js";

describe("toResponseSchema", () => {
  test.each([
    ["closed object, all required", z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })) }), true],
    ["nullable instead of optional", z.object({ a: z.string().nullable() }), true],
    ["enums and literals", z.object({ kind: z.enum(["x", "y"]), v: z.literal(1) }), true],
    ["an optional field", z.object({ a: z.string().optional() }), false],
    ["a nested optional field", z.object({ a: z.array(z.object({ b: z.number().optional() })) }), false],
    ["a record", z.object({ a: z.record(z.string(), z.number()) }), false],
    ["an open object", z.looseObject({ a: z.string() }), false],
    ["an unknown", z.object({ a: z.unknown() }), false],
  ])("%s → strict %s", (_name, schema, strict) => {
    expect(toResponseSchema(schema).strict).toBe(strict);
  });

  test("drops $schema and keeps zod's schema otherwise", () => {
    const { schema } = toResponseSchema(z.object({ a: z.string() }));
    expect(schema).toEqual({ type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false });
  });

  test("types JSON cannot express become 'anything' instead of throwing", () => {
    expect(toResponseSchema(z.object({ when: z.date() })).schema).toMatchObject({ properties: { when: {} } });
  });
});

describe("unfence", () => {
  test.each([
    ["a json fence", '```json\n{"n": 1}\n```', '{"n": 1}'],
    ["a tag with trailing spaces", '```ts  \n{"n": 1}```', '{"n": 1}'],
    ["an empty fenced body", "```\n```", ""],
    ["no fence", '{"n": 1}', '{"n": 1}'],
    ["an opening fence only", '```json\n{"n": 1}', '```json\n{"n": 1}'],
    ["a tag that is not a language", '```json x\n{"n": 1}\n```', '```json x\n{"n": 1}\n```'],
    ["one line of backticks", "``````", "``````"],
  ])("%s", (_name, text, expected) => {
    expect(unfence(text)).toBe(expected);
  });

  test("a long run of newlines with no closing fence comes back as is (no backtracking blow-up)", () => {
    const garbage = "```json" + "\n".repeat(200_000) + "x";
    expect(unfence(garbage)).toBe(garbage);
  });
});

describe("parseAnswer", () => {
  const schema = z.object({ n: z.number() });

  test.each([
    ["plain JSON", '{"n": 1}', { ok: true, value: { n: 1 } }],
    ["a ```json fence", '```json\n{"n": 2}\n```', { ok: true, value: { n: 2 } }],
    ["a bare fence with spaces", '  ```\n{"n": 3}\n```  ', { ok: true, value: { n: 3 } }],
    ["null content", null, { ok: false, problem: "the answer was empty" }],
  ])("%s", (_name, content, expected) => {
    expect(parseAnswer(content, schema)).toEqual(expected);
  });

  test("invalid JSON names the parser's complaint; truncation asks for brevity", () => {
    const result = parseAnswer('{"n": ', schema, true);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/^the answer is not valid JSON: .+ \(the answer was cut off at the token limit: answer more briefly\)$/);
  });

  test("schema errors list paths, capped for long lists", () => {
    const many = z.object({ items: z.array(z.object({ id: z.string() })) });
    const result = parseAnswer(JSON.stringify({ items: Array.from({ length: 30 }, () => ({ id: 1 })) }), many);
    const problem = !result.ok ? result.problem : "";
    expect(problem).toContain("→ at items[0].id");
    expect(problem).toMatch(/… \d+ more lines$/);
    expect(problem.split("\n").length).toBeLessThanOrEqual(22);
  });

  test("JSON mode instruction carries the schema and the word JSON (OpenAI's JSON mode requires it)", () => {
    expect(jsonModeInstruction({ type: "object" })).toBe('Reply with exactly one JSON object, no prose and no code fence, that conforms to this JSON Schema:\n{"type":"object"}');
  });
});
