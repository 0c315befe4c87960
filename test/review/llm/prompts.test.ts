import { describe, expect, test } from "@jest/globals";
import { toResponseSchema } from "../../../src/llm/structured-output.js";
import { UNTRUSTED_DATA_RULE } from "../../../src/llm/untrusted-text.js";
import { DIMENSIONS } from "../../../src/review/llm/dimension.js";
import { confidenceSchema, CONFIDENCE_SYSTEM } from "../../../src/review/llm/prompts/confidence.js";
import { REVIEW_PROMPTS } from "../../../src/review/llm/prompts/index.js";
import { MAX_FINDINGS_PER_CALL } from "../../../src/review/llm/prompts/review-prompt.js";
import { runLlmReview } from "../../../src/review/llm/run-llm-review.js";
import { ScriptedLlm } from "../../../src/llm/scripted-llm.js";
import { item, quietReview, snippetChange } from "./llm-review-fixtures.js";

const THRESHOLDS = { correctness: 0.7, security: 0.6, style: 0.85, coverage: 0.8 };

describe("reviewer prompts", () => {
  test("one prompt and one answer schema per dimension, each with its own field", () => {
    const own = { correctness: "trigger", security: "source", style: "convention", coverage: "behaviour" } as const;
    for (const dimension of DIMENSIONS) {
      const prompt = REVIEW_PROMPTS[dimension];
      expect(prompt.dimension).toBe(dimension);
      const good = { findings: [item(dimension, "a.ts", "x = 1", "why")] };
      expect(prompt.schema.safeParse(good).success).toBe(true);
      const { [own[dimension]]: _dropped, ...withoutOwn } = good.findings[0];
      expect(prompt.schema.safeParse({ findings: [withoutOwn] }).success).toBe(false);
      // A reviewer reports its own category only.
      const other = DIMENSIONS.find((d) => d !== dimension)!;
      expect(prompt.schema.safeParse({ findings: [{ ...good.findings[0], category: other }] }).success).toBe(false);
    }
    expect(new Set(DIMENSIONS.map((d) => REVIEW_PROMPTS[d].system)).size).toBe(4);
    expect(new Set(DIMENSIONS.map((d) => REVIEW_PROMPTS[d].schemaName)).size).toBe(4);
  });

  test("answers are bounded: a long list of findings is refused", () => {
    const many = Array.from({ length: MAX_FINDINGS_PER_CALL + 1 }, () => item("style", "a.ts", "x = 1", "why"));
    expect(REVIEW_PROMPTS.style.schema.safeParse({ findings: many }).success).toBe(false);
  });

  test("every schema fits OpenAI's strict structured outputs (optional fields are nullable)", () => {
    for (const dimension of DIMENSIONS) expect(toResponseSchema(REVIEW_PROMPTS[dimension].schema).strict).toBe(true);
    expect(toResponseSchema(confidenceSchema).strict).toBe(true);
  });

  test("every system prompt says what untrusted data is, and asks for quotes from added lines", () => {
    for (const dimension of DIMENSIONS) {
      expect(REVIEW_PROMPTS[dimension].system).toContain(UNTRUSTED_DATA_RULE);
      expect(REVIEW_PROMPTS[dimension].system).toContain("copied exactly from the '+' lines");
    }
    expect(CONFIDENCE_SYSTEM).toContain(UNTRUSTED_DATA_RULE);
  });
});

describe("the summary says what the LLM reviewers read", () => {
  const { change } = snippetChange({
    "src/a.ts": "\n export function a() {\n+  return 1;\n }\n",
    "src/b.ts": "\n export function b() {\n+  return 2;\n }\n",
    "package-lock.json": '\n {\n+  "lockfileVersion": 3\n }\n',
  });

  test("files left out for the context budget are named; lock files are never sent", async () => {
    const llm = new ScriptedLlm(quietReview().slice(0, 1));
    // Room for the instructions and one small file.
    const contextTokens = Math.ceil(REVIEW_PROMPTS.correctness.system.length / 4) + 160;
    const result = await runLlmReview({ change, port: llm, staticFindings: [], thresholds: THRESHOLDS, contextTokens, dimensions: ["correctness"] });

    const [sent] = llm.requests().map((r) => r.messages[0].content);
    expect(sent).toContain("## src/a.ts (modified)");
    expect(sent).not.toContain("src/b.ts");
    expect(sent).not.toContain("lockfileVersion");
    expect(result.notes).toEqual(["LLM reviewers read 1 changed file(s); left out for the context budget: src/b.ts"]);
  });

  test("a change with nothing to read makes no call", async () => {
    const { change: lockOnly } = snippetChange({ "yarn.lock": "\n a\n+b\n" });
    const llm = new ScriptedLlm([]);
    const result = await runLlmReview({ change: lockOnly, port: llm, staticFindings: [], thresholds: THRESHOLDS });
    expect(result).toEqual({ findings: [], notes: [], stats: { calls: 0, promptTokens: 0, completionTokens: 0 } });
  });
});
