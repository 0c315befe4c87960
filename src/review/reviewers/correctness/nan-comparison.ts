import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { binaryParts } from "./binary-parts.js";
import { isNewCode, lineWithReplacement, rangeOf } from "./report-range.js";
import { JS_LANGUAGES } from "./syntax-walk.js";

const EQUALITY = new Set(["==", "===", "!=", "!=="]);

function isNaNLiteral(node: Parser.SyntaxNode | null): boolean {
  if (!node) return false;
  if (node.type === "identifier" && node.text === "NaN") return true;
  return node.type === "member_expression" && node.text.replace(/\s/g, "") === "Number.NaN";
}

/** `x === NaN` is always false: NaN is the one value not equal to itself. */
export const nanComparison: Rule = {
  meta: {
    id: "correctness/nan-comparison",
    category: "correctness",
    severity: "warning",
    confidence: 0.95,
    rationale: "Comparing with NaN using ==/=== is always false (or always true for !=); use Number.isNaN().",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const node of addedNodesOfType(ctx, "binary_expression")) {
      if (!ctx.touchesAdded(node)) continue;
      const { operator: op, left, right } = binaryParts(node);
      if (!EQUALITY.has(op)) continue;
      const other = isNaNLiteral(left) ? right : isNaNLiteral(right) ? left : undefined;
      if (!other || isNaNLiteral(other)) continue;
      const negate = op.startsWith("!") ? "!" : "";
      const fixed = `${negate}Number.isNaN(${other.text})`;
      // A call (or a negated call) binds tighter than any binary operator, so the replacement
      // never needs parentheses of its own wherever the comparison sat.
      const suggestion = lineWithReplacement(ctx, node, fixed);
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        ...rangeOf(node),
        message: `\`${node.text}\` is always ${negate ? "true" : "false"}: NaN is not equal to anything, itself included. Use \`${fixed}\`.`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  },
};
