import { classifyFiles } from "../../diff/filters.js";
import type { ChangeContext, FileContext } from "../rule.js";
import { isTestFile } from "../reviewers/coverage/path-roles.js";
import { enclosingRegions, range, runs } from "./enclosing-regions.js";
import { buildFileRows, hunkLines, renderView, rowChars, type FileRows } from "./file-view.js";
import type { ContextNeeds } from "./prompts/index.js";
import { RelatedContext, type Snippet } from "./related-context.js";
import { CHARS_PER_TOKEN, estimateTokens } from "./token-estimate.js";

/** How to pack a change for one reviewer. */
export interface PackOptions {
  /** Most estimated tokens the packed files may take (their headers and the per-file overhead included). */
  budgetTokens: number;
  /** Context beyond the hunks; all of it by default. */
  needs?: Partial<ContextNeeds>;
  /** `whole-file` shows every line of each changed file and nothing else: the naive baseline. */
  strategy?: "functions" | "whole-file";
  /** Tokens the caller adds around each file (delimiters): charged when a file is packed. */
  perFileOverheadTokens?: number;
  /** An enclosing function longer than this is shown by its signature and the lines near the change. */
  maxScopeLines?: number;
  /** A related test file longer than this is shown by its test names. */
  maxTestLines?: number;
  /** Lookups shared by the packs of one change (each dimension packs its own). */
  related?: RelatedContext;
}

/** One changed file as packed: the text a reviewer reads about it. */
export interface PackedFile {
  path: string;
  text: string;
  tokens: number;
  /** Added lines the text shows, and all the file's added lines. */
  addedShown: number;
  addedTotal: number;
}

/** Something the budget or a filter left out. */
export interface OmittedItem {
  path: string;
  what: "file" | "hunk" | "enclosing function" | "definition" | "related test";
  detail: string;
  reason: string;
}

/** A change packed for one reviewer: the files in packing order and what was left out. */
export interface PackedContext {
  files: PackedFile[];
  /** Estimated tokens of every file's text plus the per-file overhead. */
  tokens: number;
  budgetTokens: number;
  omitted: OmittedItem[];
}

const RISKY_PATH = /auth|login|session|token|secret|passw|crypt|permission|acl|sql|query|exec|shell|upload|sanitiz|escape|payment/i;

/** Riskier first: parsed source before tests and other text, sensitive names, then bigger changes. */
function byRisk(a: FileContext, b: FileContext): number {
  const risk = (f: FileContext) => (f.source ? 4 : 0) - (isTestFile(f.path) ? 2 : 0) + (RISKY_PATH.test(f.path) ? 1 : 0);
  return risk(b) - risk(a) || b.addedLines.size - a.addedLines.size || a.path.localeCompare(b.path);
}

/** Why a file is not shown to a reviewer at all, or undefined when it is packed. */
function exclusion(ctx: FileContext): string | undefined {
  if (ctx.file.status === "deleted") return "deleted: nothing added to comment on";
  if (ctx.addedLines.size === 0) return "no added lines to comment on";
  // The pipeline filters these already; callers that pack other changes get the same rule.
  const skipped = classifyFiles({ files: [ctx.file] }).skipped[0];
  return skipped ? skipped.reason : undefined;
}

interface FileState {
  ctx: FileContext;
  rows: FileRows;
  shown: Set<number>;
  snippets: Snippet[];
  packed: boolean;
}

/**
 * Packs a change for an LLM reviewer, deterministically, within a token budget. Breadth first:
 * (1) every file's hunks, riskiest file first; then, as the budget allows, (2) each hunk's
 * enclosing function, (3) the definitions of what the added lines call, (4) each file's related
 * test file. Generated, vendored, lock and minified files are never packed. Whatever does not
 * fit is listed in `omitted`, so the summary can say what was not reviewed.
 */
export function packContext(change: ChangeContext, options: PackOptions): PackedContext {
  const needs: ContextNeeds = { enclosing: true, definitions: true, tests: true, ...options.needs };
  const whole = options.strategy === "whole-file";
  const budgetChars = options.budgetTokens * CHARS_PER_TOKEN;
  const overheadChars = (options.perFileOverheadTokens ?? 0) * CHARS_PER_TOKEN;
  const maxScopeLines = options.maxScopeLines ?? 120;
  const omitted: OmittedItem[] = [];
  const related = options.related ?? new RelatedContext(change);
  let used = 0;

  const states: FileState[] = [];
  for (const ctx of [...change.files].sort(byRisk)) {
    const reason = exclusion(ctx);
    if (reason) omitted.push({ path: ctx.path, what: "file", detail: ctx.path, reason });
    else states.push({ ctx, rows: buildFileRows(ctx), shown: new Set(), snippets: [], packed: false });
  }

  // Adds lines to a file's view when they fit; the header and overhead are paid by the first addition.
  const tryShow = (state: FileState, lines: number[]): boolean | "nothing new" => {
    const fresh = lines.filter((l) => !state.shown.has(l));
    if (fresh.length === 0) return "nothing new";
    let cost = runs(fresh).length * 2 + fresh.reduce((n, l) => n + rowChars(state.rows, l), 0);
    if (!state.packed) cost += overheadChars + fileHeader(state.ctx).length + 1;
    if (used + cost > budgetChars) return false;
    used += cost;
    state.packed = true;
    for (const l of fresh) state.shown.add(l);
    return true;
  };
  const trySnippet = (state: FileState, snippet: Snippet): boolean => {
    const cost = snippetBlock(snippet).length + 2;
    if (used + cost > budgetChars) return false;
    used += cost;
    state.snippets.push(snippet);
    return true;
  };

  // 1. The hunks (or, for the baseline, the whole file).
  for (const state of states) {
    if (whole) {
      if (!tryShow(state, range(1, state.rows.lines.length + 1))) omitted.push({ path: state.ctx.path, what: "file", detail: state.ctx.path, reason: "over the LLM context budget" });
      continue;
    }
    for (const hunk of state.ctx.file.hunks) {
      const lines = hunkLines(hunk);
      if (!lines.some((l) => state.ctx.addedLines.has(l))) continue;
      if (!tryShow(state, lines)) omitted.push({ path: state.ctx.path, what: "hunk", detail: `lines ${lines[0]}-${lines[lines.length - 1]}`, reason: "over the LLM context budget" });
    }
    if (!state.packed) omitted.push({ path: state.ctx.path, what: "file", detail: state.ctx.path, reason: "over the LLM context budget" });
  }
  const packedStates = () => states.filter((s) => s.packed);

  // 2. Enclosing functions of the packed added lines.
  if (!whole && needs.enclosing) {
    for (const state of packedStates()) {
      const addedShown = [...state.shown].filter((l) => state.ctx.addedLines.has(l)).sort((a, b) => a - b);
      for (const [name, lines] of enclosingRegions(state.ctx, addedShown, maxScopeLines)) {
        if (tryShow(state, lines) === false) omitted.push({ path: state.ctx.path, what: "enclosing function", detail: name, reason: "over the LLM context budget" });
      }
    }
  }

  // 3. Definitions the packed added lines call, each shown once per pack.
  const seen = new Set<string>();
  if (!whole && needs.definitions) {
    for (const state of packedStates()) {
      const addedShown = new Set([...state.shown].filter((l) => state.ctx.addedLines.has(l)));
      for (const def of related.calledDefinitions(state.ctx, addedShown)) {
        const key = `${def.path}:${def.startLine}`;
        if (seen.has(key)) continue;
        seen.add(key);
        // A definition already in view (same file, shown lines) needs no second copy.
        if (def.path === state.ctx.path && range(def.startLine, def.endLine).every((l) => state.shown.has(l))) continue;
        if (!trySnippet(state, def)) omitted.push({ path: state.ctx.path, what: "definition", detail: `${def.name} (${def.path}:${def.startLine})`, reason: "over the LLM context budget" });
      }
    }
  }

  // 4. Related test files that the change does not show already.
  if (!whole && needs.tests) {
    for (const state of packedStates()) {
      const test = related.relatedTest(state.ctx.path);
      if (!test || change.fileAt(test) || seen.has(test)) continue;
      seen.add(test);
      const snippet = related.testSnippet(test, options.maxTestLines ?? 150);
      if (snippet && !trySnippet(state, snippet)) omitted.push({ path: state.ctx.path, what: "related test", detail: test, reason: "over the LLM context budget" });
    }
  }

  const files = packedStates().map((state) => renderPackedFile(state));
  const tokens = files.reduce((n, f) => n + f.tokens, 0) + files.length * (options.perFileOverheadTokens ?? 0);
  return { files, tokens, budgetTokens: options.budgetTokens, omitted };
}

/** The line that opens a file's section: the path is untrusted and is wrapped with the rest. */
function fileHeader(ctx: FileContext): string {
  const renamed = ctx.file.oldPath && ctx.file.oldPath !== ctx.path ? `, renamed from ${ctx.file.oldPath}` : "";
  return `## ${ctx.path} (${ctx.file.status}${renamed})`;
}

function snippetBlock(snippet: Snippet): string {
  const heading = snippet.name === snippet.path ? `### related test ${snippet.path}` : `### ${snippet.name}, defined in ${snippet.path}:${snippet.startLine}`;
  return `${heading}\n${snippet.text}`;
}

function renderPackedFile(state: FileState): PackedFile {
  const parts = [fileHeader(state.ctx), renderView(state.rows, state.shown), ...state.snippets.map(snippetBlock)];
  const text = parts.join("\n\n");
  const addedShown = [...state.shown].filter((l) => state.ctx.addedLines.has(l)).length;
  return { path: state.ctx.path, text, tokens: estimateTokens(text), addedShown, addedTotal: state.ctx.addedLines.size };
}
