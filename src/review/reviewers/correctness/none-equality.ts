import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode, lineWithReplacement, rangeOf } from "./report-range.js";

/** `x == None`: goes through `__eq__`, which a class may override; `is None` cannot be fooled. */
export const noneEquality: Rule = {
  meta: {
    id: "correctness/none-equality",
    category: "correctness",
    severity: "suggestion",
    confidence: 0.75,
    rationale: "`== None` calls __eq__, which objects may override (and numpy/pandas broadcast); `is None` is the reliable test.",
    languages: ["python"],
  },
  checkFile(ctx: FileContext) {
    for (const node of addedNodesOfType(ctx, "comparison_operator")) {
      if (!ctx.touchesAdded(node) || node.namedChildCount !== 2) continue;
      const [operator] = node.childrenForFieldName("operators");
      if (operator?.text !== "==" && operator?.text !== "!=") continue;
      const [left, right] = node.namedChildren;
      const other = right.type === "none" ? left : left.type === "none" ? right : undefined;
      // Only plain names and `self.x`: query builders (`Model.col == None` in SQLAlchemy) and
      // array libraries (`df["a"] == None`) overload `==` on purpose and need it.
      if (!other || !(other.type === "identifier" || (other.type === "attribute" && other.childForFieldName("object")?.text === "self"))) continue;
      if (node.parent?.type === "argument_list" || node.parent?.type === "keyword_argument") continue;
      const fixed = operator.text === "==" ? "is" : "is not";
      // Keep the operand order: `None is x` is as correct as `x is None`.
      // The finding covers the whole comparison, so a one-line suggestion needs a one-line comparison.
      const suggestion = node.startPosition.row === node.endPosition.row ? lineWithReplacement(ctx, operator, fixed) : undefined;
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        ...rangeOf(node),
        message: `Compare with None by identity: \`${other.text} ${fixed} None\`. \`${operator.text} None\` goes through \`__eq__\`, which a class can override.`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  },
};
