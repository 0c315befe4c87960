import type { DiffFile, DiffHunk, DiffLine, DiffModel } from "../../src/diff/diff-model.js";
import type { Finding } from "../../src/review/finding.js";
import type { RepoReader, Rule } from "../../src/review/rule.js";
import { runRules } from "../../src/review/run-rules.js";
import { buildChangeContext } from "../../src/review/file-context.js";

/**
 * Builds a one-hunk DiffFile from a "snippet": every line starts with '+' (added), '-' (deleted)
 * or ' ' (context), exactly like a unified diff body. Lines without a marker count as context.
 * The returned newText is the file after the change.
 */
export function fileFromSnippet(path: string, snippet: string, status: DiffFile["status"] = "modified"): { file: DiffFile; newText: string } {
  const raw = snippet.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const lines: DiffLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  const newText: string[] = [];
  for (const r of raw) {
    const marker = r[0];
    const content = marker === "+" || marker === "-" || marker === " " ? r.slice(1) : r;
    if (marker === "+") {
      lines.push({ kind: "add", newLine: ++newNo, content });
      newText.push(content);
    } else if (marker === "-") {
      lines.push({ kind: "del", oldLine: ++oldNo, content });
    } else {
      lines.push({ kind: "context", oldLine: ++oldNo, newLine: ++newNo, content });
      newText.push(content);
    }
  }
  const hunk: DiffHunk = { oldStart: oldNo ? 1 : 0, oldLines: oldNo, newStart: newNo ? 1 : 0, newLines: newNo, heading: "", lines };
  const file: DiffFile = {
    path,
    status: oldNo === 0 && status === "modified" ? "added" : status,
    binary: false,
    hunks: [hunk],
    additions: lines.filter((l) => l.kind === "add").length,
    deletions: lines.filter((l) => l.kind === "del").length,
  };
  return { file, newText: newText.length ? newText.join("\n") + "\n" : "" };
}

/** A RepoReader over an in-memory map of path → text. */
export function memoryRepo(files: Record<string, string>): RepoReader {
  return {
    listFiles: () => Object.keys(files).sort(),
    readFile: (path) => files[path],
  };
}

/**
 * Runs rules over snippets (path → snippet) and returns their findings. `repoFiles` adds
 * unchanged files to the repository view (for cross-file rules).
 */
export function reviewSnippets(rules: Rule[], snippets: Record<string, string>, repoFiles: Record<string, string> = {}): Finding[] {
  const diff: DiffModel = { files: [] };
  const repo: Record<string, string> = { ...repoFiles };
  for (const [path, snippet] of Object.entries(snippets)) {
    const { file, newText } = fileFromSnippet(path, snippet);
    diff.files.push(file);
    repo[path] = newText;
  }
  const { findings, failures } = runRules(rules, buildChangeContext(diff, memoryRepo(repo)));
  if (failures.length) throw new Error(`rule failures: ${JSON.stringify(failures)}`);
  return findings;
}

/** Shorthand for one file. */
export function reviewSnippet(rules: Rule | Rule[], path: string, snippet: string, repoFiles: Record<string, string> = {}): Finding[] {
  return reviewSnippets(Array.isArray(rules) ? rules : [rules], { [path]: snippet }, repoFiles);
}
