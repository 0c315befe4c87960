/**
 * Scoring: a positive case is found when an inline comment lies within LINE_TOLERANCE lines of a
 * true location in the same file; a clean case is noisy when it gets any inline comment.
 */
import type { EvalCase, TrueLocation } from "./eval-case.js";
import type { PostedComment, ToolOutcome } from "./tool-outcome.js";

export const LINE_TOLERANCE = 3;

/** Lines between a comment's range and a location; 0 when the range covers it. */
export function distanceToLocation(comment: PostedComment, loc: TrueLocation): number {
  const first = Math.min(comment.startLine ?? comment.line, comment.line);
  const last = Math.max(comment.startLine ?? comment.line, comment.line);
  if (loc.line < first) return first - loc.line;
  if (loc.line > last) return loc.line - last;
  return 0;
}

/** The comments that hit one of the case's true locations. */
export function hitsOf(comments: PostedComment[], locations: TrueLocation[]): PostedComment[] {
  return comments.filter((c) =>
    locations.some((loc) => loc.path === c.path && distanceToLocation(c, loc) <= LINE_TOLERANCE),
  );
}

/** One case's result for one tool. */
export interface CaseScore {
  id: string;
  kind: EvalCase["kind"];
  category: EvalCase["category"];
  /** Defect class from the id prefix (pp, cmdi, redos, bug, clean, ...). */
  group: string;
  comments: number;
  /** Comments that hit no true location (every comment, on a clean case). */
  offTarget: number;
  /** Positives: a comment hit a true location. Clean: no comment at all. */
  ok: boolean;
  hitRules: string[];
  /** Positives: not found inline, but a held (summary-only) finding sits at a true location. */
  heldHit: boolean;
  otherRules: string[];
  error?: string;
  notes: string[];
  durationMs: number;
}

export function scoreCase(meta: EvalCase, outcome: ToolOutcome): CaseScore {
  const hits = hitsOf(outcome.comments, meta.locations);
  const others = outcome.comments.filter((c) => !hits.includes(c));
  const positive = meta.kind !== "clean";
  return {
    id: meta.id,
    kind: meta.kind,
    category: meta.category,
    group: meta.kind === "clean" ? "clean" : meta.id.split("-")[0],
    comments: outcome.comments.length,
    offTarget: others.length,
    ok: positive ? hits.length > 0 : outcome.comments.length === 0,
    hitRules: [...new Set(hits.map((c) => c.rule))],
    heldHit: positive && hits.length === 0 && hitsOf(outcome.held ?? [], meta.locations).length > 0,
    otherRules: [...new Set(others.map((c) => c.rule))],
    error: outcome.error,
    notes: outcome.notes,
    durationMs: outcome.durationMs,
  };
}

/** A share with its counts, so that reports never show a bare percentage. */
export interface Share {
  hits: number;
  total: number;
  rate: number;
}

function shareOf(hits: number, total: number): Share {
  return { hits, total, rate: total === 0 ? 0 : hits / total };
}

export interface ToolSummary {
  /** Positives found / positives. */
  recall: Share;
  /** Recall if every held (summary-only) finding were posted too: what the gate holds back. */
  recallWithHeld: Share;
  /** Clean cases with at least one inline comment / clean cases reviewed without error. */
  cleanWithComments: Share;
  /** Inline comments posted on clean cases, in total. */
  cleanComments: number;
  /** Inline comments on positive cases that hit no true location. */
  offTargetComments: number;
  recallByCategory: Record<string, Share>;
  recallByGroup: Record<string, Share>;
  errors: number;
}

export function summarize(scores: CaseScore[]): ToolSummary {
  const positives = scores.filter((s) => s.kind !== "clean");
  // Errors count against a tool either way: a positive it could not review is a miss, and a
  // clean case it could not review is left out rather than counted as quiet.
  const clean = scores.filter((s) => s.kind === "clean" && !s.error);
  const byKey = (key: (s: CaseScore) => string): Record<string, Share> => {
    const out: Record<string, Share> = {};
    for (const k of [...new Set(positives.map(key))].sort()) {
      const members = positives.filter((s) => key(s) === k);
      out[k] = shareOf(members.filter((s) => s.ok).length, members.length);
    }
    return out;
  };
  return {
    recall: shareOf(positives.filter((s) => s.ok).length, positives.length),
    recallWithHeld: shareOf(positives.filter((s) => s.ok || s.heldHit).length, positives.length),
    cleanWithComments: shareOf(clean.filter((s) => !s.ok).length, clean.length),
    cleanComments: clean.reduce((n, s) => n + s.comments, 0),
    offTargetComments: positives.reduce((n, s) => n + s.offTarget, 0),
    recallByCategory: byKey((s) => s.category),
    recallByGroup: byKey((s) => s.group),
    errors: scores.filter((s) => s.error).length,
  };
}
