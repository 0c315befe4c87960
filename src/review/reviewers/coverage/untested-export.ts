import type Parser from "tree-sitter";
import { endLineOf, startLineOf } from "../../../code/parse-source.js";
import type { ChangeContext, FileContext, RawFinding, Rule } from "../../rule.js";
import { findExportedSymbols, type ExportedSymbol } from "./exported-symbols.js";
import { isConfigFile, isDeclarationFile, isScriptOrTooling, isTestFile, isVendoredOrGenerated } from "./path-roles.js";
import { matchesByName, testReachFor, type TestReach } from "./test-reach.js";

// Definitions shorter than this (one-liners, trivial wrappers) are not worth asking a test for.
const MIN_DEFINITION_LINES = 3;

function isReviewableSource(ctx: FileContext): boolean {
  const path = ctx.path;
  return (
    ctx.source !== undefined &&
    ctx.file.status !== "deleted" &&
    !isTestFile(path) &&
    !isDeclarationFile(path) &&
    !isConfigFile(path) &&
    !isScriptOrTooling(path) &&
    !isVendoredOrGenerated(path)
  );
}

function family(path: string): "python" | "ecmascript" {
  return path.endsWith(".py") ? "python" : "ecmascript";
}

/** Added lines inside the node that hold code, not just blanks or comments. */
function touchesAddedCode(ctx: FileContext, node: Parser.SyntaxNode): boolean {
  const lines = ctx.newText.split("\n");
  for (let l = startLineOf(node); l <= endLineOf(node); l++) {
    if (!ctx.addedLines.has(l)) continue;
    const text = (lines[l - 1] ?? "").trim();
    if (text && !/^(\/\/|\/\*|\*|#)/.test(text)) return true;
  }
  return false;
}

function wholeNodeAdded(ctx: FileContext, node: Parser.SyntaxNode): boolean {
  for (let l = startLineOf(node); l <= endLineOf(node); l++) if (!ctx.addedLines.has(l)) return false;
  return true;
}

// React components are exercised through rendering and stories more than by name; skip them.
function isComponent(ctx: FileContext, symbol: ExportedSymbol): boolean {
  return /\.[jt]sx$/.test(ctx.path) && /^[A-Z]/.test(symbol.name) && symbol.kind === "function";
}

function changedTestsReaching(change: ChangeContext, reach: TestReach, sourcePath: string): boolean {
  for (const t of change.files) {
    if (t.file.status === "deleted" || !isTestFile(t.path) || !t.source) continue;
    if (matchesByName(t.path, sourcePath) || reach.imports(t.path, sourcePath)) return true;
  }
  return false;
}

function repoTestsReaching(reach: TestReach, sourcePath: string, name: string): string[] {
  return reach.repoTests().filter((t) => (reach.mentions(t, name) && reach.imports(t, sourcePath)) || (matchesByName(t, sourcePath) && reach.mentions(t, name)));
}

function checkChange(change: ChangeContext, reportAt: (path: string, finding: RawFinding) => void): void {
  const reach = testReachFor(change);
  const testFamilies = new Set(reach.repoTests().map(family));
  for (const ctx of change.files) {
    if (!isReviewableSource(ctx)) continue;
    // A codebase without tests in this language has no convention to hold a change to.
    if (!testFamilies.has(family(ctx.path))) continue;
    let changeTested: boolean | undefined;
    for (const symbol of findExportedSymbols(ctx.source!)) {
      const span = endLineOf(symbol.node) - startLineOf(symbol.node) + 1;
      if (span < MIN_DEFINITION_LINES || isComponent(ctx, symbol)) continue;
      const added = ctx.file.status === "added" || wholeNodeAdded(ctx, symbol.node);
      if (!added && !touchesAddedCode(ctx, symbol.node)) continue;
      changeTested ??= changedTestsReaching(change, reach, ctx.path);
      if (changeTested) continue;
      const existing = repoTestsReaching(reach, ctx.path, symbol.name);
      const what = symbol.kind === "class" ? "class" : "function";
      const line = startLineOf(symbol.nameNode);
      if (added) {
        if (existing.length) continue;
        reportAt(ctx.path, {
          line,
          message: `New exported ${what} \`${symbol.name}\` has no test: no test file in this change or in the repository imports \`${ctx.path}\` and uses it.`,
        });
      } else if (existing.length) {
        reportAt(ctx.path, {
          line,
          confidence: 0.25,
          message: `\`${symbol.name}\` changed, but none of its tests changed with it (e.g. \`${existing[0]}\`); check that they still cover the new behaviour.`,
        });
      } else {
        reportAt(ctx.path, {
          line,
          confidence: 0.4,
          message: `\`${symbol.name}\` changed and no test in this change or in the repository imports \`${ctx.path}\` and uses it.`,
        });
      }
    }
  }
}

/** Exported functions and classes that a change adds or modifies without a test that reaches them. */
export const untestedExport: Rule = {
  meta: {
    id: "coverage/untested-export",
    category: "coverage",
    severity: "suggestion",
    confidence: 0.5,
    rationale: "New or changed public code without a test that exercises it is where regressions slip in unnoticed.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkChange,
};
