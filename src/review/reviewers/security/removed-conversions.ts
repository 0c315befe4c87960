import type { FileContext } from "../../rule.js";
import { excerpt } from "./anchor-lines.js";
import { containerKey, keptContainer, newRowAfter } from "./guard-containers.js";
import { callArguments, calleeName, unwrap, type SyntaxNode } from "./js-syntax.js";

/** A deleted conversion whose variable still flows into a shell, SQL or eval call. */
export interface RemovedConversion {
  /** New-side line where the conversion used to be. */
  line: number;
  message: string;
}

// Conversions after which a value can no longer carry shell or SQL syntax.
const CONVERSION = /^(parseInt|parseFloat|Number|BigInt|escape\w*|quote\w*|sanitize\w*|shellEscape|shellescape)$/;
// `x = parseInt(x` on one line: the only shape reported, so the old side is parsed only for it.
const CONVERSION_TEXT = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*=\s*(parseInt|parseFloat|Number|BigInt|escape\w*|quote\w*|sanitize\w*|shell[Ee]scape)\s*\(\s*\1(?![\w$])/;
// Calls that interpret a string argument as a command, a query or code.
const INTERPRETERS = new Set(["exec", "execSync", "query", "execute", "raw", "eval"]);

/** `x = parseInt(x)`: the assigned name, when the conversion reassigns a variable to its converted self. */
function convertedName(assign: SyntaxNode): string | undefined {
  const left = unwrap(assign.childForFieldName("left"));
  const right = unwrap(assign.childForFieldName("right"));
  if (left?.type !== "identifier" || right?.type !== "call_expression" || !CONVERSION.test(calleeName(right) ?? "")) return undefined;
  return callArguments(right).some((arg) => unwrap(arg).text === left.text) ? left.text : undefined;
}

/** An interpreter call in `scope` that `name` reaches as (part of) an argument. */
function interpreterUsing(scope: SyntaxNode, name: string): SyntaxNode | undefined {
  return scope.descendantsOfType("call_expression").find(
    (call) => INTERPRETERS.has(calleeName(call) ?? "") && callArguments(call).some((arg) => arg.text === name || arg.descendantsOfType("identifier").some((id) => id.text === name)),
  );
}

/**
 * Deleted `x = parseInt(x)` / `x = escapeShell(x)` lines in functions that stay and still pass `x`
 * to `exec`, `query` or `eval`: the value reaches the interpreter as the caller sent it.
 */
export function removedConversions(ctx: FileContext): RemovedConversion[] {
  const deleted = ctx.file.hunks.some((hunk) => hunk.lines.some((line) => line.kind === "del" && CONVERSION_TEXT.test(line.content)));
  const now = ctx.source;
  if (!deleted || !now) return [];
  const found: RemovedConversion[] = [];
  for (const assign of ctx.deletedNodes("assignment_expression")) {
    if (!ctx.deletedLines.has(assign.startPosition.row + 1)) continue;
    const name = convertedName(assign);
    const owner = name && containerKey(assign, false);
    if (!name || !owner) continue;
    const line = newRowAfter(ctx, assign.startPosition.row + 1);
    const kept = keptContainer(now, line - 1, owner.key);
    if (!kept || kept.descendantsOfType("assignment_expression").some((a) => convertedName(a) === name)) continue;
    const sink = interpreterUsing(kept, name);
    if (!sink) continue;
    found.push({
      line,
      message:
        `This change deletes \`${excerpt(assign.text, 50)}\` from \`${owner.key}\`, but \`${name}\` still reaches \`${excerpt(sink.text, 60)}\`: ` +
        `a caller can now put shell, SQL or script syntax into \`${name}\`. Keep the conversion (or validate \`${name}\`) before it is used there.`,
    });
  }
  return found;
}
