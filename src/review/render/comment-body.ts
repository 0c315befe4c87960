import type { Category, Finding, Severity } from "../finding.js";

export const CATEGORY_LABEL: Record<Category, string> = {
  correctness: "🐛 Correctness",
  security: "🔒 Security",
  style: "🎨 Style",
  coverage: "🧪 Coverage",
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  blocking: "🛑 blocking",
  warning: "⚠️ warning",
  suggestion: "💡 suggestion",
};

/** The hidden marker that carries a finding's fingerprint in every posted comment. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- patchwarden:fp=${fingerprint} -->`;
}

const MARKER_PATTERN = /<!-- patchwarden:fp=([0-9a-f]{6,64}) -->/g;

/** Reads the fingerprints out of a comment body (ours carry exactly one). */
export function readFingerprints(body: string): string[] {
  return [...body.matchAll(MARKER_PATTERN)].map((m) => m[1]);
}

/**
 * A suggestion block whose fence cannot be closed early by the suggested code itself: GitHub
 * ends the block at the first line that starts with a fence of the same length or longer.
 */
export function suggestionBlock(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/^\s*(`{3,})/gm)].map((m) => m[1].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}suggestion\n${code.replace(/\n$/, "")}\n${fence}`;
}

/** Markdown body of one inline review comment. */
export function renderCommentBody(finding: Finding): string {
  const parts = [`**${CATEGORY_LABEL[finding.category]} · ${SEVERITY_LABEL[finding.severity]}** — ${finding.message}`];
  if (finding.suggestion !== undefined) parts.push(suggestionBlock(finding.suggestion));
  parts.push(`<sub>patchwarden · \`${finding.rule}\` · confidence ${finding.confidence.toFixed(2)} · react 👍 or 👎 to tune future reviews</sub>`);
  parts.push(fingerprintMarker(finding.fingerprint));
  return parts.join("\n\n");
}
