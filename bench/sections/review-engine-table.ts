import type { BenchGoal, BenchTable, Cell } from "../bench-section.js";
import { formatNumber } from "../format-table.js";
import { median } from "../measure.js";
import type { PeakRss } from "../tools/peak-rss.js";

/** Everything the review-engine section measured (also what goes to results.json). */
export interface ReviewEngineMeasurements {
  corpus: { label: string; files: number; lintedFiles: number; addedLines: number; deletedLines: number; lintedLines: number };
  rounds: number;
  warmups: number;
  patchwarden?: {
    mode: "api" | "cli";
    /** Medians of the pipeline's own stats.timings, stage by stage. */
    stagesMs: { diff: number; parse: number; rules: number; gate: number; total: number };
    /** Median wall time of one call around the whole review (in process: reviewDiff; cli: the child). */
    wallMs: number;
    /** patchwarden ÷ eslint within each round (same machine load), in round order. */
    roundRatios: number[];
    findings: number;
    posted: number;
    filesReviewed: number;
    skipped: number;
    deterministic: boolean;
  };
  patchwardenUnavailable?: string;
  eslint: { wallMs: number; findings: number; fatal: number; deterministic: boolean };
  peaks: Record<"patchwarden" | "eslint" | "baseline", PeakRss>;
  targetRatio: number;
}

const ratioOf = (a: number | undefined, b: number | undefined): Cell =>
  a === undefined || b === undefined || b === 0 ? undefined : `${(a / b).toFixed(2)}×`;

const mbOf = (peak: PeakRss): number | undefined => ("mb" in peak ? peak.mb : undefined);

/**
 * The time patchwarden is judged on: in process, the wall time around reviewDiff; through the CLI,
 * the pipeline's own total (the child's wall time would add Node start-up, which eslint, run in
 * process, does not pay).
 */
function comparedMs(m: ReviewEngineMeasurements): number | undefined {
  if (!m.patchwarden) return undefined;
  return m.patchwarden.mode === "api" ? m.patchwarden.wallMs : m.patchwarden.stagesMs.total;
}

/** One table: stages, totals, ratio, memory, findings, size; plus the goal verdict. */
export function buildReviewEngineTable(m: ReviewEngineMeasurements): { table: BenchTable; goal: BenchGoal; ratio: number | undefined } {
  const pw = m.patchwarden;
  const pwMs = comparedMs(m);
  const ratio = pwMs === undefined ? undefined : pwMs / m.eslint.wallMs;
  const changed = m.corpus.addedLines + m.corpus.deletedLines;
  const pwRss = mbOf(m.peaks.patchwarden);
  const eslintRss = mbOf(m.peaks.eslint);
  const rows: Cell[][] = [
    ["diff ms", pw?.stagesMs.diff, undefined, undefined],
    ["parse ms", pw?.stagesMs.parse, undefined, undefined],
    ["rules ms", pw?.stagesMs.rules, undefined, undefined],
    ["gate ms", pw?.stagesMs.gate, undefined, undefined],
    ["total ms (stats.timings)", pw?.stagesMs.total, undefined, undefined],
    [pw?.mode === "cli" ? "wall ms (CLI child, incl. Node start-up)" : "wall ms (one run, in process)", pw?.wallMs, m.eslint.wallMs, pw?.mode === "api" ? ratioOf(pw.wallMs, m.eslint.wallMs) : undefined],
    ["compared ms → ratio", pwMs, m.eslint.wallMs, ratioOf(pwMs, m.eslint.wallMs)],
    ["ratio within each round: median (min–max)", undefined, undefined, pw ? `${median(pw.roundRatios).toFixed(2)}× (${Math.min(...pw.roundRatios).toFixed(2)}–${Math.max(...pw.roundRatios).toFixed(2)})` : undefined],
    ["peak RSS MiB (own process)", pwRss, eslintRss, ratioOf(pwRss, eslintRss)],
    ["findings", pw ? `${pw.findings} (${pw.posted} posted)` : undefined, m.eslint.findings, undefined],
    ["files", pw ? `${pw.filesReviewed} reviewed${pw.skipped ? `, ${pw.skipped} skipped` : ""}` : m.corpus.files, m.corpus.lintedFiles, undefined],
    ["lines read", `${formatNumber(changed)} changed`, `${formatNumber(m.corpus.lintedLines)} (whole files)`, undefined],
    ["same findings every round", pw ? (pw.deterministic ? "yes" : "NO") : undefined, m.eslint.deterministic ? "yes" : "NO", undefined],
  ];
  const notes = [
    `Corpus: ${m.corpus.label}, ${m.corpus.files} files, ${formatNumber(changed)} changed lines (+${formatNumber(m.corpus.addedLines)} −${formatNumber(m.corpus.deletedLines)}); median of ${m.rounds} rounds after ${m.warmups} warm-up, tools alternating.`,
    "Stage medians are taken stage by stage, so they need not add up to the total's median.",
    `Peak RSS: a fresh child process per tool, running it once; a child that only loads the corpus peaks at ${formatNumber(mbOf(m.peaks.baseline) ?? Number.NaN)} MiB.`,
    "`repo/` holds only the touched files, so rules that learn conventions from the rest of a checkout have nothing extra to read here.",
    "eslint: eslint 9 + eslint-plugin-security `recommended` only, sourceType commonjs, via ESLint#lintText on the same in-memory new-side files.",
  ];
  if (m.eslint.fatal) notes.push(`WARNING: eslint failed to parse ${m.eslint.fatal} file(s); its time is understated.`);
  if (pw?.skipped) notes.push(`WARNING: patchwarden skipped ${pw.skipped} file(s) (filters or budgets); the comparison is not like for like.`);
  if (!pw) notes.push(`patchwarden not measured: ${m.patchwardenUnavailable}`);
  for (const [tool, peak] of Object.entries(m.peaks)) if ("error" in peak) notes.push(`peak RSS of ${tool} not measured: ${peak.error}`);
  const met = ratio === undefined ? undefined : ratio < m.targetRatio;
  const goal: BenchGoal = {
    goal: `patchwarden under ${m.targetRatio}× eslint + security's time`,
    met,
    detail: ratio === undefined ? "not measured" : `${ratio.toFixed(2)}× (${formatNumber(pwMs ?? 0)} ms vs ${formatNumber(m.eslint.wallMs)} ms)`,
  };
  const table: BenchTable = {
    title: `Review engine: patchwarden vs eslint + eslint-plugin-security (${m.corpus.label})`,
    columns: ["metric", "patchwarden", "eslint + security", "pw / eslint"],
    rows,
    notes,
  };
  return { table, goal, ratio };
}
