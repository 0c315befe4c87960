import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { binaryParts } from "./binary-parts.js";
import { literalKeyName } from "./literal-keys.js";
import { isNewCode, lineWithReplacement, rangeOf } from "./report-range.js";
import { JS_LANGUAGES } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

const TYPEOF_RESULTS = ["undefined", "object", "boolean", "number", "string", "function", "symbol", "bigint"];
const EQUALITY = new Set(["==", "===", "!=", "!=="]);

function isTypeof(node: Node | null): boolean {
  return node?.type === "unary_expression" && node.childForFieldName("operator")?.text === "typeof";
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** `typeof x === "undefind"`: typeof never yields that string, so the test is constant. */
export const typeofTypo: Rule = {
  meta: {
    id: "correctness/typeof-typo",
    category: "correctness",
    severity: "blocking",
    confidence: 0.95,
    rationale: "typeof only ever yields one of eight strings; comparing it with anything else is always false (or always true for !==).",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const node of addedNodesOfType(ctx, "binary_expression")) {
      const { operator, left, right } = binaryParts(node);
      if (!ctx.touchesAdded(node) || !EQUALITY.has(operator)) continue;
      const literal = isTypeof(left) ? right : isTypeof(right) ? left : undefined;
      if (literal?.type !== "string") continue;
      const value = literalKeyName(literal);
      if (value === undefined || TYPEOF_RESULTS.includes(value)) continue;
      // Hosts may add their own results (old IE's "unknown"); only near-misses of a real one count.
      const near = TYPEOF_RESULTS.filter((t) => editDistance(value.toLowerCase(), t) <= 2);
      if (near.length !== 1) continue;
      const quote = literal.text[0];
      // The finding covers the whole comparison, so a one-line suggestion needs a one-line comparison.
      const suggestion =
        node.startPosition.row === node.endPosition.row ? lineWithReplacement(ctx, literal, `${quote}${near[0]}${quote}`) : undefined;
      if (!isNewCode(ctx, node)) continue;
      ctx.report({
        ...rangeOf(node),
        message: `\`typeof\` never returns \`"${value}"\`, so \`${node.text}\` is constant. Did you mean \`"${near[0]}"\`?`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  },
};
