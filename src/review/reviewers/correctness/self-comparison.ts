import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { binaryParts } from "./binary-parts.js";
import { isNewCode, rangeOf } from "./report-range.js";
import { isSameReference } from "./same-reference.js";

const EQUALITY = new Set(["==", "===", "!=", "!==", "is", "is not"]);
const RELATIONAL = new Set(["<", ">", "<=", ">="]);

/** `a === a` / `a < a`: the result does not depend on `a` (NaN aside), so one side is a typo. */
export const selfComparison: Rule = {
  meta: {
    id: "correctness/self-comparison",
    category: "correctness",
    severity: "warning",
    confidence: 0.8,
    rationale: "Comparing an expression with itself gives a constant result (except for NaN); one side was meant to be something else.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx: FileContext) {
    const python = ctx.source!.language === "python";
    for (const node of addedNodesOfType(ctx, ["binary_expression", "comparison_operator"])) {
      if (!ctx.touchesAdded(node)) continue;
      let left, right, op: string;
      if (node.type === "binary_expression") {
        ({ left, right, operator: op } = binaryParts(node));
      } else {
        // Chained comparisons (`a < b < c`) have more operands; only the plain form is judged.
        if (node.namedChildCount !== 2) continue;
        [left, right] = node.namedChildren;
        op = node.childrenForFieldName("operators").map((o) => o.text).join(" ");
      }
      const equality = EQUALITY.has(op);
      if ((!equality && !RELATIONAL.has(op)) || !isSameReference(left, right)) continue;
      const subject = left!.text;
      const isNaNCheck = op.includes("!");
      const nanCheck = python ? `${isNaNCheck ? "" : "not "}math.isnan(${subject})` : `${isNaNCheck ? "" : "!"}Number.isNaN(${subject})`;
      let message: string;
      if (op === "is" || op === "is not") {
        message = `\`${node.text}\` checks \`${subject}\` for identity with itself and is always ${op === "is" ? "True" : "False"}; one side was meant to be another value.`;
      } else if (equality) {
        message =
          `\`${node.text}\` compares \`${subject}\` with itself, so it is constant unless the value is NaN. ` +
          `If one side was meant to be another value, fix it; if this is a NaN check, write \`${nanCheck}\`.`;
      } else {
        const outcome = op.length === 2 ? "always true (false only for NaN)" : "always false";
        message = `\`${node.text}\` compares \`${subject}\` with itself and is ${outcome}; one side was meant to be another value.`;
      }
      // `x !== x` on a plain variable is the old NaN idiom (libraries use it a lot); on a property
      // (`a.id === a.id`) it is nearly always a typo for another object.
      const nanIdiom = equality && !op.startsWith("is") && left!.type === "identifier";
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        ...rangeOf(node),
        confidence: nanIdiom ? 0.5 : equality && !op.startsWith("is") ? 0.8 : 0.9,
        ...(nanIdiom ? { severity: "suggestion" as const } : {}),
        message,
      });
    }
  },
};
