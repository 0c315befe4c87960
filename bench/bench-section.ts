/**
 * What every benchmark section provides. `run-bench.ts` runs the sections in order, prints each
 * section's tables and collects each section's `results` under its id in `bench/results.json`.
 * A new benchmark (intake/webhook, LLM tokens, ...) is one more file in `bench/sections/` and one
 * more entry in the list in `run-bench.ts`.
 */

/** A cell: numbers are formatted by the table printer, strings are printed as they are. */
export type Cell = string | number | undefined;

/** One printed table. The first column is the row label. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Lines printed under the table (targets, caveats, what a column means). */
  notes?: string[];
}

/** A goal the section checks, e.g. "patchwarden under half of eslint's time". */
export interface BenchGoal {
  goal: string;
  /** undefined when the section could not measure it (a tool missing, say). */
  met: boolean | undefined;
  detail: string;
}

export interface SectionReport {
  tables: BenchTable[];
  goals: BenchGoal[];
  /** JSON-serialisable raw numbers (samples, medians, environment) for results.json. */
  results: unknown;
}

/** What the runner hands every section. */
export interface BenchContext {
  /** The package root (where package.json lives). */
  rootDir: string;
  /** Measured rounds per tool; sections report the median. */
  rounds: number;
  /** Unmeasured rounds per tool before the measured ones. */
  warmups: number;
  /** Progress line on stderr, so stdout stays the tables. */
  progress(message: string): void;
}

export interface BenchSection {
  /** Stable key in results.json and for `--only`. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<SectionReport>;
}
