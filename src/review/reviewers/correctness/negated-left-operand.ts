import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { binaryParts } from "./binary-parts.js";
import { isNewCode, lineWithReplacement, rangeOf } from "./report-range.js";
import { JS_LANGUAGES, unwrapParens } from "./syntax-walk.js";

/** `!key in obj` / `!x instanceof Y`: the `!` binds first, so this tests a boolean. */
export const negatedLeftOperand: Rule = {
  meta: {
    id: "correctness/negated-left-operand",
    category: "correctness",
    severity: "warning",
    confidence: 0.95,
    rationale: "`!` binds tighter than `in`/`instanceof`, so `!a in b` tests whether true/false is a key of b, not the negation.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const node of addedNodesOfType(ctx, "binary_expression")) {
      if (!ctx.touchesAdded(node)) continue;
      const { operator: op, left, right } = binaryParts(node);
      if (op !== "in" && op !== "instanceof") continue;
      if (left?.type !== "unary_expression" || left.childForFieldName("operator")?.text !== "!" || !right) continue;
      const operand = unwrapParens(left.childForFieldName("argument")!);
      const fixed = `!(${operand.text} ${op} ${right.text})`;
      const suggestion = lineWithReplacement(ctx, node, fixed);
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        ...rangeOf(node),
        message: `\`${node.text}\` negates \`${operand.text}\` first and then applies \`${op}\` to a boolean, so it is ${op === "instanceof" ? "always false" : "almost never what was meant"}. Write \`${fixed}\`.`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  },
};
