import { join } from "node:path";
import type { BenchContext, BenchSection, BenchTable, Cell, SectionReport } from "../bench-section.js";
import { loadCorpus, type Corpus } from "../corpus.js";
import { collectGarbage, median, timeCall } from "../measure.js";
import { lintablePaths, runEslintSecurity, type EslintRun } from "../tools/eslint-security.js";
import { createPatchwardenRunner, cliArgs, type PatchwardenRun, type PatchwardenRunner } from "../tools/patchwarden-review.js";
import { DEFAULT_SLICE_MS, measureStall, type StallRun } from "../tools/event-loop-stall.js";
import { measureCommandPeakRss, measureToolPeakRss, type PeakRss } from "../tools/peak-rss.js";
import { buildReviewEngineTable, type ReviewEngineMeasurements } from "./review-engine-table.js";

/** The corpus this section reviews (provenance in bench/corpus/README.md). */
const CORPUS = { dir: join("bench", "corpus", "large"), label: "undici 8.10.0 → 8.11.0", sourceType: "commonjs" } as const;

/** The issue's goal: a review takes under half of eslint + eslint-plugin-security's time. */
export const TARGET_RATIO = 0.5;

interface Samples {
  patchwarden: Array<{ wallMs: number; run: PatchwardenRun }>;
  eslint: Array<{ wallMs: number; run: EslintRun }>;
}

/**
 * Warm-up rounds, then measured rounds; in each round both tools run once, and the order
 * alternates between rounds so neither always runs on the other's leftovers (heap, CPU caches).
 */
async function measureRounds(ctx: BenchContext, runner: PatchwardenRunner | undefined, corpus: Corpus, paths: string[]): Promise<Samples> {
  const samples: Samples = { patchwarden: [], eslint: [] };
  for (let round = 0; round < ctx.warmups + ctx.rounds; round++) {
    const measured = round >= ctx.warmups;
    const order = round % 2 === 0 ? (["patchwarden", "eslint"] as const) : (["eslint", "patchwarden"] as const);
    const line: string[] = [];
    for (const tool of order) {
      collectGarbage();
      if (tool === "patchwarden" && runner) {
        const { ms, value } = await timeCall(() => runner.run());
        if (measured) samples.patchwarden.push({ wallMs: ms, run: value });
        line.push(`patchwarden ${ms.toFixed(0)} ms`);
      } else if (tool === "eslint") {
        const { ms, value } = await timeCall(() => runEslintSecurity(corpus, paths, CORPUS.sourceType));
        if (measured) samples.eslint.push({ wallMs: ms, run: value });
        line.push(`eslint ${ms.toFixed(0)} ms`);
      }
    }
    ctx.progress(`review-engine: ${measured ? `round ${round - ctx.warmups + 1}/${ctx.rounds}` : "warm-up"}: ${line.join(", ")}`);
  }
  return samples;
}

function allAgree(runs: Array<{ keys: string[] }>): boolean {
  const first = JSON.stringify(runs[0]?.keys ?? []);
  return runs.every((run) => JSON.stringify(run.keys) === first);
}

function measurePeaks(ctx: BenchContext, runner: PatchwardenRunner | undefined, corpus: Corpus): Record<"patchwarden" | "eslint" | "baseline", PeakRss> {
  ctx.progress("review-engine: peak memory, one child process per tool");
  const patchwarden: PeakRss = !runner
    ? { error: "no patchwarden runner" }
    : runner.mode === "api"
      ? measureToolPeakRss("patchwarden", ctx.rootDir, corpus.dir, CORPUS.sourceType)
      : measureCommandPeakRss(process.execPath, cliArgs(ctx.rootDir, corpus));
  return {
    patchwarden,
    eslint: measureToolPeakRss("eslint", ctx.rootDir, corpus.dir, CORPUS.sourceType),
    baseline: measureToolPeakRss("baseline", ctx.rootDir, corpus.dir, CORPUS.sourceType),
  };
}

async function runReviewEngine(ctx: BenchContext): Promise<SectionReport> {
  const corpus = loadCorpus(join(ctx.rootDir, CORPUS.dir));
  const paths = lintablePaths(corpus);
  const { runner, reasons } = await createPatchwardenRunner(ctx.rootDir, corpus);
  ctx.progress(`review-engine: patchwarden via ${runner ? runner.mode : "nothing"}${reasons.length ? ` (${reasons.join("; ")})` : ""}`);
  const samples = await measureRounds(ctx, runner, corpus, paths);
  const peaks = measurePeaks(ctx, runner, corpus);

  const stage = (key: keyof PatchwardenRun["timings"]) => median(samples.patchwarden.map((s) => s.run.timings[key]));
  const measurements: ReviewEngineMeasurements = {
    corpus: {
      label: CORPUS.label,
      files: corpus.changedPaths.length,
      lintedFiles: paths.length,
      addedLines: corpus.addedLines,
      deletedLines: corpus.deletedLines,
      lintedLines: paths.reduce((sum, path) => sum + (corpus.files.get(path) ?? "").split("\n").length - 1, 0),
    },
    rounds: ctx.rounds,
    warmups: ctx.warmups,
    patchwarden: runner
      ? {
          mode: runner.mode,
          stagesMs: { diff: stage("diffMs"), parse: stage("parseMs"), rules: stage("rulesMs"), gate: stage("gateMs"), total: stage("totalMs") },
          wallMs: median(samples.patchwarden.map((s) => s.wallMs)),
          roundRatios: samples.patchwarden.map((s, i) => (runner.mode === "api" ? s.wallMs : s.run.timings.totalMs) / samples.eslint[i].wallMs),
          findings: samples.patchwarden[0]?.run.findings ?? 0,
          posted: samples.patchwarden[0]?.run.posted ?? 0,
          filesReviewed: samples.patchwarden[0]?.run.filesReviewed ?? 0,
          skipped: samples.patchwarden[0]?.run.skipped ?? 0,
          deterministic: allAgree(samples.patchwarden.map((s) => s.run)),
        }
      : undefined,
    patchwardenUnavailable: runner ? undefined : reasons.join("; "),
    eslint: {
      wallMs: median(samples.eslint.map((s) => s.wallMs)),
      findings: samples.eslint[0]?.run.findings ?? 0,
      fatal: samples.eslint[0]?.run.fatal ?? 0,
      deterministic: allAgree(samples.eslint.map((s) => s.run)),
    },
    peaks,
    targetRatio: TARGET_RATIO,
  };
  const { table, goal, ratio } = buildReviewEngineTable(measurements);
  const stalls = await measureStalls(ctx, corpus);
  const raw = {
    patchwardenWallMs: samples.patchwarden.map((s) => s.wallMs),
    patchwardenTimings: samples.patchwarden.map((s) => s.run.timings),
    eslintWallMs: samples.eslint.map((s) => s.wallMs),
  };
  return { tables: [table, stallTable(stalls)], goals: [goal], results: { ...measurements, ratio, samples: raw, stalls } };
}

type Stalls = Record<"straight" | "sliced", StallRun[]>;

/** The same review run straight through (the CLI) and in slices (the App), alternating. */
async function measureStalls(ctx: BenchContext, corpus: Corpus): Promise<Stalls> {
  const stalls: Stalls = { straight: [], sliced: [] };
  for (let round = 0; round < ctx.warmups + ctx.rounds; round++) {
    for (const mode of round % 2 === 0 ? (["straight", "sliced"] as const) : (["sliced", "straight"] as const)) {
      collectGarbage();
      const run = await measureStall(corpus, mode === "sliced" ? DEFAULT_SLICE_MS : undefined);
      if (round >= ctx.warmups) stalls[mode].push(run);
    }
  }
  ctx.progress(`review-engine: longest event-loop stall straight ${median(stalls.straight.map((r) => r.longestStallMs)).toFixed(0)} ms, in slices ${median(stalls.sliced.map((r) => r.longestStallMs)).toFixed(0)} ms`);
  return stalls;
}

function stallTable(stalls: Stalls): BenchTable {
  const row = (label: string, runs: StallRun[]): Cell[] => [label, median(runs.map((r) => r.reviewMs)), median(runs.map((r) => r.longestStallMs)), median(runs.map((r) => r.turns))];
  return {
    title: "Event loop during a review (the App shares its thread with webhook answers)",
    columns: ["mode", "review ms", "longest stall ms", "event-loop turns"],
    rows: [row("straight through (CLI, eval)", stalls.straight), row(`in ${DEFAULT_SLICE_MS} ms slices (App worker)`, stalls.sliced)],
    notes: [
      "medians over the measured rounds; longest stall = the longest gap between two event-loop turns while the review ran in process (a webhook answer could wait that long); the unsliced stages (diff parse, gate) bound it from below",
    ],
  };
}

/** patchwarden's static review vs eslint + eslint-plugin-security on one large real change. */
export const reviewEngineSection: BenchSection = {
  id: "review-engine",
  title: "Review engine vs eslint + eslint-plugin-security",
  run: runReviewEngine,
};
