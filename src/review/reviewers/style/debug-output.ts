import { posix } from "node:path";
import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import { splitLines } from "../../file-context.js";
import type { FileContext, Rule } from "../../rule.js";
import { isScriptOrTooling, isTestFile, isVendoredOrGenerated } from "../coverage/path-roles.js";
import { isUnderDebugGuard, removalSuggestion } from "./statement-line.js";

// A file that already prints this often on unchanged lines prints on purpose (a logger, a reporter).
const EXISTING_OUTPUT_LIMIT = 2;
const LEFTOVER_METHODS = new Set(["log", "debug"]);
const CONSOLE_OUTPUT_METHODS = new Set(["log", "debug", "info", "table", "dir", "trace"]);

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

function checkFile(ctx: FileContext): void {
  if (isTestFile(ctx.path) || isScriptOrTooling(ctx.path) || isVendoredOrGenerated(ctx.path)) return;
  // An executable (#!) file talks to its user through stdout.
  if (ctx.newText.startsWith("#!")) return;
  const source = ctx.source!;
  const python = source.language === "python";
  if (python && !isPythonLibrary(ctx)) return;
  const calls = source.tree.rootNode.descendantsOfType(python ? "call" : "call_expression");
  const output = python ? calls.filter(isPlainPrint) : calls.filter((c) => CONSOLE_OUTPUT_METHODS.has(consoleMethod(c) ?? ""));
  const existing = output.filter((c) => !ctx.addedLines.has(startLineOf(c)));
  if (existing.length >= EXISTING_OUTPUT_LIMIT) return;
  const lines = splitLines(ctx.newText);
  for (const call of output) {
    if (!ctx.addedLines.has(startLineOf(call)) || isUnderDebugGuard(call)) continue;
    if (!python && !LEFTOVER_METHODS.has(consoleMethod(call)!)) continue;
    const what = python ? "`print()`" : `\`console.${consoleMethod(call)}()\``;
    const suggestion = removalSuggestion(call, lines);
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
