import type { DiffFile, DiffModel } from "../diff/diff-model.js";
import { parseUnifiedDiff } from "../diff/parse-unified-diff.js";
import { classifyFiles } from "../diff/filters.js";
import { buildAnchorIndex, isSuggestionExact } from "../diff/anchors.js";
import { detectLanguage } from "../code/languages.js";
import { defaultConfig } from "../config/load-config.js";
import type { PatchwardenConfig } from "../config/schema.js";
import type { LlmPort } from "../llm/llm-port.js";
import { CATEGORIES, SEVERITIES, type Category, type Finding, type Severity } from "./finding.js";
import { runInSlices, runToEnd, type Steps } from "./cooperative.js";
import { changeContextSteps } from "./file-context.js";
import { applyGate } from "./gate.js";
import type { ReviewResult, ReviewSummary, SkippedFile, ReportedFinding } from "./review-result.js";
import type { RepoReader, Rule } from "./rule.js";
import { ruleSteps } from "./run-rules.js";
import { runLlmReview, type LlmReviewResult } from "./llm/run-llm-review.js";
import { allRules } from "./reviewers/index.js";

export interface ReviewDiffInput {
  /** The unified diff (`git diff` output). Ignored when `diff` is given. */
  diffText?: string;
  /** An already parsed diff (the App builds one from the PR's files). */
  diff?: DiffModel;
  /** The repository at the change's head. */
  repo: RepoReader;
  config?: PatchwardenConfig;
  /** Rules to run; all static rules by default. */
  rules?: Rule[];
  /** Fingerprints posted on this PR before (never posted again). */
  alreadyPosted?: ReadonlySet<string>;
  /** Files the caller skipped before the diff was built (e.g. GitHub omitted the patch). */
  skipped?: SkippedFile[];
  /**
   * Incremental review: only findings on these new-side lines (by path) may be posted inline;
   * the rest of the PR was reviewed before and its findings stay in the summary.
   */
  focusLines?: ReadonlyMap<string, ReadonlySet<number>>;
  /**
   * Run the LLM reviewers too, through this port. `title` and `body` are the PR's own text
   * (untrusted: shown to the models as data only); `model` prices the calls. Without it the
   * review is static only.
   */
  llm?: { port: LlmPort; signal?: AbortSignal; title?: string; body?: string; model?: string };
  /**
   * Give the event loop back every this many milliseconds while parsing and running rules (the
   * App: webhook answers and other jobs share the thread). Unset: run straight through.
   */
  sliceMs?: number;
  /** With `sliceMs`: stop (throwing the signal's reason) at the first slice after it is aborted. */
  signal?: AbortSignal;
}

const changedLinesOf = (file: DiffFile) => file.additions + file.deletions;

/** Riskier files first: parsed source before other text, then the bigger change. */
function byRisk(a: DiffFile, b: DiffFile): number {
  const parsed = (f: DiffFile) => (detectLanguage(f.path) ? 1 : 0);
  return parsed(b) - parsed(a) || changedLinesOf(b) - changedLinesOf(a) || a.path.localeCompare(b.path);
}

/** Picks the files within the run's budgets; the rest are reported as skipped. */
function applyBudgets(files: DiffFile[], config: PatchwardenConfig): { kept: DiffFile[]; skipped: SkippedFile[] } {
  const { maxFiles, maxChangedLines } = config.review;
  const kept: DiffFile[] = [];
  const skipped: SkippedFile[] = [];
  let lines = 0;
  for (const file of [...files].sort(byRisk)) {
    if (kept.length >= maxFiles) {
      skipped.push({ path: file.path, reason: `over the review's file limit (${maxFiles})` });
    } else if (lines + changedLinesOf(file) > maxChangedLines && kept.length > 0) {
      skipped.push({ path: file.path, reason: `over the review's changed-line budget (${maxChangedLines})` });
    } else {
      kept.push(file);
      lines += changedLinesOf(file);
    }
  }
  return { kept, skipped };
}

function countBy<K extends string>(keys: readonly K[], findings: Finding[], pick: (f: Finding) => K): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const f of findings) counts[pick(f)]++;
  return counts;
}

/**
 * Reviews one change with the static reviewers, and the LLM reviewers when `llm` is given.
 *
 * 1. parse the diff  2. filter files (generated, vendored, lock, minified, budgets)
 * 3. build file contexts and parse them  4. run the rules (and, when asked, the LLM reviewers,
 * merged into them)  5. gate  6. summarise
 */
export async function reviewDiff(input: ReviewDiffInput): Promise<ReviewResult> {
  const config = input.config ?? defaultConfig();
  const t0 = performance.now();
  // 1. Diff.
  const diff = input.diff ?? parseUnifiedDiff(input.diffText ?? "");
  const t1 = performance.now();

  // 2. Filters and budgets.
  const classified = classifyFiles(diff, { exclude: config.review.exclude, include: config.review.include });
  const budgeted = applyBudgets(classified.reviewable, config);
  const skipped = [...(input.skipped ?? []), ...classified.skipped, ...budgeted.skipped];
  const reviewed: DiffModel = { files: budgeted.kept };

  // 3. Contexts and syntax trees.
  const sliced = <T>(steps: Steps<T>) => (input.sliceMs === undefined ? Promise.resolve(runToEnd(steps)) : runInSlices(steps, input.sliceMs, input.signal));
  const change = await sliced(changeContextSteps(reviewed, input.repo));
  const t2 = performance.now();

  // 4. Rules.
  const { findings: ruleFindings, failures } = await sliced(ruleSteps(input.rules ?? allRules, change));
  const t3 = performance.now();
  let llm: LlmReviewResult | undefined;
  if (input.llm) {
    const { port, signal, title, body, model } = input.llm;
    llm = await runLlmReview({
      change,
      staticFindings: ruleFindings,
      thresholds: config.review.thresholds,
      port,
      signal,
      pr: { title, body },
      model,
      maxCallsPerDimension: config.llm.maxCallsPerDimension,
      maxTokensPerReview: config.llm.maxTokensPerReview,
    });
  }
  const findings = llm?.findings ?? ruleFindings;
  const t3b = performance.now();

  // 5. Gate.
  const anchors = buildAnchorIndex(reviewed);
  const filesByPath = new Map(reviewed.files.map((f) => [f.path, f]));
  const changedLines = reviewed.files.reduce((n, f) => n + changedLinesOf(f), 0);
  const gate = applyGate({
    findings,
    config: config.review,
    changedLines,
    alreadyPosted: input.alreadyPosted,
    anchorProblem: (f) => {
      const problem = anchors.problem(f.path, { side: f.side, line: f.line, startLine: f.startLine });
      if (problem || !input.focusLines) return problem;
      const lines = input.focusLines.get(f.path);
      return f.side === "RIGHT" && lines?.has(f.line) ? undefined : "unchanged since the last review";
    },
    suggestionIsExact: (f) => {
      const file = filesByPath.get(f.path);
      return f.side === "RIGHT" && !!file && isSuggestionExact(file, f.startLine ?? f.line, f.line);
    },
  });
  const t4 = performance.now();

  // 6. Summary.
  const reported: ReportedFinding[] = [
    ...gate.inline.map((f) => ({ ...f, posted: true })),
    ...gate.summaryOnly.map((g) => ({ ...g.finding, posted: false })),
  ];
  const shown = reported as Finding[];
  const thresholds = config.review.thresholds;
  const blocking = reported.some((f) => f.severity === "blocking" && f.confidence >= thresholds[f.category]);
  const notes: string[] = [];
  for (const failure of failures) notes.push(`rule ${failure.rule} failed${failure.path ? ` on ${failure.path}` : ""}: ${failure.error}`);
  const partial = change.files.filter((f) => !f.complete && f.file.status !== "deleted").length;
  if (partial) notes.push(`${partial} file(s) reviewed from the diff alone: their full text was not in the repository checkout`);
  if (budgeted.skipped.length) notes.push(`${budgeted.skipped.length} file(s) over the review's budgets were not reviewed`);
  if (llm) notes.push(...llm.notes);

  const summary: ReviewSummary = {
    verdict: blocking ? "blocking" : reported.length ? "comments" : "clean",
    counts: countBy<Category>(CATEGORIES, shown, (f) => f.category),
    bySeverity: countBy<Severity>(SEVERITIES, shown, (f) => f.severity),
    posted: gate.inline.length,
    summaryOnly: gate.summaryOnly.length,
    filesReviewed: reviewed.files.length,
    filesChanged: diff.files.length + (input.skipped?.length ?? 0),
    skipped,
    notes,
  };
  return {
    findings: reported,
    summary,
    stats: {
      files: diff.files.length,
      hunks: reviewed.files.reduce((n, f) => n + f.hunks.length, 0),
      addedLines: reviewed.files.reduce((n, f) => n + f.additions, 0),
      deletedLines: reviewed.files.reduce((n, f) => n + f.deletions, 0),
      findings: findings.length,
      posted: gate.inline.length,
      dropped: gate.dropped.length,
      timings: {
        diffMs: round(t1 - t0),
        parseMs: round(t2 - t1),
        rulesMs: round(t3 - t2),
        gateMs: round(t4 - t3b),
        totalMs: round(t4 - t0),
      },
      ...(llm ? { llm: llm.stats } : {}),
    },
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
