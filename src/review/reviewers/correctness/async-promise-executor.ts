import type { FileContext, Rule } from "../../rule.js";
import { startLineOf } from "../../../code/parse-source.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isAsyncFunction, JS_LANGUAGES } from "./syntax-walk.js";
import { isNewCode } from "./report-range.js";

/** `new Promise(async (resolve, reject) => …)`: a throw inside never rejects the promise. */
export const asyncPromiseExecutor: Rule = {
  meta: {
    id: "correctness/async-promise-executor",
    category: "correctness",
    severity: "warning",
    confidence: 0.85,
    rationale: "An async Promise executor turns its own errors into a separate, unhandled rejection; the outer promise never settles.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const node of addedNodesOfType(ctx, "new_expression")) {
      if (node.childForFieldName("constructor")?.text !== "Promise") continue;
      const executor = node.childForFieldName("arguments")?.namedChildren[0];
      if (!executor || !["arrow_function", "function_expression", "function"].includes(executor.type) || !isAsyncFunction(executor)) continue;
      if (!ctx.addedLines.has(startLineOf(executor))) continue;
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        line: startLineOf(executor),
        message:
          "An `async` Promise executor is a trap: if it throws (or an awaited call rejects), the error goes to a separate promise nobody " +
          "handles, and this promise is left pending unless `resolve`/`reject` already ran. Write the async work as an `async` function and return its promise, or keep the executor synchronous.",
      });
    }
  },
};
