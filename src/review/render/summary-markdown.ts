import { CATEGORIES } from "../finding.js";
import type { ReviewResult } from "../review-result.js";
import { CATEGORY_LABEL, SEVERITY_LABEL } from "./comment-body.js";

/** Marks the one sticky summary comment the App edits in place. */
export const SUMMARY_MARKER = "<!-- patchwarden:summary -->";

const VERDICT: Record<ReviewResult["summary"]["verdict"], string> = {
  blocking: "🛑 Changes needed: blocking findings",
  comments: "⚠️ Comments to consider",
  clean: "✅ No findings",
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The sticky summary comment (also the CLI's markdown output). */
export function renderSummaryMarkdown(result: ReviewResult): string {
  const { summary } = result;
  const lines: string[] = [SUMMARY_MARKER, `### patchwarden review — ${VERDICT[summary.verdict]}`, ""];
  lines.push(`| ${CATEGORIES.map((c) => CATEGORY_LABEL[c]).join(" | ")} |`);
  lines.push(`|${CATEGORIES.map(() => "---").join("|")}|`);
  lines.push(`| ${CATEGORIES.map((c) => String(summary.counts[c])).join(" | ")} |`);
  lines.push("");
  lines.push(
    `Reviewed ${summary.filesReviewed} of ${summary.filesChanged} changed files · ${summary.posted} inline comment(s) · ${summary.summaryOnly} more in this summary.`,
  );
  const posted = result.findings.filter((f) => f.posted);
  if (posted.length) {
    lines.push("", "**Inline comments**", "");
    for (const f of posted) lines.push(`- ${SEVERITY_LABEL[f.severity]} \`${f.path}:${f.line}\` ${cell(f.message.split("\n")[0])}`);
  }
  const rest = result.findings.filter((f) => !f.posted);
  if (rest.length) {
    lines.push("", `<details><summary>Summary-only findings (${rest.length})</summary>`, "");
    lines.push("| where | what | rule | confidence |", "|---|---|---|---|");
    for (const f of rest) {
      lines.push(`| \`${cell(f.path)}:${f.line}\`${f.side === "LEFT" ? " (deleted)" : ""} | ${SEVERITY_LABEL[f.severity]} ${cell(f.message)} | \`${f.rule}\` | ${f.confidence.toFixed(2)} |`);
    }
    lines.push("", "</details>");
  }
  if (summary.skipped.length) {
    lines.push("", `<details><summary>Skipped files (${summary.skipped.length})</summary>`, "");
    for (const s of summary.skipped) lines.push(`- \`${cell(s.path)}\`: ${cell(s.reason)}`);
    lines.push("", "</details>");
  }
  const llm = result.stats.llm;
  if (llm) {
    const cost = llm.costUsd !== undefined ? ` · $${llm.costUsd.toFixed(4)}` : "";
    lines.push("", `<sub>LLM reviewers: ${llm.calls} call(s) · ${llm.promptTokens} prompt + ${llm.completionTokens} completion tokens${cost}</sub>`);
  }
  if (summary.notes.length) {
    lines.push("");
    for (const note of summary.notes) lines.push(`> ${cell(note)}`);
  }
  return lines.join("\n") + "\n";
}
