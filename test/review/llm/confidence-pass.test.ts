import { describe, expect, test } from "@jest/globals";
import { ScriptedLlm } from "../../../src/llm/scripted-llm.js";
import { reviewDiff } from "../../../src/review/pipeline.js";
import { confidenceAnswer, failure, item, reviewAnswer, snippetChange, splitUntrusted } from "./llm-review-fixtures.js";

const { diff, repo } = snippetChange({
  "src/handler.ts": `
 import { exec } from "node:child_process";
 export function handle(req: { query: { name: string } }) {
+  exec("ls " + req.query.name);
+  const n = parseInt(req.query.name);
+  return n;
 }`,
});

const TWO_CANDIDATES = [
  reviewAnswer("correctness", [item("correctness", "src/handler.ts", "const n = parseInt(req.query.name);", "parseInt without a radix and without a NaN check.")]),
  reviewAnswer("security", [item("security", "src/handler.ts", 'exec("ls " + req.query.name);', "Shell command built from the query string.", { severity: "blocking" })]),
  reviewAnswer("style"),
  reviewAnswer("coverage"),
];

const review = (llm: ScriptedLlm) => reviewDiff({ diff, repo, rules: [], llm: { port: llm, model: "gpt-4.1-mini" } });

describe("confidence pass", () => {
  test("the score becomes the confidence, and each category's threshold decides what is posted", async () => {
    // correctness needs 0.7 and security 0.6 (the defaults): the same score posts one and not the other.
    const llm = new ScriptedLlm([...TWO_CANDIDATES, confidenceAnswer({ c1: 0.65, c2: 0.65 })]);
    const result = await review(llm);

    expect(result.findings.map((f) => [f.rule, f.line, f.confidence, f.posted])).toEqual([
      ["llm/security", 3, 0.65, true],
      ["llm/correctness", 4, 0.65, false],
    ]);
    expect(result.findings[0]).toMatchObject({
      path: "src/handler.ts",
      side: "RIGHT",
      category: "security",
      severity: "blocking",
      message: "Shell command built from the query string. (weakness: CWE-78; reached from: the request body)",
    });
    expect(result.summary.verdict).toBe("blocking");
    expect(result.stats.llm).toEqual({ calls: 5, promptTokens: 4300, completionTokens: 440, costUsd: 0.002424 });
    llm.assertAllUsed();
  });

  test("the scoring call is one cheaper request: each candidate's claim and nearby code, in untrusted blocks", async () => {
    const llm = new ScriptedLlm([...TWO_CANDIDATES, confidenceAnswer({ c1: 0.9, c2: 0.9 })]);
    await review(llm);

    const scoring = llm.requests().find((r) => r.purpose === "confidence")!;
    const reviewers = llm.requests().filter((r) => r.purpose.startsWith("review:"));
    expect(scoring.schemaName).toBe("confidence_scores");
    expect(scoring.maxTokens).toBeLessThan(reviewers[0].maxTokens);
    const { inside, outside } = splitUntrusted(scoring.messages[0].content);
    expect(outside).toBe("Score these 2 candidate comments.\n\n[untrusted]\n\n[untrusted]");
    expect(inside[0]).toBe(
      [
        "id: c1",
        "category: correctness",
        "severity: warning",
        "file: src/handler.ts (line 4)",
        "claim: parseInt without a radix and without a NaN check. (fails when: the input is empty)",
        "code:",
        ' import { exec } from "node:child_process";',
        " export function handle(req: { query: { name: string } }) {",
        '+  exec("ls " + req.query.name);',
        "+  const n = parseInt(req.query.name);",
        "+  return n;",
        " }",
      ].join("\n"),
    );
  });

  test("a candidate the answer does not score gets 0 and stays in the summary, with a note", async () => {
    const llm = new ScriptedLlm([...TWO_CANDIDATES, confidenceAnswer({ c2: 0.95, c9: 1 })]);
    const result = await review(llm);

    expect(result.findings.map((f) => [f.rule, f.confidence, f.posted])).toEqual([
      ["llm/security", 0.95, true],
      ["llm/correctness", 0, false],
    ]);
    expect(result.summary.notes).toEqual(["1 LLM finding(s) got no confidence score and are listed here only"]);
  });

  test("when the scoring call fails, no LLM finding is posted inline and the summary says why in one line", async () => {
    const llm = new ScriptedLlm([...TWO_CANDIDATES, failure("confidence", "timeout", "LLM confidence skipped: no answer within 60 s")]);
    const result = await review(llm);

    expect(result.findings.map((f) => [f.rule, f.confidence, f.posted])).toEqual([
      ["llm/security", 0, false],
      ["llm/correctness", 0, false],
    ]);
    expect(result.summary.notes).toEqual([
      "LLM review incomplete: 1 of 5 calls skipped: 1 timed out (no answer within 60 s). Static findings are complete.",
      "2 LLM finding(s) got no confidence score and are listed here only",
    ]);
  });

  test("no candidates, no scoring call; an unplaced quote is a summary note, never a guessed comment", async () => {
    const llm = new ScriptedLlm([
      reviewAnswer("correctness", [item("correctness", "src/handler.ts", "eval(req.body)", "eval on the request body.")]),
      reviewAnswer("security"),
      reviewAnswer("style"),
      reviewAnswer("coverage"),
    ]);
    const result = await review(llm);

    expect(result.findings).toEqual([]);
    expect(result.summary.notes).toEqual([
      "LLM correctness warning not placed (the quoted code is not among the added lines of src/handler.ts): eval on the request body. (fails when: the input is empty)",
    ]);
    expect(result.stats.llm?.calls).toBe(4);
    llm.assertAllUsed();
  });
});
