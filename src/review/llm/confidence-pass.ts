import type { LlmFailure, LlmPort, LlmRequest, LlmUsage } from "../../llm/llm-port.js";
import type { Finding } from "../finding.js";
import type { ChangeContext } from "../rule.js";
import { buildFileRows, renderView, type FileRows } from "./file-view.js";
import { CONFIDENCE_SYSTEM, confidenceSchema, type ConfidenceAnswer } from "./prompts/confidence.js";
import { wrapCode } from "./untrusted.js";

/** Lines of code shown around each candidate: enough to judge a claim, far less than a review's context. */
const WINDOW = 6;
/**
 * Most characters of one candidate's block (claim and code): long lines and deleted lines shown
 * in the window are cut there, so a confidence call's size has a known bound before it is made.
 */
export const MAX_CANDIDATE_CHARS = 8_000;
/** Most candidates one call scores; the rest keep confidence 0 and stay in the summary. */
export const MAX_CANDIDATES = 40;

/** Scored findings, or the failure of the scoring call. */
export type ConfidenceOutcome =
  | { ok: true; findings: Finding[]; unscored: number; usage: LlmUsage; model: string }
  | { ok: false; failure: LlmFailure };

/** The scoring request: each candidate's claim and the code around it, in one untrusted block per candidate. */
export function buildConfidenceRequest(change: ChangeContext, candidates: Finding[]): LlmRequest<ConfidenceAnswer> {
  const rows = new Map<string, FileRows>();
  const blocks = candidates.map((f, i) => {
    const ctx = change.fileAt(f.path);
    let view = "";
    if (ctx) {
      const fileRows = rows.get(f.path) ?? buildFileRows(ctx);
      rows.set(f.path, fileRows);
      const first = Math.max(1, (f.startLine ?? f.line) - WINDOW);
      const last = Math.min(fileRows.lines.length, f.line + WINDOW);
      view = renderView(fileRows, new Set(Array.from({ length: last - first + 1 }, (_, k) => first + k)));
    }
    const lines = f.startLine ? `lines ${f.startLine}-${f.line}` : `line ${f.line}`;
    const text = `id: c${i + 1}\ncategory: ${f.category}\nseverity: ${f.severity}\nfile: ${f.path} (${lines})\nclaim: ${f.message}\ncode:\n${view}`;
    return wrapCode("candidate", text.length > MAX_CANDIDATE_CHARS ? `${text.slice(0, MAX_CANDIDATE_CHARS - 1)}…` : text);
  });
  return {
    purpose: "confidence",
    system: CONFIDENCE_SYSTEM,
    messages: [{ role: "user", content: [`Score these ${candidates.length} candidate comments.`, ...blocks].join("\n\n") }],
    schema: confidenceSchema,
    schemaName: "confidence_scores",
    // An id, a score and one short sentence per candidate.
    maxTokens: 200 + 80 * candidates.length,
    temperature: 0,
  };
}

/**
 * The second, cheaper pass: scores each candidate 0–1 against the code, and the score becomes the
 * finding's confidence, so the gate's per-category thresholds decide what is posted. A candidate
 * the answer leaves out (or past {@link MAX_CANDIDATES}) gets 0: unscored claims are never posted inline.
 */
export async function scoreCandidates(port: LlmPort, change: ChangeContext, candidates: Finding[], signal?: AbortSignal): Promise<ConfidenceOutcome> {
  const asked = candidates.slice(0, MAX_CANDIDATES);
  const result = await port.complete(buildConfidenceRequest(change, asked), signal);
  if (!result.ok) return { ok: false, failure: result };
  const scores = new Map<string, number>();
  // The first score per id counts: a repeated id cannot raise an earlier verdict.
  for (const { id, score } of result.value.scores) if (!scores.has(id)) scores.set(id, score);
  let unscored = 0;
  const findings = candidates.map((f, i) => {
    const score = i < asked.length ? scores.get(`c${i + 1}`) : undefined;
    if (score === undefined) unscored++;
    return { ...f, confidence: score === undefined ? 0 : Math.round(score * 100) / 100 };
  });
  return { ok: true, findings, unscored, usage: result.usage, model: result.model };
}
