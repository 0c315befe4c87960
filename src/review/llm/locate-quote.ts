import type { ChangeContext, FileContext } from "../rule.js";
import { splitLines } from "../file-context.js";
import { GAP, shownLine } from "./file-view.js";
import { stripInvisible } from "./untrusted.js";

/** Where a reviewer's quote is in the change (new side), or why it cannot be placed. */
export type QuoteLocation =
  | {
      ok: true;
      path: string;
      startLine: number;
      line: number;
      /** The quote covers its lines whole, so a replacement can stand for them. */
      wholeLines: boolean;
      /** The new-side text of startLine..line, for the fingerprint. */
      code: string;
    }
  | { ok: false; reason: string };

// Whitespace is ignored entirely: models re-indent and re-space code they copy.
const squash = (text: string) => text.replace(/\s+/g, "");

interface AddedEntry {
  line: number;
  key: string;
}

/** A file's added, non-blank lines; two entries are adjacent when only blank lines lie between. */
function addedEntries(ctx: FileContext): { entries: AddedEntry[]; adjacent: (a: AddedEntry, b: AddedEntry) => boolean } {
  const lines = splitLines(ctx.newText);
  const blank = (n: number) => squash(lines[n - 1] ?? "") === "";
  const entries = [...ctx.addedLines].sort((a, b) => a - b).filter((n) => !blank(n)).map((line) => ({ line, key: squash(shownLine(lines[line - 1])) }));
  const adjacent = (a: AddedEntry, b: AddedEntry) => {
    for (let n = a.line + 1; n < b.line; n++) if (!blank(n)) return false;
    return true;
  };
  return { entries, adjacent };
}

/** The quote's lines, whitespace squashed, blank lines dropped; diff markers removed when every line has one. */
function quoteKeys(quote: string, stripMarkers: boolean): string[] {
  const lines = stripInvisible(quote).replace(/\r/g, "").split("\n").filter((l) => squash(l) !== "");
  return lines.map((l) => squash(stripMarkers ? l.replace(/^\s*\+/, "") : l));
}

function findIn(ctx: FileContext, keys: string[]): Array<{ startLine: number; line: number; wholeLines: boolean }> {
  const { entries, adjacent } = addedEntries(ctx);
  const found: Array<{ startLine: number; line: number; wholeLines: boolean }> = [];
  const last = keys.length - 1;
  for (let i = 0; i + last < entries.length; i++) {
    const run = entries.slice(i, i + keys.length);
    if (run.some((e, j) => j > 0 && !adjacent(run[j - 1], e))) continue;
    const whole = run.every((e, j) => e.key === keys[j]);
    const fits =
      whole ||
      (keys.length === 1
        ? run[0].key.includes(keys[0])
        : run[0].key.endsWith(keys[0]) && run[last].key.startsWith(keys[last]) && run.slice(1, last).every((e, j) => e.key === keys[j + 1]));
    if (fits) found.push({ startLine: run[0].line, line: run[last].line, wholeLines: whole });
  }
  return found;
}

/** The changed files a quote may be in: the named one when the change has it, else every file. */
function candidateFiles(change: ChangeContext, file: string): FileContext[] {
  const cleaned = file.trim().replace(/^(?:\.\/|[ab]\/)/, "");
  const named = change.fileAt(cleaned);
  return named ? [named] : change.files;
}

/**
 * Finds a reviewer's quote among the change's added lines, ignoring whitespace and invisible
 * characters. A one-line quote may be part of a line; a longer one must cover consecutive added
 * lines (its first and last line may be partial). Patchwarden never guesses: a quote found
 * nowhere, or in more than one place, is not located, and the reason says which.
 */
export function locateQuote(change: ChangeContext, file: string, quote: string): QuoteLocation {
  const files = candidateFiles(change, file).filter((f) => f.file.status !== "deleted" && f.addedLines.size > 0);
  const raw = quoteKeys(quote, false);
  if (raw.some((k) => k === GAP || k === "..." || k === "…")) return { ok: false, reason: "the quote leaves lines out" };
  if (raw.join("").length < 4) return { ok: false, reason: "the quote is too short to place" };
  const attempts = raw.every((k) => k.startsWith("+")) ? [raw, quoteKeys(quote, true)] : [raw];
  for (const keys of attempts) {
    const matches = files.flatMap((ctx) => findIn(ctx, keys).map((m) => ({ ...m, ctx })));
    if (matches.length === 1) {
      const [{ ctx, startLine, line, wholeLines }] = matches;
      const code = splitLines(ctx.newText).slice(startLine - 1, line).join("\n");
      return { ok: true, path: ctx.path, startLine, line, wholeLines, code };
    }
    if (matches.length > 1) {
      const where = [...new Set(matches.map((m) => `${m.ctx.path}:${m.line}`))].slice(0, 3).join(", ");
      return { ok: false, reason: `the quoted code is ambiguous: it matches ${matches.length} places among the added lines (${where})` };
    }
  }
  const scope = files.length === 1 ? `the added lines of ${files[0].path}` : "the added lines of the change";
  return { ok: false, reason: `the quoted code is not among ${scope}` };
}
