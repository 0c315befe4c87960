import { createHash } from "node:crypto";
import type { Side } from "../diff/diff-model.js";

export const CATEGORIES = ["correctness", "security", "style", "coverage"] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ["blocking", "warning", "suggestion"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One reviewer's observation about one place in the change (see docs/architecture.md). */
export interface Finding {
  path: string;
  /** Last line of the commented range, on `side`. */
  line: number;
  /** First line of a multi-line range. */
  startLine?: number;
  side: Side;
  category: Category;
  severity: Severity;
  /** 0..1: how sure the reviewer is that a senior engineer would post this. */
  confidence: number;
  rule: string;
  message: string;
  /** Exact replacement for lines startLine..line (new side), posted as a committable suggestion. */
  suggestion?: string;
  fingerprint: string;
}

/** Collapses whitespace so that re-indentation and line shifts keep the same fingerprint. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, " ").trim();
}

/**
 * Fingerprint stable across pushes and line shifts: rule + path + normalized code of the anchored
 * lines. `occurrence` separates identical lines in one file (the 2nd copy gets 1, and so on).
 */
export function computeFingerprint(rule: string, path: string, anchoredCode: string, occurrence = 0): string {
  const hash = createHash("sha256");
  hash.update(`${rule}\n${path}\n${normalizeCode(anchoredCode)}\n${occurrence}`);
  return hash.digest("hex").slice(0, 16);
}

const SEVERITY_WEIGHT: Record<Severity, number> = { blocking: 3, warning: 2, suggestion: 1 };

/** Ordering key: severity × confidence, highest first. */
export function rankOf(finding: Pick<Finding, "severity" | "confidence">): number {
  return SEVERITY_WEIGHT[finding.severity] * finding.confidence;
}
