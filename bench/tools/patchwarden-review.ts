import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ReviewResult } from "../../src/review/review-result.js";
import type { RepoReader } from "../../src/review/rule.js";
import { createMemoryRepo, type Corpus } from "../corpus.js";

export type ReviewTimings = ReviewResult["stats"]["timings"];

export interface PatchwardenRun {
  timings: ReviewTimings;
  findings: number;
  posted: number;
  /** Files the pipeline reviewed, and the ones it skipped (filters, budgets). */
  filesReviewed: number;
  skipped: number;
  /** Fingerprints, to check that rounds agree. */
  keys: string[];
}

/** How the bench reaches the engine: in process (preferred) or through the CLI contract. */
export interface PatchwardenRunner {
  mode: "api" | "cli";
  run(): Promise<PatchwardenRun>;
}

/** The in-process entry point (src/review/pipeline.ts), typed by the contract it is written to. */
type ReviewDiff = (input: { diffText: string; repo: RepoReader }) => Promise<ReviewResult>;

function summarize(result: ReviewResult): PatchwardenRun {
  return {
    timings: result.stats.timings,
    findings: result.findings.length,
    posted: result.findings.filter((finding) => finding.posted).length,
    filesReviewed: result.summary.filesReviewed,
    skipped: result.summary.skipped.length,
    keys: result.findings.map((finding) => finding.fingerprint).sort(),
  };
}

/** Path of the built pipeline module, present once src/review/pipeline.ts exists and is built. */
export function pipelineModulePath(rootDir: string): string {
  return join(rootDir, "dist", "src", "review", "pipeline.js");
}

/** The in-process runner, or the reason it is not available. */
export async function createApiRunner(rootDir: string, corpus: Corpus): Promise<PatchwardenRunner | string> {
  const modulePath = pipelineModulePath(rootDir);
  if (!existsSync(modulePath)) return "dist/src/review/pipeline.js not found (src/review/pipeline.ts not written or not built)";
  // A computed specifier: the bench must still compile while the pipeline module does not exist.
  const module = (await import(pathToFileURL(modulePath).href)) as { reviewDiff?: ReviewDiff };
  const reviewDiff = module.reviewDiff;
  if (typeof reviewDiff !== "function") return "src/review/pipeline.ts does not export reviewDiff";
  const repo = createMemoryRepo(corpus);
  return { mode: "api", run: async () => summarize(await reviewDiff({ diffText: corpus.diffText, repo })) };
}

/** Arguments of the CLI contract (docs/architecture.md, "Contracts") for this corpus. */
export function cliArgs(rootDir: string, corpus: Corpus): string[] {
  return [join(rootDir, "bin", "patchwarden.js"), "review", "--diff", corpus.diffPath, "--repo", corpus.repoDir, "--format", "json", "--no-llm"];
}

/** The CLI runner (`patchwarden review ... --format json --no-llm`), or the reason it is not available. */
export function createCliRunner(rootDir: string, corpus: Corpus): PatchwardenRunner | string {
  if (!existsSync(join(rootDir, "dist", "src", "cli", "main.js"))) return "dist/src/cli/main.js not found (CLI not written or not built)";
  const run = async (): Promise<PatchwardenRun> => {
    const child = spawnSync(process.execPath, cliArgs(rootDir, corpus), { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    // Exit 1 only means "blocking findings"; 2 (or a signal) is a failed review.
    if (child.status !== 0 && child.status !== 1) {
      throw new Error(`patchwarden review exited ${child.status ?? child.signal}: ${child.stderr.trim().split("\n")[0]}`);
    }
    return summarize(JSON.parse(child.stdout) as ReviewResult);
  };
  return { mode: "cli", run };
}

/** Prefers the in-process pipeline, falls back to the CLI; `reasons` says why each was skipped. */
export async function createPatchwardenRunner(rootDir: string, corpus: Corpus): Promise<{ runner?: PatchwardenRunner; reasons: string[] }> {
  const reasons: string[] = [];
  const api = await createApiRunner(rootDir, corpus).catch((err: unknown) => `pipeline failed to load: ${String(err)}`);
  if (typeof api !== "string") return { runner: api, reasons };
  reasons.push(api);
  const cli = createCliRunner(rootDir, corpus);
  if (typeof cli !== "string") return { runner: cli, reasons };
  reasons.push(cli);
  return { reasons };
}
