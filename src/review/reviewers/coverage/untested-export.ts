import type Parser from "tree-sitter";
import { endLineOf, startLineOf } from "../../../code/parse-source.js";
import type { ChangeContext, FileContext, RawFinding, Rule } from "../../rule.js";
import { findExportedSymbols, type ExportedSymbol } from "./exported-symbols.js";
import { isConfigFile, isDeclarationFile, isScriptOrTooling, isTestFile, isVendoredOrGenerated } from "./path-roles.js";
import { matchesByName, testReachFor, type TestReach } from "./test-reach.js";

// Definitions shorter than this (one-liners, trivial wrappers) are not worth asking a test for.
const MIN_DEFINITION_LINES = 3;
// A changed function whose tests exist but did not change is worth a note only past this many new code lines.
const REWRITE_LINES = 5;

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

/** The body of a function symbol (not its signature), or undefined for classes and odd shapes. */
function functionBody(symbol: ExportedSymbol): Parser.SyntaxNode | undefined {
  let node: Parser.SyntaxNode | null = symbol.node;
  if (node.type === "decorated_definition") node = node.childForFieldName("definition");
  if (node?.type === "variable_declarator") node = node.childForFieldName("value");
  if (node?.type === "expression_statement") node = node.namedChildren[0]?.childForFieldName("right") ?? null;
  return node?.childForFieldName("body") ?? undefined;
}

/**
 * Added lines of the function's body that hold code: not blanks, comments or the docstring.
 * Signature-only edits (types, parameter names) are left out: they rarely change behaviour.
 */
function addedBodyCodeLines(ctx: FileContext, symbol: ExportedSymbol): number {
  const body = functionBody(symbol);
  if (!body) return 0;
  // The statements of a block, so the braces and the signature line sharing `{` do not count.
  const isBlock = body.type === "statement_block" || body.type === "block";
  let parts = isBlock ? body.namedChildren.filter((c) => c.type !== "comment") : [body];
  const first = parts[0];
  if (first?.type === "expression_statement" && first.namedChildren[0]?.type === "string") parts = parts.slice(1);
  const lines = ctx.newText.split("\n");
  let count = 0;
  for (const part of parts) {
    for (let l = startLineOf(part); l <= endLineOf(part); l++) {
      const text = (lines[l - 1] ?? "").trim();
      if (ctx.addedLines.has(l) && text && !/^(\/\/|\/\*|\*|#)/.test(text)) count++;
    }
  }
  return count;
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

/**
 * Tests that cover a new symbol: a test of the module itself (it imports the module or is named
 * after it) must name the symbol; a test in the change one module away exercises it through that
 * module (a new helper with a new caller and its test). Unchanged tests must name the symbol,
 * which also keeps the repository-wide search to a text scan plus a few parses.
 */
function testsCovering(change: ChangeContext, reach: TestReach, sourcePath: string, name: string): string[] {
  const changed = new Set(change.files.filter((t) => t.file.status !== "deleted" && isTestFile(t.path) && t.source).map((t) => t.path));
  const candidates = new Set([...changed, ...reach.repoTests()]);
  return [...candidates].filter((t) => {
    const named = reach.mentions(t, name);
    if (!named && !changed.has(t)) return false;
    const depth = reach.depth(t, sourcePath);
    if (depth === 0 || matchesByName(t, sourcePath)) return named;
    return depth !== undefined && (named || changed.has(t));
  });
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
      // A class changes with every edit to any method; only new classes are judged as a whole.
      const changedLines = added || symbol.kind === "class" ? 0 : addedBodyCodeLines(ctx, symbol);
      if (!added && changedLines === 0) continue;
      // A new function needs a test that names it; for a changed one, a changed test of its module will do.
      if (!added && (changeTested ??= changedTestsReaching(change, reach, ctx.path))) continue;
      const existing = testsCovering(change, reach, ctx.path, symbol.name);
      const what = symbol.kind === "class" ? "class" : "function";
      const line = startLineOf(symbol.nameNode);
      if (added) {
        if (existing.length) continue;
        reportAt(ctx.path, {
          line,
          message: `New exported ${what} \`${symbol.name}\` has no test: no test file in this change or in the repository imports \`${ctx.path}\` and uses \`${symbol.name}\`.`,
        });
      } else if (existing.length) {
        // Small edits to tested code are what existing tests are for; ask only about larger rewrites.
        if (changedLines < REWRITE_LINES) continue;
        reportAt(ctx.path, {
          line,
          confidence: 0.25,
          message: `\`${symbol.name}\` changed (${changedLines} new lines of code), but none of its tests changed with it (e.g. \`${existing[0]}\`); check that they still cover the new behaviour.`,
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
