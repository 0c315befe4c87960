import { extractImports, resolveImportTargets } from "../../../code/imports.js";
import type { ChangeContext, FileContext, RawFinding, Rule } from "../../rule.js";
import { normalizeCode } from "../../finding.js";
import { findExportedSymbols } from "./exported-symbols.js";
import { isTestFile } from "./path-roles.js";
import { findAssertionLines, findTestBlocks, type TestBlock } from "./test-blocks.js";
import { matchesByName } from "./test-reach.js";

// Fewer removed assertions than this is ordinary test upkeep (merging two expects into one).
const MIN_ASSERTION_DEFICIT = 2;

/** What the rest of the change explains away: tests moved elsewhere, code deleted on purpose. */
interface ChangeFacts {
  /** Test titles that appear on added lines of some test file. */
  addedTestNames: Set<string>;
  /** Exported names that existed before the change and are gone after it. */
  removedSymbols: Set<string>;
  /** Paths the change deletes. */
  deletedPaths: Set<string>;
  /** Assertions in all test files after the change minus before: moves between files cancel out. */
  assertionNet: number;
}

function gatherFacts(change: ChangeContext): ChangeFacts {
  const facts: ChangeFacts = { addedTestNames: new Set(), removedSymbols: new Set(), deletedPaths: new Set(), assertionNet: 0 };
  for (const ctx of change.files) {
    if (ctx.file.status === "deleted") facts.deletedPaths.add(ctx.path);
    if (isTestFile(ctx.path)) {
      facts.assertionNet += (ctx.source ? findAssertionLines(ctx.source).length : 0) - (ctx.oldSource ? findAssertionLines(ctx.oldSource).length : 0);
      if (!ctx.source) continue;
      for (const block of findTestBlocks(ctx.source)) if (ctx.addedLines.has(block.line)) facts.addedTestNames.add(block.name);
      continue;
    }
    if (!ctx.oldSource) continue;
    const after = new Set(ctx.source ? findExportedSymbols(ctx.source).map((s) => s.name) : []);
    for (const s of findExportedSymbols(ctx.oldSource)) if (!after.has(s.name)) facts.removedSymbols.add(s.name);
  }
  return facts;
}

function mentionsAny(text: string, names: Set<string>): boolean {
  for (const name of names) if (new RegExp(`(^|[^\\w$])${name.replace(/\$/g, "\\$")}($|[^\\w$])`).test(text)) return true;
  return false;
}

function describeNames(blocks: TestBlock[]): string {
  const shown = blocks.slice(0, 3).map((b) => (b.name ? `\`${b.name}\`` : `the test on line ${b.line}`));
  const more = blocks.length > 3 ? ` and ${blocks.length - 3} more` : "";
  return shown.join(", ") + more;
}

/** A deleted test file is fine when its subject went with it or its tests moved. */
function checkDeletedFile(ctx: FileContext, change: ChangeContext, facts: ChangeFacts, reportAt: (path: string, f: RawFinding) => void): void {
  const source = ctx.oldSource!;
  const tests = findTestBlocks(source).filter((b) => b.kind === "test" && !b.skipped);
  if (!tests.length) return;
  if (tests.every((b) => facts.addedTestNames.has(b.name))) return;
  const repoFiles = new Set(change.repo.listFiles());
  const exists = (p: string) => repoFiles.has(p) || facts.deletedPaths.has(p);
  const subjects = extractImports(source).flatMap((ref) => resolveImportTargets(ctx.path, ref, exists));
  if (subjects.some((p) => facts.deletedPaths.has(p))) return;
  if ([...facts.deletedPaths].some((p) => p !== ctx.path && !isTestFile(p) && matchesByName(ctx.path, p))) return;
  if (mentionsAny(ctx.oldText, facts.removedSymbols)) return;
  reportAt(ctx.path, {
    line: tests[0].line,
    side: "LEFT",
    severity: "warning",
    confidence: 0.6,
    message: `This change deletes the test file \`${ctx.path}\` (${tests.length} test${tests.length === 1 ? "" : "s"}: ${describeNames(tests)}) while the code it tests stays; nothing replaces those tests.`,
  });
}

function checkModifiedFile(ctx: FileContext, facts: ChangeFacts, reportAt: (path: string, f: RawFinding) => void): void {
  const oldBlocks = findTestBlocks(ctx.oldSource!).filter((b) => b.kind === "test" && !b.skipped);
  const newBlocks = findTestBlocks(ctx.source!).filter((b) => b.kind === "test" && !b.skipped);
  const deficit = oldBlocks.length - newBlocks.length;
  const lines = ctx.oldText.split("\n");
  const blockText = (b: TestBlock) => lines.slice(b.line - 1, b.endLine).join("\n");
  if (deficit > 0) {
    // A deleted test whose code (title aside) survives in another test was a duplicate.
    const newLines = ctx.newText.split("\n");
    const bodyKey = (text: string, name: string) => normalizeCode(name ? text.split(name).join("") : text);
    const survivingBodies = new Set(newBlocks.map((b) => bodyKey(newLines.slice(b.line - 1, b.endLine).join("\n"), b.name)));
    const remaining = new Map<string, number>();
    for (const b of newBlocks) remaining.set(b.name, (remaining.get(b.name) ?? 0) + 1);
    const removed = oldBlocks.filter((b) => {
      if (!ctx.deletedLines.has(b.line)) return false;
      const left = remaining.get(b.name) ?? 0;
      if (b.name && left > 0) {
        remaining.set(b.name, left - 1);
        return false;
      }
      if (survivingBodies.has(bodyKey(blockText(b), b.name))) return false;
      return !facts.addedTestNames.has(b.name) && !mentionsAny(blockText(b), facts.removedSymbols);
    });
    if (removed.length) {
      const n = Math.min(removed.length, deficit);
      // Renamed tests also lose their old title; then the names are candidates, not a list.
      const names = removed.length > n ? `among ${describeNames(removed)}` : describeNames(removed);
      reportAt(ctx.path, {
        line: removed[0].line,
        side: "LEFT",
        severity: "warning",
        message: `This change removes ${n} test${n === 1 ? "" : "s"} (${names}) and adds nothing in ${n === 1 ? "its" : "their"} place; the code they covered still exists.`,
      });
      return;
    }
  }
  const oldAsserts = findAssertionLines(ctx.oldSource!);
  const newAsserts = findAssertionLines(ctx.source!);
  // Assertions that moved to another test file of the change are not lost.
  const lost = Math.min(oldAsserts.length - newAsserts.length, -facts.assertionNet);
  if (lost < MIN_ASSERTION_DEFICIT) return;
  const deletedAssert = oldAsserts.find((l) => ctx.deletedLines.has(l));
  if (deletedAssert === undefined) return;
  reportAt(ctx.path, {
    line: deletedAssert,
    side: "LEFT",
    confidence: 0.35,
    message: `This change removes ${lost} more assertion${lost === 1 ? "" : "s"} than it adds (${oldAsserts.length} → ${newAsserts.length} in this file); the tests now check less than before.`,
  });
}

function checkChange(change: ChangeContext, reportAt: (path: string, finding: RawFinding) => void): void {
  let facts: ChangeFacts | undefined;
  for (const ctx of change.files) {
    if (!isTestFile(ctx.path) || !ctx.oldSource || ctx.deletedLines.size === 0) continue;
    facts ??= gatherFacts(change);
    if (ctx.file.status === "deleted") checkDeletedFile(ctx, change, facts, reportAt);
    else if (ctx.source) checkModifiedFile(ctx, facts, reportAt);
  }
}

/** Tests, test files and assertions that a change deletes without replacing. */
export const deletedTests: Rule = {
  meta: {
    id: "coverage/deleted-tests",
    category: "coverage",
    severity: "warning",
    confidence: 0.5,
    rationale: "Deleting tests while the code they cover stays silently lowers the safety net for every later change.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkChange,
};
