import type { ReviewConfig } from "../config/schema.js";
import { rankOf, type Finding } from "./finding.js";

/** Where the gate sent a finding that is not posted inline, and why. */
export interface GatedFinding {
  finding: Finding;
  reason: string;
}

export interface GateResult {
  /** Posted as inline review comments, best first. */
  inline: Finding[];
  /** Listed in the summary only. */
  summaryOnly: GatedFinding[];
  /** Not shown at all (duplicates, already posted, disabled). */
  dropped: GatedFinding[];
}

export interface GateInput {
  findings: Finding[];
  config: ReviewConfig;
  /** Changed lines (added + deleted) under review, for the density cap. */
  changedLines: number;
  /** Why GitHub would reject an inline comment at this finding's anchor; undefined when it accepts. */
  anchorProblem: (finding: Finding) => string | undefined;
  /** True when the finding's suggestion replaces exactly added lines (committable). */
  suggestionIsExact: (finding: Finding) => boolean;
  /** Fingerprints already posted on this PR in earlier runs. */
  alreadyPosted?: ReadonlySet<string>;
}

/** The fewest inline comments the density cap allows, so a small PR can still get its real problems. */
const MIN_DENSITY_CAP = 5;

/**
 * Decides what is posted inline, what goes to the summary only, and what is dropped.
 *
 * 1. rule overrides (off / severity / confidence)  2. dedupe by fingerprint  3. already posted
 * 4. anchor check  5. category threshold  6. rank by severity × confidence  7. caps (run, density)
 */
export function applyGate(input: GateInput): GateResult {
  const { config } = input;
  const summaryOnly: GatedFinding[] = [];
  const dropped: GatedFinding[] = [];

  // 1. Rule overrides from config.
  const overridden: Finding[] = [];
  for (const original of input.findings) {
    const override = config.rules[original.rule];
    if (override === "off") {
      dropped.push({ finding: original, reason: "rule disabled in config" });
      continue;
    }
    const finding = { ...original };
    if (override?.severity) finding.severity = override.severity;
    if (override?.confidence !== undefined) finding.confidence = override.confidence;
    overridden.push(finding);
  }

  // 2. One finding per fingerprint: the highest-ranked copy survives.
  const byFingerprint = new Map<string, Finding>();
  for (const finding of overridden) {
    const seen = byFingerprint.get(finding.fingerprint);
    if (!seen) byFingerprint.set(finding.fingerprint, finding);
    else {
      const [keep, drop] = rankOf(finding) > rankOf(seen) ? [finding, seen] : [seen, finding];
      byFingerprint.set(finding.fingerprint, keep);
      dropped.push({ finding: drop, reason: "duplicate fingerprint" });
    }
  }

  const candidates: Finding[] = [];
  // Comments already on the PR still occupy the density budget: a re-review of unchanged code
  // must not drain the summary into new inline comments.
  let postedBefore = 0;
  for (const original of byFingerprint.values()) {
    // 3. Never the same comment twice across pushes.
    if (input.alreadyPosted?.has(original.fingerprint)) {
      dropped.push({ finding: original, reason: "already posted" });
      if (original.severity !== "blocking" && original.confidence >= config.thresholds[original.category]) postedBefore++;
      continue;
    }
    const finding = { ...original };
    if (finding.suggestion !== undefined && !input.suggestionIsExact(finding)) delete finding.suggestion;
    // 4. GitHub rejects comments outside the diff: such findings can only be summarised.
    const problem = input.anchorProblem(finding);
    if (problem) {
      summaryOnly.push({ finding, reason: problem });
      continue;
    }
    // 5. Category threshold.
    const threshold = config.thresholds[finding.category];
    if (finding.confidence < threshold) {
      summaryOnly.push({ finding, reason: `confidence ${finding.confidence.toFixed(2)} below ${finding.category} threshold ${threshold}` });
      continue;
    }
    candidates.push(finding);
  }

  // 6. Best first; ties broken by position so output is deterministic.
  const byPosition = (a: Finding, b: Finding) => a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule);
  candidates.sort((a, b) => rankOf(b) - rankOf(a) || byPosition(a, b));

  // 7. Caps. The density cap keeps a small PR from being buried in notes, but it never hides a
  // blocking finding; the per-run cap bounds everything.
  const densityCap = Math.max(MIN_DENSITY_CAP, Math.ceil((input.changedLines / 100) * config.maxCommentsPer100Lines));
  const inline: Finding[] = [];
  let nonBlocking = postedBefore;
  for (const finding of candidates) {
    if (inline.length >= config.maxInlineComments) {
      summaryOnly.push({ finding, reason: `over the inline comment cap (${config.maxInlineComments} per review)` });
    } else if (finding.severity !== "blocking" && nonBlocking >= densityCap) {
      summaryOnly.push({ finding, reason: `over the density cap (${densityCap} non-blocking comments for ${input.changedLines} changed lines)` });
    } else {
      inline.push(finding);
      if (finding.severity !== "blocking") nonBlocking++;
    }
  }
  inline.sort(byPosition);
  summaryOnly.sort((a, b) => rankOf(b.finding) - rankOf(a.finding) || byPosition(a.finding, b.finding));
  return { inline, summaryOnly, dropped };
}
