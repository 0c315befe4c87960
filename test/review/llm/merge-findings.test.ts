import { describe, expect, test } from "@jest/globals";
import { ScriptedLlm } from "../../../src/llm/scripted-llm.js";
import type { Finding } from "../../../src/review/finding.js";
import { mergeWithStatic } from "../../../src/review/llm/merge-findings.js";
import { reviewDiff } from "../../../src/review/pipeline.js";
import { confidenceAnswer, item, needleRule, reviewAnswer, snippetChange } from "./llm-review-fixtures.js";

const THRESHOLDS = { correctness: 0.7, security: 0.6, style: 0.85, coverage: 0.8 };

const finding = (over: Partial<Finding>): Finding => ({
  path: "a.ts",
  line: 10,
  side: "RIGHT",
  category: "security",
  severity: "blocking",
  confidence: 0.9,
  rule: "security/command-injection",
  message: "Command built from input.",
  fingerprint: "static0000000001",
  ...over,
});

describe("mergeWithStatic", () => {
  const stat = finding({});
  test.each([
    ["the same line merges", { line: 10 }, 1],
    ["a range that overlaps merges", { startLine: 8, line: 11 }, 1],
    ["another line stays apart", { line: 12 }, 0],
    ["another category stays apart", { category: "correctness" as const }, 0],
    ["another file stays apart", { path: "b.ts" }, 0],
    ["the other side stays apart", { side: "LEFT" as const }, 0],
  ])("%s", (_name, place, merged) => {
    const llm = finding({ rule: "llm/security", message: "The query string reaches exec.", confidence: 0.8, fingerprint: "llm0000000000001", severity: "warning", ...place });
    const result = mergeWithStatic([stat], [llm], THRESHOLDS);
    expect(result.merged).toBe(merged);
    expect(result.findings).toHaveLength(merged ? 1 : 2);
  });

  test("the merged finding keeps the static rule, fingerprint, severity and confidence, and carries the LLM's explanation", () => {
    const llm = finding({ rule: "llm/security", message: "The query string reaches exec.", confidence: 0.8, fingerprint: "llm0000000000001", severity: "warning" });
    const { findings } = mergeWithStatic([stat], [llm], THRESHOLDS);
    expect(findings).toEqual([
      { ...stat, message: "Command built from input.\n\nLLM review: The query string reaches exec. (llm/security, confidence 0.80)" },
    ]);
    // The input is not mutated: the static list stays as the rules reported it.
    expect(stat.message).toBe("Command built from input.");
  });

  test("an LLM finding under its threshold at a static finding's place adds nothing and is not kept", () => {
    const llm = finding({ rule: "llm/security", message: "Maybe unsafe.", confidence: 0.3, fingerprint: "llm0000000000001" });
    expect(mergeWithStatic([stat], [llm], THRESHOLDS)).toEqual({ findings: [stat], merged: 0, absorbed: 1 });
  });
});

describe("merging in the pipeline", () => {
  const { diff, repo } = snippetChange({
    "src/run.ts": `
 import { exec } from "node:child_process";
 export function run(name: string) {
+  exec("ls " + name);
 }`,
  });
  const rules = [needleRule("security/exec-call", "security", "exec(", "exec() runs a shell command.")];

  test("an LLM finding at a static finding's place becomes one comment: static rule and fingerprint, both explanations", async () => {
    const staticOnly = await reviewDiff({ diff, repo, rules });
    const llm = new ScriptedLlm([
      reviewAnswer("correctness", [item("correctness", "src/run.ts", 'exec("ls " + name);', "The callback is missing, so failures are lost.")]),
      reviewAnswer("security", [item("security", "src/run.ts", '"ls " + name', "name comes from the caller and reaches a shell.")]),
      reviewAnswer("style"),
      reviewAnswer("coverage"),
      confidenceAnswer({ c1: 0.8, c2: 0.9 }),
    ]);
    const result = await reviewDiff({ diff, repo, rules, llm: { port: llm } });

    expect(staticOnly.findings).toHaveLength(1);
    expect(result.findings).toHaveLength(2);
    const security = result.findings.find((f) => f.category === "security");
    const correctness = result.findings.find((f) => f.category === "correctness");
    expect(security).toEqual({
      ...staticOnly.findings[0],
      message: "exec() runs a shell command.\n\nLLM review: name comes from the caller and reaches a shell. (weakness: CWE-78; reached from: the request body) (llm/security, confidence 0.90)",
    });
    // Another category at the same line is another comment.
    expect(correctness).toMatchObject({ rule: "llm/correctness", line: 3, confidence: 0.8, posted: true });
    expect(result.summary.posted).toBe(2);
  });
});
