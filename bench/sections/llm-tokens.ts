import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONTEXT_TOKENS } from "../../src/review/llm/run-llm-review.js";
import type { BenchContext, BenchSection, Cell, SectionReport } from "../bench-section.js";
import { loadCorpus, summarizeDiff } from "../corpus.js";
import { measureLlmTokens, type LlmTokenMeasurement } from "./llm-tokens-measure.js";

/** The goal: packed prompts at most 0.4× the naive whole-file prompts, per changed line. */
export const TARGET_RATIO = 0.4;
/** Eval cases in the corpus besides the large one: the largest by changed lines (chosen by size, not by result). */
const EVAL_CASES = 5;

/** The large bench corpus plus the biggest eval cases. */
function corpusDirs(rootDir: string): Array<{ label: string; dir: string }> {
  const evalRoot = join(rootDir, "eval", "corpus");
  const cases = readdirSync(evalRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const { addedLines, deletedLines } = summarizeDiff(readFileSync(join(evalRoot, e.name, "change.diff"), "utf8"));
      return { label: `eval/${e.name}`, dir: join(evalRoot, e.name), size: addedLines + deletedLines };
    })
    .sort((a, b) => b.size - a.size || a.label.localeCompare(b.label))
    .slice(0, EVAL_CASES);
  return [{ label: "bench/large (undici 8.10→8.11)", dir: join(rootDir, "bench", "corpus", "large") }, ...cases];
}

const perLine = (tokens: number, lines: number) => (lines ? tokens / lines : 0);

async function runLlmTokens(ctx: BenchContext): Promise<SectionReport> {
  const measurements: LlmTokenMeasurement[] = [];
  for (const { label, dir } of corpusDirs(ctx.rootDir)) {
    ctx.progress(`llm-tokens: ${label}`);
    measurements.push(await measureLlmTokens(label, loadCorpus(dir)));
  }
  const total = (pick: (m: LlmTokenMeasurement) => number) => measurements.reduce((n, m) => n + pick(m), 0);
  const lines = total((m) => m.changedLines);
  const packed = total((m) => m.packed.promptTokens);
  const naive = total((m) => m.naive.promptTokens);
  const ratio = naive ? packed / naive : undefined;
  const row = (label: string, changed: number, p: number, n: number, files: Cell, followUps: Cell, deterministic: Cell): Cell[] => [
    label,
    changed,
    p,
    perLine(p, changed),
    n,
    perLine(n, changed),
    n ? `${(p / n).toFixed(2)}×` : undefined,
    files,
    followUps,
    deterministic,
  ];
  const rows = measurements.map((m) =>
    row(
      m.label,
      m.changedLines,
      m.packed.promptTokens,
      m.naive.promptTokens,
      `${m.filesReadAtDefaultBudget}/${m.reviewableFiles}`,
      `${m.withFollowUps.files}/${m.reviewableFiles} in ${m.withFollowUps.calls}`,
      m.deterministic ? "yes" : "NO",
    ),
  );
  rows.push(row("all", lines, packed, naive, undefined, undefined, measurements.every((m) => m.deterministic) ? "yes" : "NO"));
  const met = ratio === undefined ? undefined : ratio <= TARGET_RATIO && measurements.every((m) => m.deterministic);
  return {
    tables: [
      {
        title: "LLM reviewers: prompt tokens per changed line, packed context vs whole files",
        columns: ["corpus", "changed lines", "packed tokens", "packed / line", "naive tokens", "naive / line", "ratio", "files read at default budget", "with follow-up calls", "deterministic"],
        rows,
        notes: [
          "Tokens are estimated as characters / 4, over the system prompt and messages of the four reviewer calls (correctness, security, style, coverage); no model is called and no confidence pass runs (no findings).",
          "packed: hunks widened to their enclosing functions, plus called definitions (correctness, security) and related tests (coverage). naive: every changed file whole, in the same prompts. Both without a budget.",
          `files read at default budget: changed files with added lines that the correctness reviewer's pack holds within the default ${DEFAULT_CONTEXT_TOKENS.toLocaleString("en-US")}-token context budget (the rest are named in the summary). with follow-up calls: files the correctness reviewer reads in how many calls with the default config (llm.maxCallsPerDimension 3, llm.maxTokensPerReview 200k shared with the other reviewers; no findings, so no confidence pass). Target: ratio ≤ ${TARGET_RATIO}×.`,
        ],
      },
    ],
    goals: [
      {
        goal: `LLM prompt tokens per changed line ≤ ${TARGET_RATIO}× the naive whole-file baseline`,
        met,
        detail: ratio === undefined ? "no tokens measured" : `${perLine(packed, lines).toFixed(1)} vs ${perLine(naive, lines).toFixed(1)} tokens per changed line: ${ratio.toFixed(2)}× over ${measurements.length} diffs (${lines} changed lines)`,
      },
    ],
    results: { targetRatio: TARGET_RATIO, ratio, tokensPerChangedLine: { packed: perLine(packed, lines), naive: perLine(naive, lines) }, measurements },
  };
}

/** Prompt tokens the LLM reviewers send per changed line, against a naive whole-file baseline. */
export const llmTokensSection: BenchSection = {
  id: "llm-tokens",
  title: "LLM reviewers: prompt tokens per changed line vs a whole-file baseline",
  run: runLlmTokens,
};
