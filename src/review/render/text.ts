import type { DiffFile, DiffLine, DiffModel } from "../../diff/diff-model.js";
import { CATEGORIES } from "../finding.js";
import type { ReportedFinding, ReviewResult } from "../review-result.js";
import { CATEGORY_LABEL, SEVERITY_LABEL } from "./comment-body.js";

const WIDTH = 100;
const CONTEXT_LINES = 2;

/** The diff lines around a finding, as GitHub shows them above an inline comment. */
function excerpt(file: DiffFile | undefined, finding: ReportedFinding): string[] {
  if (!file) return [];
  const lineNo = (l: DiffLine) => (finding.side === "LEFT" ? l.oldLine : l.newLine);
  for (const hunk of file.hunks) {
    const idx = hunk.lines.findIndex((l) => lineNo(l) === finding.line && (finding.side === "LEFT" ? l.kind !== "add" : l.kind !== "del"));
    if (idx < 0) continue;
    const first = hunk.lines.findIndex((l) => lineNo(l) === (finding.startLine ?? finding.line));
    const from = Math.max(0, Math.min(first < 0 ? idx : first, idx) - CONTEXT_LINES);
    return hunk.lines.slice(from, idx + 1).map((l) => {
      const marker = l.kind === "add" ? "+" : l.kind === "del" ? "-" : " ";
      const num = String((l.kind === "del" ? l.oldLine : l.newLine) ?? "").padStart(5);
      return `${num} ${marker} ${l.content}`.slice(0, WIDTH * 2);
    });
  }
  return [];
}

function wrap(text: string, indent: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      if (line && line.length + word.length + 1 > WIDTH - indent.length) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out;
}

/** Terminal rendering: each inline comment under its code, as a PR author sees it, then the summary. */
export function renderText(result: ReviewResult, diff: DiffModel): string {
  const files = new Map(diff.files.map((f) => [f.path, f]));
  const out: string[] = [];
  const posted = result.findings.filter((f) => f.posted);
  for (const f of posted) {
    const head = `── ${f.path}:${f.startLine ? `${f.startLine}-` : ""}${f.line}${f.side === "LEFT" ? " (deleted line)" : ""} `;
    out.push(head.padEnd(WIDTH, "─"));
    out.push(...excerpt(files.get(f.path), f));
    out.push(`  💬 ${CATEGORY_LABEL[f.category]} · ${SEVERITY_LABEL[f.severity]} · ${f.rule} · confidence ${f.confidence.toFixed(2)}`);
    out.push(...wrap(f.message, "     "));
    if (f.suggestion !== undefined) {
      out.push("     Suggested change:");
      for (const line of f.suggestion.replace(/\n$/, "").split("\n")) out.push(`     + ${line}`);
    }
    out.push("");
  }
  const { summary } = result;
  out.push("═".repeat(WIDTH));
  const verdict = { blocking: "🛑 blocking findings", comments: "⚠️  comments", clean: "✅ no findings" }[summary.verdict];
  out.push(`patchwarden review: ${verdict}`);
  out.push(`  ${CATEGORIES.map((c) => `${CATEGORY_LABEL[c]} ${summary.counts[c]}`).join("   ")}`);
  out.push(`  reviewed ${summary.filesReviewed} of ${summary.filesChanged} files · ${summary.posted} inline · ${summary.summaryOnly} summary-only`);
  const rest = result.findings.filter((f) => !f.posted);
  if (rest.length) {
    out.push("", `  Summary only (${rest.length}):`);
    for (const f of rest) out.push(`    ${SEVERITY_LABEL[f.severity]} ${f.path}:${f.line} ${f.rule}: ${f.message.split("\n")[0]}`.slice(0, WIDTH * 2));
  }
  if (summary.skipped.length) {
    out.push("", `  Skipped (${summary.skipped.length}):`);
    for (const s of summary.skipped) out.push(`    ${s.path}: ${s.reason}`);
  }
  for (const note of summary.notes) out.push(`  note: ${note}`);
  return out.join("\n") + "\n";
}
