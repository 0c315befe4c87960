import { posix } from "node:path";
import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { isScriptOrTooling, isTestFile, isVendoredOrGenerated } from "../coverage/path-roles.js";
import { addedNodesOfType } from "../correctness/added-nodes.js";
import { newLinesOf, someAddedLineMatches } from "./added-text.js";
import { isUnderDebugGuard, removalSuggestion } from "./statement-line.js";

// A file that already prints this often on unchanged lines prints on purpose (a logger, a reporter).
const EXISTING_OUTPUT_LIMIT = 2;
const LEFTOVER_METHODS = new Set(["log", "debug"]);
const CONSOLE_OUTPUT_METHODS = new Set(["log", "debug", "info", "table", "dir", "trace"]);
// Every spelling of the words, with `$` counted as a word character as in JS identifiers.
const CONSOLE_WORD = /(?<![\w$])console(?![\w$])/g;
const PRINT_WORD = /(?<![\w$])print(?![\w$])/g;
const CONSOLE_WORD_ANYWHERE = /console/;
const PRINT_WORD_ANYWHERE = /print/;

function consoleMethod(call: Parser.SyntaxNode): string | undefined {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "member_expression") return undefined;
  const object = fn.childForFieldName("object");
  return object?.type === "identifier" && object.text === "console" ? fn.childForFieldName("property")?.text : undefined;
}

function isPlainPrint(call: Parser.SyntaxNode): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "identifier" || fn.text !== "print") return false;
  // `print(..., file=sys.stderr)` chooses its stream deliberately.
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  return !args.some((a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "file");
}

/** Python files that are importable library code: inside a package, and not run as a script. */
function isPythonLibrary(ctx: FileContext): boolean {
  if (/^if\s+__name__\s*==/m.test(ctx.newText)) return false;
  const dir = posix.dirname(ctx.path);
  const init = dir === "." ? "__init__.py" : `${dir}/__init__.py`;
  return ctx.change.repo.readFile(init) !== undefined || ctx.change.fileAt(init) !== undefined;
}

/** True when `node` is the `field` child of its parent (fields are compared by where they start). */
function isField(parent: Parser.SyntaxNode, field: string, node: Parser.SyntaxNode): boolean {
  return parent.childForFieldName(field)?.startIndex === node.startIndex;
}

/** The output call whose callee (`console.…` / `print`) starts with the identifier `id`, if any. */
function outputCallOf(id: Parser.SyntaxNode, python: boolean): Parser.SyntaxNode | undefined {
  if (python) {
    const call = id.parent;
    return call?.type === "call" && isField(call, "function", id) && isPlainPrint(call) ? call : undefined;
  }
  const member = id.parent;
  if (member?.type !== "member_expression" || !isField(member, "object", id)) return undefined;
  const call = member.parent;
  if (call?.type !== "call_expression" || !isField(call, "function", member)) return undefined;
  return CONSOLE_OUTPUT_METHODS.has(consoleMethod(call) ?? "") ? call : undefined;
}

/**
 * How many output calls start on unchanged lines, counting up to `limit`. Every such call names
 * `console` or `print`, so the text is searched for the word and only its spellings are looked
 * up in the tree, instead of visiting every call of the file.
 */
function countExistingOutput(ctx: FileContext, python: boolean, limit: number): number {
  const source = ctx.source!;
  const word = python ? "print" : "console";
  let count = 0;
  for (const match of source.text.matchAll(python ? PRINT_WORD : CONSOLE_WORD)) {
    // node-tree-sitter indexes count UTF-16 code units, like the regex's match index.
    const id = source.tree.rootNode.descendantForIndex(match.index, match.index + word.length);
    if (id.type !== "identifier" || id.text !== word) continue;
    const call = outputCallOf(id, python);
    if (call && !ctx.addedLines.has(startLineOf(call)) && ++count >= limit) break;
  }
  return count;
}

function checkFile(ctx: FileContext): void {
  if (isTestFile(ctx.path) || isScriptOrTooling(ctx.path) || isVendoredOrGenerated(ctx.path)) return;
  // An executable (#!) file talks to its user through stdout.
  if (ctx.newText.startsWith("#!")) return;
  const source = ctx.source!;
  const python = source.language === "python";
  if (python && !isPythonLibrary(ctx)) return;
  // Only calls that start on an added line are reported, and such a call starts with the word
  // `console`/`print`: look for them in the changed ranges when an added line says it, and at the
  // rest of the file (does it print on purpose?) only when there is one.
  if (!someAddedLineMatches(ctx, python ? PRINT_WORD_ANYWHERE : CONSOLE_WORD_ANYWHERE)) return;
  const leftovers = addedNodesOfType(ctx, python ? "call" : "call_expression").filter((call) => {
    if (!ctx.addedLines.has(startLineOf(call))) return false;
    if (python) return isPlainPrint(call) && !isUnderDebugGuard(call);
    return LEFTOVER_METHODS.has(consoleMethod(call) ?? "") && !isUnderDebugGuard(call);
  });
  if (!leftovers.length) return;
  if (countExistingOutput(ctx, python, EXISTING_OUTPUT_LIMIT) >= EXISTING_OUTPUT_LIMIT) return;
  for (const call of leftovers) {
    const what = python ? "`print()`" : `\`console.${consoleMethod(call)}()\``;
    const suggestion = removalSuggestion(call, newLinesOf(ctx));
    ctx.report({
      line: startLineOf(call),
      message: `${what} looks like leftover debugging output in library code; remove it or use the project's logger.`,
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
  }
}

/** Leftover `console.log`/`console.debug` and Python `print()` in library code (not CLIs, scripts or tests). */
export const debugOutput: Rule = {
  meta: {
    id: "style/debug-output",
    category: "style",
    severity: "suggestion",
    confidence: 0.45,
    rationale: "Debug prints left in library code clutter users' output and bypass the logger's levels and redaction.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkFile,
};
