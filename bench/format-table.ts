import type { BenchTable, Cell } from "./bench-section.js";

/** Formats a number for a table: thousands separators, one decimal below 100, none above. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 1 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatCell(cell: Cell): string {
  if (cell === undefined) return "—";
  return typeof cell === "number" ? formatNumber(cell) : cell;
}

/**
 * Renders a table as aligned plain text (Markdown-compatible pipes, so it pastes into an issue).
 * The label column is left-aligned, numeric columns right-aligned.
 */
export function formatTable(table: BenchTable): string {
  const body = table.rows.map((row) => table.columns.map((_, i) => formatCell(row[i])));
  const widths = table.columns.map((column, i) => Math.max(column.length, ...body.map((row) => row[i].length)));
  const numeric = table.columns.map((_, i) => i > 0 && table.rows.some((row) => typeof row[i] === "number"));
  const line = (cells: string[]) =>
    "| " + cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" | ") + " |";
  const rule = "|" + widths.map((w, i) => (numeric[i] ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|") + "|";
  const out = [`### ${table.title}`, "", line(table.columns), rule, ...body.map(line)];
  if (table.notes?.length) out.push("", ...table.notes.map((note) => `- ${note}`));
  return out.join("\n") + "\n";
}
