import type { LlmFailure, LlmFailureReason } from "./llm-port.js";

/** One skipped call, as a review remembers it. */
export interface SkippedCall {
  purpose: string;
  reason: LlmFailureReason;
  note: string;
}

const REASON_LABELS: Record<LlmFailureReason, string> = {
  budget: "over budget",
  unavailable: "LLM unavailable",
  timeout: "timed out",
  "invalid-output": "unusable answer",
  aborted: "cancelled",
};

// Order of the summary: what the reader can act on first.
const REASON_ORDER: LlmFailureReason[] = ["budget", "unavailable", "timeout", "invalid-output", "aborted"];

/** Remembers a failure of a call for `purpose`. */
export function toSkippedCall(purpose: string, failure: LlmFailure): SkippedCall {
  return { purpose, reason: failure.reason, note: failure.note };
}

/**
 * The one line a review summary shows when LLM calls were skipped, e.g.
 * "LLM review incomplete: 3 of 8 calls skipped: 2 over budget (per-review cost budget reached
 * ($0.50 of $0.50 spent)); 1 timed out (no answer within 60 s). Static findings are complete."
 * Undefined when nothing was skipped.
 */
export function summarizeLlmSkips(calls: number, skipped: SkippedCall[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const parts = REASON_ORDER.flatMap((reason) => {
    const ofReason = skipped.filter((s) => s.reason === reason);
    if (ofReason.length === 0) return [];
    return [`${ofReason.length} ${REASON_LABELS[reason]} (${detailOf(ofReason[0].note)})`];
  });
  const what = skipped.length === calls ? `all ${calls} calls skipped` : `${skipped.length} of ${calls} calls skipped`;
  return `LLM review incomplete: ${what}: ${parts.join("; ")}. Static findings are complete.`;
}

// Notes read "LLM review:security skipped: <detail>"; the summary names reasons, not each purpose.
function detailOf(note: string): string {
  return note.replace(/^LLM \S+ (skipped|answer dropped|cancelled):?\s*/, "") || note;
}
