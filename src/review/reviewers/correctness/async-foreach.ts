import type { FileContext, Rule } from "../../rule.js";
import { startLineOf } from "../../../code/parse-source.js";
import { addedNodesOfType } from "./added-nodes.js";
import { descendantsInSameFunction, isAsyncFunction, JS_LANGUAGES } from "./syntax-walk.js";
import { isNewCode } from "./report-range.js";

const AWAIT = new Set(["await_expression"]);

/** `items.forEach(async (x) => { await … })`: forEach drops the promises, so nothing waits. */
export const asyncForEach: Rule = {
  meta: {
    id: "correctness/async-foreach",
    category: "correctness",
    severity: "warning",
    confidence: 0.85,
    rationale: "forEach ignores the promise an async callback returns: the loop does not wait for it and its rejections go unhandled.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const call of addedNodesOfType(ctx, "call_expression")) {
      const callee = call.childForFieldName("function");
      if (callee?.type !== "member_expression" || callee.childForFieldName("property")?.text !== "forEach") continue;
      // Libraries such as `async.forEach(items, fn, done)` do await their callback; they take
      // the collection first, so only the array-method shape (callback first) is considered.
      const args = call.childForFieldName("arguments")?.namedChildren ?? [];
      const callback = args[0];
      if (args.length > 2 || !callback || !["arrow_function", "function_expression", "function"].includes(callback.type)) continue;
      if (!isAsyncFunction(callback) || !ctx.touchesAdded(callback)) continue;
      // An async callback that never awaits reads as deliberate fire-and-forget; one that awaits
      // shows the author expected the loop to wait.
      const body = callback.childForFieldName("body");
      if (!body) continue;
      const awaits = AWAIT.has(body.type) ? [body] : descendantsInSameFunction(body, AWAIT);
      if (!awaits.length) continue;
      // Anchor on the `forEach(async …` line when the change wrote it, else on the added await.
      const start = startLineOf(callback);
      const line = ctx.addedLines.has(start) ? start : awaits.map(startLineOf).find((l) => ctx.addedLines.has(l));
      if (line === undefined) continue;
      if (!isNewCode(ctx, call)) continue;
      ctx.report({
        line,
        message:
          "`forEach` does not wait for an `async` callback: the iterations run concurrently, the code after the loop runs before " +
          "they finish, and a rejection is unhandled. Use `for (const x of items) { await … }` to run them in order, " +
          "or `await Promise.all(items.map(async (x) => …))` to run them together.",
      });
    }
  },
};
