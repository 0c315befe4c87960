import type { Finding, Severity } from "../review/finding.js";

/** A check-run annotation as `checks.update` takes it (`output.annotations[]`). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

const LEVEL: Record<Severity, CheckAnnotation["annotation_level"]> = {
  blocking: "failure",
  warning: "warning",
  suggestion: "notice",
};
// GitHub's limits: `title` 255 characters, `message` 64 KB
// (https://docs.github.com/rest/checks/runs#update-a-check-run).
const MAX_TITLE = 255;
const MAX_MESSAGE = 64 * 1024 - 64;

/**
 * The annotation of one finding, on the head commit's file. LEFT-side findings (about deleted
 * lines) have no line in the head commit, so they get no annotation — they stay in the review
 * summary — and this returns undefined for them.
 */
export function findingToAnnotation(finding: Finding): CheckAnnotation | undefined {
  if (finding.side === "LEFT") return undefined;
  const message = finding.message.length > MAX_MESSAGE ? `${finding.message.slice(0, MAX_MESSAGE)}…` : finding.message;
  return {
    path: finding.path,
    start_line: finding.startLine !== undefined && finding.startLine < finding.line ? finding.startLine : finding.line,
    end_line: finding.line,
    annotation_level: LEVEL[finding.severity],
    message,
    title: finding.rule.slice(0, MAX_TITLE),
  };
}

/** Annotations for every finding that has one on the head commit, in order. */
export function annotationsFor(findings: Finding[]): CheckAnnotation[] {
  return findings.flatMap((finding) => findingToAnnotation(finding) ?? []);
}
