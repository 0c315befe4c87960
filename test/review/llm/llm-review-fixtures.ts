import type { DiffModel } from "../../../src/diff/diff-model.js";
import { parseUnifiedDiff } from "../../../src/diff/parse-unified-diff.js";
import type { LlmFailureReason } from "../../../src/llm/llm-port.js";
import type { ScriptedExchange } from "../../../src/llm/recorded-exchange.js";
import { buildChangeContext } from "../../../src/review/file-context.js";
import type { Dimension } from "../../../src/review/llm/dimension.js";
import type { ChangeContext, RepoReader, Rule } from "../../../src/review/rule.js";
import { memoryRepo } from "../../helpers/snippet.js";

/** A change built from snippets (path → unified-diff body), with extra unchanged repository files. */
export interface SnippetChange {
  diff: DiffModel;
  repo: RepoReader;
  change: ChangeContext;
}

/**
 * A git-style diff of one file from a snippet (lines marked '+', '-' or ' ', as in
 * test/helpers/snippet.ts), with real hunks: three lines of context around each change, as
 * `git diff` makes them (the snippet helper's single hunk would show the whole file).
 */
export function unifiedDiff(path: string, snippet: string): { text: string; newText: string } {
  const rows = snippet.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n").map((r) => (/^[+\- ]/.test(r) ? { mark: r[0], content: r.slice(1) } : { mark: " ", content: r }));
  const changed = rows.flatMap((r, i) => (r.mark === " " ? [] : [i]));
  const windows: Array<[number, number]> = [];
  for (const i of changed) {
    const last = windows[windows.length - 1];
    if (last && i - 3 <= last[1] + 1) last[1] = Math.min(rows.length - 1, i + 3);
    else windows.push([Math.max(0, i - 3), Math.min(rows.length - 1, i + 3)]);
  }
  const added = rows.every((r) => r.mark !== "-" && r.mark !== " ");
  const out = [`diff --git a/${path} b/${path}`, ...(added ? ["new file mode 100644", "--- /dev/null"] : [`--- a/${path}`]), `+++ b/${path}`];
  const before = (end: number, marks: string) => rows.slice(0, end).filter((r) => marks.includes(r.mark)).length;
  for (const [first, last] of windows) {
    const body = rows.slice(first, last + 1);
    const oldCount = body.filter((r) => r.mark !== "+").length;
    const newCount = body.filter((r) => r.mark !== "-").length;
    const oldStart = oldCount ? before(first, " -") + 1 : before(first, " -");
    const newStart = newCount ? before(first, " +") + 1 : before(first, " +");
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body.map((r) => `${r.mark}${r.content}`));
  }
  const newText = rows.filter((r) => r.mark !== "-").map((r) => r.content);
  return { text: out.join("\n") + "\n", newText: newText.length ? newText.join("\n") + "\n" : "" };
}

/** A change built from snippets (path → snippet), with extra unchanged repository files. */
export function snippetChange(snippets: Record<string, string>, repoFiles: Record<string, string> = {}): SnippetChange {
  const files: Record<string, string> = { ...repoFiles };
  let text = "";
  for (const [path, snippet] of Object.entries(snippets)) {
    const one = unifiedDiff(path, snippet);
    text += one.text;
    files[path] = one.newText;
  }
  const diff = parseUnifiedDiff(text);
  const repo = memoryRepo(files);
  return { diff, repo, change: buildChangeContext(diff, repo) };
}

const USAGE = { promptTokens: 1000, completionTokens: 100 };

/** One item of a reviewer's answer; the dimension's own fields are filled in. */
export function item(dimension: Dimension, file: string, quote: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const own: Record<Dimension, Record<string, unknown>> = {
    correctness: { trigger: "the input is empty" },
    security: { weakness: "CWE-78", source: "the request body" },
    style: { convention: "the neighbouring code" },
    coverage: { behaviour: "the new branch" },
  };
  return { file, quote, category: dimension, severity: "warning", message, replacement: null, ...own[dimension], ...extra };
}

/** A scripted reviewer answer for one dimension. */
export function reviewAnswer(dimension: Dimension, findings: unknown[] = []): ScriptedExchange {
  return { purpose: `review:${dimension}`, result: { ok: true, value: { findings }, usage: USAGE, model: "gpt-4.1-mini", repaired: false } };
}

/** Empty answers for every dimension (a change with nothing to say). */
export function quietReview(): ScriptedExchange[] {
  return (["correctness", "security", "style", "coverage"] as const).map((d) => reviewAnswer(d));
}

/** A scripted confidence answer: scores by candidate id (c1, c2, ...). */
export function confidenceAnswer(scores: Record<string, number>): ScriptedExchange {
  const value = { scores: Object.entries(scores).map(([id, score]) => ({ id, score, reason: "checked against the code" })) };
  return { purpose: "confidence", result: { ok: true, value, usage: { promptTokens: 300, completionTokens: 40 }, model: "gpt-4.1-mini", repaired: false } };
}

/** A scripted failure of one call. */
export function failure(purpose: string, reason: LlmFailureReason, note: string): ScriptedExchange {
  return { purpose, result: { ok: false, reason, note, usage: { promptTokens: 0, completionTokens: 0 } } };
}

/** A static rule for tests: reports every added line that contains `needle`. */
export function needleRule(id: string, category: Rule["meta"]["category"], needle: string, message: string): Rule {
  return {
    meta: { id, category, severity: "blocking", confidence: 0.9, rationale: "test rule", languages: "any" },
    checkFile(ctx) {
      const lines = ctx.newText.split("\n");
      for (const line of ctx.addedLines) if (lines[line - 1]?.includes(needle)) ctx.report({ line, message });
    },
  };
}

/** The text of every untrusted block in a prompt, and the prompt with those blocks taken out. */
export function splitUntrusted(prompt: string): { inside: string[]; outside: string } {
  const inside: string[] = [];
  const block = /<untrusted-data boundary="([0-9a-f]+)"[^>]*>\n([\s\S]*?)\n<\/untrusted-data boundary="\1">/g;
  const outside = prompt.replace(block, (_, _boundary: string, text: string) => {
    inside.push(text);
    return "[untrusted]";
  });
  return { inside, outside };
}
