import type { Category, Finding } from "../finding.js";

/** The findings after merging, and how many LLM findings were folded in. */
export interface MergeResult {
  /** The static findings (those an LLM finding confirmed carry its explanation too), then the LLM findings that stand alone. */
  findings: Finding[];
  /** LLM findings folded into a static finding. */
  merged: number;
  /** LLM findings at a static finding's place that scored under the threshold: the static one says it already. */
  absorbed: number;
}

/** Same file, side and category, and the line ranges overlap. */
function samePlace(a: Finding, b: Finding): boolean {
  if (a.path !== b.path || a.side !== b.side || a.category !== b.category) return false;
  return (a.startLine ?? a.line) <= b.line && (b.startLine ?? b.line) <= a.line;
}

/**
 * One comment per place: an LLM finding at the same place and category as a static finding is
 * merged into it. The static finding keeps its rule id, fingerprint, severity and confidence
 * (so comments already posted still match), and the LLM's explanation is appended when its score
 * passes the category's threshold; under the threshold it adds nothing the static finding does
 * not say. Where several static findings overlap one LLM finding, the first in position order takes it.
 */
export function mergeWithStatic(staticFindings: Finding[], llmFindings: Finding[], thresholds: Record<Category, number>): MergeResult {
  const statics = staticFindings.map((f) => ({ ...f }));
  const order = statics.map((f, i) => i).sort((x, y) => statics[x].path.localeCompare(statics[y].path) || statics[x].line - statics[y].line || x - y);
  const standalone: Finding[] = [];
  let merged = 0;
  let absorbed = 0;
  for (const candidate of llmFindings) {
    const target = order.map((i) => statics[i]).find((s) => samePlace(s, candidate));
    if (!target) {
      standalone.push(candidate);
    } else if (candidate.confidence >= thresholds[candidate.category]) {
      const note = `${candidate.message} (${candidate.rule}, confidence ${candidate.confidence.toFixed(2)})`;
      if (!target.message.includes(candidate.message)) target.message = `${target.message}\n\nLLM review: ${note}`;
      merged++;
    } else {
      absorbed++;
    }
  }
  return { findings: [...statics, ...standalone], merged, absorbed };
}
