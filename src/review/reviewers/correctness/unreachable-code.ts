import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType, hasChildStartingInAddedLines } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";

type Node = Parser.SyntaxNode;

// Only real statement lists: in `if (x) return a; else …` the else clause is the if's sibling
// child, not a statement after the return.
const STATEMENT_LIST_TYPES = ["statement_block", "program", "switch_case", "switch_default", "class_static_block", "block", "module"];

const TERMINATORS = new Set(["return_statement", "throw_statement", "raise_statement", "break_statement", "continue_statement"]);

// Statements that do their work before the code runs (hoisting, types) or do nothing, so they are
// fine after a return: `return helper(); function helper() {}` is a common layout.
const INERT = new Set([
  "function_declaration",
  "generator_function_declaration",
  "function_signature",
  "empty_statement",
  "type_alias_declaration",
  "interface_declaration",
  "ambient_declaration",
  "pass_statement",
]);

function isInert(statement: Node, terminator: Node): boolean {
  if (INERT.has(statement.type)) return true;
  // `var x;` only hoists; with no initializer nothing is lost.
  if (statement.type === "variable_declaration" && statement.namedChildren.every((d) => !d.childForFieldName("value"))) return true;
  // `case 1: return x; break;` is a defensive habit, not lost code.
  if (statement.type === "break_statement" && terminator.type !== "break_statement" && statement.parent?.type?.startsWith("switch_")) return true;
  // Python's `return` + `yield` makes an empty generator on purpose.
  if (statement.type === "expression_statement" && statement.namedChildren[0]?.type === "yield") return true;
  return false;
}

/**
 * The first exit statement of a statement list and the first statement after it that is not
 * inert, if any. Reads the list's children through a cursor and builds node wrappers only from
 * the exit on: most lists that overlap a change have no exit, or have it last.
 */
function firstDeadStatement(list: Node): { terminator: Node; dead: Node } | undefined {
  const cursor = list.walk();
  if (!cursor.gotoFirstChild()) return undefined;
  let terminator: Node | undefined;
  do {
    // The list's statements are its named children, comments aside (tree-sitter keeps those as extras).
    if (!cursor.nodeIsNamed) continue;
    const type = cursor.nodeType;
    if (type === "comment") continue;
    if (!terminator) {
      if (TERMINATORS.has(type)) terminator = cursor.currentNode;
      continue;
    }
    const statement = cursor.currentNode;
    if (!isInert(statement, terminator)) return { terminator, dead: statement };
  } while (cursor.gotoNextSibling());
  return undefined;
}

function describe(terminator: Node): string {
  return terminator.text.split(/[\s;(]/)[0];
}

/** Statements after return/throw/break/continue in the same block can never run. */
export const unreachableCode: Rule = {
  meta: {
    id: "correctness/unreachable-code",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rationale: "Code after return/throw/break/continue in the same block never runs: either it is dead or the exit is misplaced.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx: FileContext) {
    // The exit may sit just above the added lines (an added statement after an old `return`), so
    // walk the statement lists that overlap the change and look at their direct children.
    for (const list of addedNodesOfType(ctx, STATEMENT_LIST_TYPES)) {
      // A finding needs the exit or the dead statement, both children of the list, to start on an
      // added line: most lists around a change (the program, outer blocks) have no such child.
      if (list.hasError || !hasChildStartingInAddedLines(ctx, list)) continue;
      const found = firstDeadStatement(list);
      if (!found) continue;
      const { terminator, dead } = found;
      // tree-sitter-python sometimes nests a stray `block` after a one-line `def f(): return x  # c`;
      // only real statements count as dead code.
      if (ctx.source!.language === "python" && !/(_statement|_definition)$/.test(dead.type)) continue;
      const deadLine = startLineOf(dead);
      const exitLine = startLineOf(terminator);
      // The change either wrote the dead code or wrote the exit that cut it off.
      const line = ctx.addedLines.has(deadLine) ? deadLine : ctx.addedLines.has(exitLine) ? exitLine : undefined;
      if (line === undefined || !isNewCode(ctx, terminator, dead)) continue;
      // A leftover `break;` or bare `return` after the exit is dead but harmless.
      const harmless = /^(break|continue|return)\s*;?$/.test(dead.text.trim());
      ctx.report({
        line,
        ...(harmless ? { confidence: 0.6 } : {}),
        message:
          `This code can never run: the \`${describe(terminator)}\` on line ${exitLine} always leaves the block first. ` +
          "Remove the dead code, or move the exit (often it belongs inside a condition).",
      });
    }
  },
};
