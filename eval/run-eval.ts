/**
 * `npm run eval`: measures patchwarden and ESLint + eslint-plugin-security on the corpus in
 * eval/corpus, prints both side by side and writes eval/results.json.
 *
 * 1. load and validate every case   2. review each case with each tool (CLI / ESLint API)
 * 3. score: recall within 3 lines, clean cases with comments   4. print, write results.json
 *
 * Options: --only patchwarden|eslint, --case ID (repeatable), --bin PATH (patchwarden executable),
 * --out FILE, --jobs N. Exit 1 when a case could not be reviewed (the figures are then incomplete)
 * or on a usage error; a missed target is a result, not a failure.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadCorpus, type LoadedCase } from "./eval-case.js";
import { createEslintReviewer } from "./eslint-reviewer.js";
import { createPatchwardenReviewer } from "./patchwarden-reviewer.js";
import { formatReport, type ToolReport } from "./print-report.js";
import { LINE_TOLERANCE, scoreCase, summarize, type CaseScore } from "./score.js";
import type { Reviewer } from "./tool-outcome.js";

// dist/eval/run-eval.js and eval/run-eval.ts both sit two levels below the project root at most.
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = here.includes(`${join("dist", "eval")}`) ? resolve(here, "..", "..") : resolve(here, "..");

async function mapWithLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}

async function measure(reviewer: Reviewer, cases: LoadedCase[], jobs: number): Promise<ToolReport> {
  const scores: CaseScore[] = await mapWithLimit(cases, jobs, async (c) => {
    try {
      return scoreCase(c.meta, await reviewer.review(c.diffPath, c.repoDir));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      return scoreCase(c.meta, { comments: [], notes: [], durationMs: 0, error });
    }
  });
  return { name: reviewer.name, summary: summarize(scores), cases: scores };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      case: { type: "string", multiple: true },
      bin: { type: "string", default: join(projectRoot, "bin", "patchwarden.js") },
      out: { type: "string", default: join(projectRoot, "eval", "results.json") },
      corpus: { type: "string", default: join(projectRoot, "eval", "corpus") },
      jobs: { type: "string", default: String(Math.max(1, Math.min(8, cpus().length))) },
    },
  });
  if (values.only && values.only !== "patchwarden" && values.only !== "eslint") {
    process.stderr.write(`run-eval: --only must be patchwarden or eslint, not ${values.only}\n`);
    return 2;
  }

  let cases = loadCorpus(values.corpus);
  if (values.case?.length) cases = cases.filter((c) => values.case!.includes(c.meta.id));
  if (cases.length === 0) {
    process.stderr.write("run-eval: no cases selected\n");
    return 2;
  }

  const reviewers: Reviewer[] = [];
  if (values.only !== "eslint") reviewers.push(createPatchwardenReviewer(values.bin));
  if (values.only !== "patchwarden") reviewers.push(createEslintReviewer());

  const jobs = Math.max(1, Number(values.jobs) || 1);
  const reports: ToolReport[] = [];
  for (const reviewer of reviewers) reports.push(await measure(reviewer, cases, jobs));

  const corpus = {
    positives: cases.filter((c) => c.meta.kind !== "clean").length,
    clean: cases.filter((c) => c.meta.kind === "clean").length,
  };
  process.stdout.write(formatReport(reports, corpus) + "\n");

  const results = {
    generatedAt: new Date().toISOString(),
    lineTolerance: LINE_TOLERANCE,
    corpus,
    tools: Object.fromEntries(reports.map((r) => [r.name, { summary: r.summary, cases: r.cases }])),
  };
  writeFileSync(values.out, JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(`\nwrote ${values.out}\n`);

  return reports.some((r) => r.summary.errors > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`run-eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
