/**
 * Plain-text report of an eval run: the headline figures of every tool side by side, recall per
 * category and per defect class, then the misses, noisy clean cases and errors per tool.
 */
import type { CaseScore, Share, ToolSummary } from "./score.js";

export interface ToolReport {
  name: string;
  summary: ToolSummary;
  cases: CaseScore[];
}

export const TARGET_RECALL = 0.5;
export const TARGET_CLEAN_WITH_COMMENTS = 0.1;

function pct(share: Share): string {
  return `${(share.rate * 100).toFixed(1)}% (${share.hits}/${share.total})`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length)));
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col])).join("  ").trimEnd()).join("\n");
}

function sideBySide(tools: ToolReport[], label: string, pick: (s: ToolSummary) => Record<string, Share>): string[][] {
  const keys = [...new Set(tools.flatMap((t) => Object.keys(pick(t.summary))))].sort();
  return keys.map((k) => [`${label} ${k}`, ...tools.map((t) => (pick(t.summary)[k] ? pct(pick(t.summary)[k]) : "-"))]);
}

/** Renders the whole report as one string. */
export function formatReport(tools: ToolReport[], corpus: { positives: number; clean: number }): string {
  const out: string[] = [];
  const head = ["", ...tools.map((t) => t.name)];
  out.push(
    table([
      head,
      ["cases", ...tools.map(() => `${corpus.positives} positive + ${corpus.clean} clean`)],
      [`recall (target >= ${TARGET_RECALL * 100}%)`, ...tools.map((t) => pct(t.summary.recall))],
      ["recall counting summary-only findings", ...tools.map((t) => pct(t.summary.recallWithHeld))],
      [
        `clean with comments (target <= ${TARGET_CLEAN_WITH_COMMENTS * 100}%)`,
        ...tools.map((t) => pct(t.summary.cleanWithComments)),
      ],
      ["comments on clean cases", ...tools.map((t) => String(t.summary.cleanComments))],
      ["off-target comments on positives", ...tools.map((t) => String(t.summary.offTargetComments))],
      ["errors", ...tools.map((t) => String(t.summary.errors))],
      ...sideBySide(tools, "recall", (s) => s.recallByCategory),
      ...sideBySide(tools, "recall", (s) => s.recallByGroup),
    ]),
  );
  for (const t of tools) {
    const misses = t.cases.filter((c) => c.kind !== "clean" && !c.ok && !c.error);
    const noisy = t.cases.filter((c) => c.kind === "clean" && !c.ok && !c.error);
    const errors = t.cases.filter((c) => c.error);
    out.push("", `${t.name}: ${misses.length} missed positives`);
    for (const c of misses) {
      const elsewhere = c.otherRules.length ? ` (comments elsewhere: ${c.otherRules.join(", ")})` : "";
      const held = c.heldHit ? " (found, but held to the summary)" : "";
      out.push(`  miss   ${c.id}${held}${elsewhere}`);
    }
    out.push(`${t.name}: ${noisy.length} clean cases with comments`);
    for (const c of noisy) out.push(`  noisy  ${c.id}: ${c.comments} comment(s): ${c.otherRules.join(", ")}`);
    if (errors.length) out.push(`${t.name}: ${errors.length} errors`);
    for (const c of errors) out.push(`  error  ${c.id}: ${c.error}`);
  }
  return out.join("\n");
}
