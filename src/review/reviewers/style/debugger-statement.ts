import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { isVendoredOrGenerated } from "../coverage/path-roles.js";
import { addedNodesOfType } from "../correctness/added-nodes.js";
import { newLinesOf, someAddedLineMatches } from "./added-text.js";
import { removalSuggestion } from "./statement-line.js";

const PYTHON_DEBUGGERS = new Set(["pdb", "ipdb", "pudb", "pdbr", "wdb"]);
// Every name a Python breakpoint call can start with (`ipdb`, `pdbr` contain `pdb`).
const PYTHON_DEBUGGER_WORDS = /breakpoint|pdb|pudb|wdb/;

/** The Python call that stops in a debugger, as written, or undefined. */
function pythonBreakpoint(call: Parser.SyntaxNode): string | undefined {
  const fn = call.childForFieldName("function");
  if (fn?.type === "identifier" && fn.text === "breakpoint") return "breakpoint()";
  if (fn?.type !== "attribute") return undefined;
  const object = fn.childForFieldName("object");
  const attr = fn.childForFieldName("attribute")?.text;
  if (object?.type === "identifier" && PYTHON_DEBUGGERS.has(object.text) && (attr === "set_trace" || attr === "post_mortem")) return `${object.text}.${attr}()`;
  return undefined;
}

function checkFile(ctx: FileContext): void {
  if (isVendoredOrGenerated(ctx.path)) return;
  const source = ctx.source!;
  const python = source.language === "python";
  // Only nodes that start on an added line are reported, and they start with `debugger`, with
  // `breakpoint` or with the debugger module's name: without such a line there is nothing to find.
  if (!someAddedLineMatches(ctx, python ? PYTHON_DEBUGGER_WORDS : /debugger/)) return;
  // Only the changed ranges are searched.
  if (python) {
    for (const call of addedNodesOfType(ctx, "call")) {
      if (!ctx.addedLines.has(startLineOf(call))) continue;
      const what = pythonBreakpoint(call);
      if (!what) continue;
      const suggestion = removalSuggestion(call, newLinesOf(ctx));
      ctx.report({
        line: startLineOf(call),
        message: `\`${what}\` stops the program in a debugger; it looks left over from a debugging session.`,
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
    return;
  }
  for (const node of addedNodesOfType(ctx, "debugger_statement")) {
    if (!ctx.addedLines.has(startLineOf(node))) continue;
    const line = newLinesOf(ctx)[node.startPosition.row] ?? "";
    ctx.report({
      line: startLineOf(node),
      message: "`debugger` statement left in: it pauses execution whenever developer tools are open.",
      ...(line.trim() === node.text.trim() ? { suggestion: "" } : {}),
    });
  }
}

/** `debugger;`, `breakpoint()`, `pdb.set_trace()` and friends added by the change. */
export const debuggerStatement: Rule = {
  meta: {
    id: "style/debugger-statement",
    category: "style",
    severity: "suggestion",
    confidence: 0.5,
    rationale: "Breakpoints committed by accident halt the program (or a test run) in a debugger.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkFile,
};
