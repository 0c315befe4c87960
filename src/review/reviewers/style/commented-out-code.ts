import type Parser from "tree-sitter";
import { parseSource } from "../../../code/parse-source.js";
import type { LanguageId } from "../../../code/languages.js";
import type { FileContext, Rule } from "../../rule.js";
import { isVendoredOrGenerated } from "../coverage/path-roles.js";
import { newLinesOf, someAddedLineMatches } from "./added-text.js";

/** Runs shorter than this are too often a disabled line or two kept on purpose. */
export const MIN_COMMENTED_LINES = 3;

// Statements that prose can form by accident: a lone word, a label, Python 2 `print x`.
const WEAK_STATEMENTS = new Set(["expression_statement", "empty_statement", "labeled_statement", "print_statement", "exec_statement", "pass_statement", "comment"]);
const ECMA_ACTIONS = new Set(["call_expression", "assignment_expression", "augmented_assignment_expression", "await_expression", "update_expression", "new_expression"]);
const PYTHON_ACTIONS = new Set(["call", "augmented_assignment", "await"]);

/** True when an expression statement does something (a call, an assignment), as code does and prose does not. */
function isActionStatement(stmt: Parser.SyntaxNode, python: boolean): boolean {
  const expr = stmt.namedChildren[0];
  if (!expr) return false;
  if (python) return PYTHON_ACTIONS.has(expr.type) || (expr.type === "assignment" && expr.childForFieldName("right") !== null);
  return ECMA_ACTIONS.has(expr.type);
}

/** True when the parsed text is a series of real statements, each of which code would contain. */
function looksLikeCode(root: Parser.SyntaxNode, language: LanguageId): boolean {
  const python = language === "python";
  const statements = root.namedChildren.filter((c) => c.type !== "comment");
  if (!statements.length || root.descendantsOfType("labeled_statement").length) return false;
  return statements.every((s) => (s.type === "expression_statement" ? isActionStatement(s, python) : !WEAK_STATEMENTS.has(s.type)));
}

function uncomment(lines: readonly string[], python: boolean): string {
  const bodies = lines.map((l) => l.trim().replace(python ? /^#/ : /^\/\//, ""));
  const indents = bodies.filter((b) => b.trim()).map((b) => /^[ \t]*/.exec(b)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return bodies.map((b) => b.slice(common)).join("\n") + "\n";
}

// Tool directives (`# pylint: disable=x`, `// eslint-disable-line`) can parse as code but are not.
const DIRECTIVE = /^(#|\/\/)\s*(pylint|mypy|pyright|ruff|type|noqa|fmt|isort|nosec|pragma|eslint|prettier|@ts-|istanbul|c8|biome|tslint|jshint|global)\b/;

function isCommentLine(line: string, python: boolean): boolean {
  const t = line.trim();
  if (DIRECTIVE.test(t)) return false;
  // `///` is TypeScript's directive syntax and `#!` a shebang; neither is disabled code.
  return python ? t.startsWith("#") && !t.startsWith("#!") : t.startsWith("//") && !t.startsWith("///");
}

/** Consecutive added comment lines, split at empty comment lines (paragraphs), as 1-based [start, end]. */
function addedCommentParagraphs(ctx: FileContext, lines: readonly string[], python: boolean): [number, number][] {
  const out: [number, number][] = [];
  // A paragraph lies within one run of added lines: the line after a run is never added.
  for (const [first, last] of ctx.addedRanges) {
    let start = 0;
    for (let l = first; l <= last + 1; l++) {
      const line = l <= last ? lines[l - 1] : undefined;
      const comment = line !== undefined && isCommentLine(line, python);
      if (comment && !/^(#|\/\/)\s*$/.test(line.trim())) {
        if (!start) start = l;
        continue;
      }
      if (start && l - start >= MIN_COMMENTED_LINES) out.push([start, l - 1]);
      start = 0;
    }
  }
  return out;
}

// An added line that starts a comment; without one there is nothing to look at.
const ADDED_COMMENT = /^\s*(#|\/\/)/;

function checkFile(ctx: FileContext): void {
  if (isVendoredOrGenerated(ctx.path)) return;
  if (!someAddedLineMatches(ctx, ADDED_COMMENT)) return;
  const language = ctx.source!.language;
  const python = language === "python";
  const lines = newLinesOf(ctx);
  for (const [start, end] of addedCommentParagraphs(ctx, lines, python)) {
    const parsed = parseSource(ctx.path, uncomment(lines.slice(start - 1, end), python), language);
    if (!parsed || parsed.hasErrors || !looksLikeCode(parsed.tree.rootNode, language)) continue;
    ctx.report({
      startLine: start,
      line: end,
      message: `These ${end - start + 1} added comment lines are commented-out code. Delete them (version control keeps the history) or say in a comment why they stay.`,
    });
  }
}

/** Blocks of added comment lines that parse as code. */
export const commentedOutCode: Rule = {
  meta: {
    id: "style/commented-out-code",
    category: "style",
    severity: "suggestion",
    confidence: 0.4,
    rationale: "Commented-out code rots: it is never compiled or tested, and readers cannot tell whether it matters.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkFile,
};
