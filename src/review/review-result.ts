import type { Category, Finding, Severity } from "./finding.js";
import type { LlmReviewStats } from "./llm/run-llm-review.js";

/** A finding as the CLI and the App report it: `posted` marks what goes inline. */
export type ReportedFinding = Finding & { posted: boolean };

/** A changed file the review did not read, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ReviewSummary {
  verdict: "blocking" | "comments" | "clean";
  /** Findings per category (all findings, posted or not). */
  counts: Record<Category, number>;
  bySeverity: Record<Severity, number>;
  posted: number;
  summaryOnly: number;
  filesReviewed: number;
  filesChanged: number;
  skipped: SkippedFile[];
  /** Short human notes: truncation, rule failures, fallbacks. */
  notes: string[];
}

export interface ReviewStats {
  files: number;
  hunks: number;
  addedLines: number;
  deletedLines: number;
  findings: number;
  posted: number;
  dropped: number;
  /** Wall time per stage in milliseconds. */
  timings: { diffMs: number; parseMs: number; rulesMs: number; gateMs: number; totalMs: number };
  /** LLM calls and tokens, present when the LLM reviewers ran. */
  llm?: LlmReviewStats;
}

export interface ReviewResult {
  findings: ReportedFinding[];
  summary: ReviewSummary;
  stats: ReviewStats;
}
