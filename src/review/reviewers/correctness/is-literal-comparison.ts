import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode, lineWithReplacement, rangeOf } from "./report-range.js";

type Node = Parser.SyntaxNode;

const ALWAYS_NEW = new Set(["list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension"]);
const VALUE_LITERALS = new Set(["integer", "float", "string", "concatenated_string"]);

/** Literals whose identity is an interpreter detail (numbers, strings) or always fresh ([], {}). */
function isLiteral(node: Node): boolean {
  if (ALWAYS_NEW.has(node.type)) return true;
  if (node.type === "string" && node.descendantsOfType("interpolation").length) return true; // f-strings build a new str
  if (VALUE_LITERALS.has(node.type)) return true;
  if (node.type === "unary_operator") return ["integer", "float"].includes(node.childForFieldName("argument")?.type ?? "");
  // `()` is a singleton; a non-empty tuple literal is not.
  return node.type === "tuple" && node.namedChildCount > 0 && node.namedChildren.every(isLiteral);
}

/** `x is "a"` / `n is 1`: identity where equality was meant; works by accident, if at all. */
export const isLiteralComparison: Rule = {
  meta: {
    id: "correctness/is-literal-comparison",
    category: "correctness",
    severity: "warning",
    confidence: 0.95,
    rationale: "`is` compares object identity; whether equal strings or numbers are the same object is an implementation detail (CPython warns about it).",
    languages: ["python"],
  },
  checkFile(ctx: FileContext) {
    for (const node of addedNodesOfType(ctx, "comparison_operator")) {
      if (!ctx.touchesAdded(node) || node.namedChildCount !== 2) continue;
      const [operator] = node.childrenForFieldName("operators");
      const op = operator?.text.replace(/\s+/g, " ");
      if (op !== "is" && op !== "is not") continue;
      const [left, right] = node.namedChildren;
      const literal = isLiteral(right) ? right : isLiteral(left) ? left : undefined;
      if (!literal) continue;
      const fixed = op === "is" ? "==" : "!=";
      // The finding covers the whole comparison, so a one-line suggestion needs a one-line comparison.
      const suggestion = node.startPosition.row === node.endPosition.row ? lineWithReplacement(ctx, operator!, fixed) : undefined;
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        ...rangeOf(node),
        message:
          `\`${node.text}\` tests identity with the literal \`${literal.text}\`, which may or may not be the same object as an equal value ` +
          `(and never is for \`[]\`/\`{}\`). Use \`${fixed}\`.`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  },
};
