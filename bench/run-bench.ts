// `npm run bench`: runs every benchmark section in one process, prints one table per section and
// writes bench/results.json.
//   1. parse flags  2. run each section (each runs its tools alternately, warm-up + N rounds)
//   3. print tables and goal verdicts  4. write results.json
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { BenchContext, BenchSection, SectionReport } from "./bench-section.js";
import { formatTable } from "./format-table.js";
import { canCollectGarbage } from "./measure.js";
import { intakeSection } from "./sections/intake.js";
import { llmTokensSection } from "./sections/llm-tokens.js";
import { reviewEngineSection } from "./sections/review-engine.js";

/** Every benchmark, in print order. New sections (intake/webhook, LLM tokens) go here. */
const SECTIONS: BenchSection[] = [reviewEngineSection, intakeSection, llmTokensSection];

const USAGE = "usage: run-bench [--rounds N] [--warmup N] [--only id[,id]] [--out FILE]";

/** The package root: the nearest directory above this file holding package.json (works from src and dist). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the bench");
    dir = parent;
  }
  return dir;
}

function positiveInt(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}\n${USAGE}`);
  return n;
}

interface PreviousResults {
  goals: Array<{ section?: string }>;
  sectionsGeneratedAt: Record<string, string>;
  sections: Record<string, unknown>;
}

/** The sections and goals of an earlier results file that this run does not replace (none if it has no readable file). */
function readPrevious(path: string, replaced: Set<string>): PreviousResults | undefined {
  if (!existsSync(path)) return undefined;
  const previous = JSON.parse(readFileSync(path, "utf8")) as Partial<PreviousResults> & { generatedAt?: string };
  const sections = Object.fromEntries(Object.entries(previous.sections ?? {}).filter(([id]) => !replaced.has(id)));
  return {
    // Goals written before goals named their section cannot be told apart: they are dropped with a replaced section's.
    goals: (previous.goals ?? []).filter((goal) => goal.section !== undefined && !replaced.has(goal.section)),
    sectionsGeneratedAt: Object.fromEntries(Object.keys(sections).map((id) => [id, previous.sectionsGeneratedAt?.[id] ?? previous.generatedAt ?? "unknown"])),
    sections,
  };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { rounds: { type: "string", default: "5" }, warmup: { type: "string", default: "1" }, only: { type: "string" }, out: { type: "string" } },
  });
  const rootDir = findRoot();
  const ctx: BenchContext = {
    rootDir,
    rounds: positiveInt(values.rounds, "--rounds", 1),
    warmups: positiveInt(values.warmup, "--warmup", 0),
    progress: (message) => process.stderr.write(`bench: ${message}\n`),
  };
  const only = values.only?.split(",");
  const sections = SECTIONS.filter((section) => !only || only.includes(section.id));
  if (sections.length === 0) throw new Error(`no section matches --only ${values.only}; known: ${SECTIONS.map((s) => s.id).join(", ")}`);
  if (!canCollectGarbage()) ctx.progress("running without --expose-gc: garbage from one tool may land on the other's clock");

  const reports: Record<string, SectionReport["results"]> = {};
  const goals: Array<SectionReport["goals"][number] & { section: string }> = [];
  for (const section of sections) {
    ctx.progress(`${section.id}: ${section.title}`);
    const report = await section.run(ctx);
    for (const table of report.tables) process.stdout.write("\n" + formatTable(table));
    goals.push(...report.goals.map((goal) => ({ section: section.id, ...goal })));
    reports[section.id] = report.results;
  }
  process.stdout.write("\n");
  for (const goal of goals) {
    const verdict = goal.met === undefined ? "NOT MEASURED" : goal.met ? "met" : "NOT MET";
    process.stdout.write(`goal: ${goal.goal} — ${verdict}: ${goal.detail}\n`);
  }

  const out = resolve(values.out ?? join(rootDir, "bench", "results.json"));
  const environment = { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: Math.round(totalmem() / 2 ** 20), exposeGc: canCollectGarbage() };
  const now = new Date().toISOString();
  const ran = Object.fromEntries(sections.map((section) => [section.id, now]));
  // A partial run (--only) replaces its sections in the file and keeps the others' results.
  const kept = only ? readPrevious(out, new Set(Object.keys(reports))) : undefined;
  writeFileSync(
    out,
    JSON.stringify(
      {
        generatedAt: now,
        environment,
        goals: [...(kept?.goals ?? []), ...goals],
        sectionsGeneratedAt: { ...kept?.sectionsGeneratedAt, ...ran },
        sections: { ...kept?.sections, ...reports },
      },
      null,
      2,
    ) + "\n",
  );
  ctx.progress(`wrote ${out}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
