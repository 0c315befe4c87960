import { answers, startScriptedOpenAiServer, type ScriptedOpenAiServer } from "../fakes/openai/index.js";
import { runCli } from "./run-cli.js";

// `patchwarden review` with an OpenAI-compatible endpoint configured: the real openai SDK talks to
// a scripted server on loopback.
const EXAMPLE = ["review", "--diff", "examples/shop/change.diff", "--repo", "examples/shop/repo", "--format", "json"];
const QUOTE = "  return total - (total * percent) / 100;";
const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
let server: ScriptedOpenAiServer;

function finding(category: string, extra: Record<string, unknown>) {
  return { file: "src/cart.ts", quote: QUOTE, category, severity: "warning", message: "A percent above 100 makes the total negative; clamp or reject it.", replacement: null, ...extra };
}

beforeEach(async () => {
  server = await startScriptedOpenAiServer();
  process.env.OPENAI_API_KEY = "test-key";
  process.env.OPENAI_BASE_URL = server.url;
});
afterEach(async () => {
  process.env.OPENAI_API_KEY = saved.key;
  process.env.OPENAI_BASE_URL = saved.url;
  if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
  if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
  expect(server.unexpected).toEqual([]);
  await server.close();
});

describe("patchwarden review with LLM reviewers", () => {
  it("adds the model's findings, anchored by patchwarden and scored by the confidence pass", async () => {
    server.push(
      answers.json({ findings: [finding("correctness", { trigger: "percent is 150" })] }),
      answers.json({ findings: [] }),
      answers.json({ findings: [] }),
      answers.json({ findings: [] }),
      answers.json({ scores: [{ id: "c1", score: 0.9, reason: "true of the code" }] }),
    );
    const run = await runCli(EXAMPLE);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    const fromModel = out.findings.filter((f: { rule: string }) => f.rule.startsWith("llm/"));
    expect(fromModel).toEqual([
      expect.objectContaining({ path: "src/cart.ts", line: 20, side: "RIGHT", category: "correctness", confidence: 0.9, posted: true }),
    ]);
    expect(out.stats.llm).toEqual(expect.objectContaining({ calls: 5, promptTokens: expect.any(Number) }));
    // Structured output with the schema patchwarden generated, on the configured model.
    const first = server.requests[0]!.body;
    expect(first.model).toBe("gpt-4.1-mini");
    expect(first.response_format.type).toBe("json_schema");
  });

  it("still reviews statically, with a note, when the endpoint is down", async () => {
    for (let i = 0; i < 12; i++) server.push(answers.status(500, "upstream is down", { type: "server_error" }));
    const run = await runCli(EXAMPLE);
    const out = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(out.findings.some((f: { rule: string }) => f.rule === "security/sql-injection")).toBe(true);
    expect(out.findings.some((f: { rule: string }) => f.rule.startsWith("llm/"))).toBe(false);
    expect(out.summary.notes.join("\n")).toMatch(/LLM/);
  }, 60_000);

  it("makes no LLM call with --no-llm", async () => {
    const run = await runCli([...EXAMPLE, "--no-llm"]);
    expect(JSON.parse(run.stdout).stats.llm).toBeUndefined();
    expect(server.requests).toEqual([]);
  });
});
