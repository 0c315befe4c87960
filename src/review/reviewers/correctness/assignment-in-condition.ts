import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode, rangeOf } from "./report-range.js";
import { JS_LANGUAGES } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

const CONDITIONS: Record<string, string> = {
  if_statement: "condition",
  while_statement: "condition",
  do_statement: "condition",
  for_statement: "condition",
};

// A constant right-hand side makes the condition constant: certainly a mistyped comparison.
const LITERALS = new Set(["number", "string", "true", "false", "null", "undefined"]);

/** The assignment a condition consists of, when it is not wrapped in the extra parentheses. */
function bareAssignment(statement: Node): Node | undefined {
  const field = CONDITIONS[statement.type];
  let condition = statement.childForFieldName(field);
  if (!condition) return undefined;
  // `if (…)`, `while (…)` and `do … while (…)` own one pair of parentheses; a second pair is the
  // conventional "yes, I meant to assign" signal. for(;;) owns none.
  if (statement.type !== "for_statement") {
    if (condition.type !== "parenthesized_expression") return undefined;
    condition = condition.namedChildren[0];
  }
  if (condition?.type === "expression_statement") condition = condition.namedChildren[0];
  return condition?.type === "assignment_expression" ? condition : undefined;
}

/** `if (a = b)`: an assignment where a comparison was almost certainly meant. */
export const assignmentInCondition: Rule = {
  meta: {
    id: "correctness/assignment-in-condition",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rationale: "An assignment used as a condition tests the assigned value and overwrites the variable; it is usually a mistyped comparison.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const statement of addedNodesOfType(ctx, Object.keys(CONDITIONS))) {
      const assignment = bareAssignment(statement);
      if (!assignment || !ctx.touchesAdded(assignment) || assignment.hasError) continue;
      const left = assignment.childForFieldName("left");
      const right = assignment.childForFieldName("right");
      if (!left || !right) continue;
      // Assigning a computed value and testing it (`while (node = node.next)`,
      // `if (m = re.exec(s))`) is a common deliberate idiom, so only two shapes count: a literal,
      // which makes the condition constant, and `if (a = b)` between plain names.
      const literal = LITERALS.has(right.type) || (right.type === "template_string" && right.namedChildCount === 0);
      const plainIf = statement.type === "if_statement" && right.type === "identifier" && left.type === "identifier";
      if (!literal && !plainIf) continue;
      if (!isNewCode(ctx, assignment)) continue;
      ctx.report({
        ...rangeOf(assignment),
        confidence: literal ? 0.9 : 0.8,
        message:
          `\`${assignment.text}\` assigns instead of comparing: ` +
          (literal ? `the condition is always ${truthiness(right.text)}` : `the condition tests \`${right.text}\``) +
          ` and \`${left.text}\` is overwritten. Did you mean \`${left.text} === ${right.text}\`? If the assignment is intended, wrap it in its own parentheses.`,
      });
    }
  },
};

function truthiness(literal: string): string {
  const falsy = ["0", "-0", "false", "null", "undefined", '""', "''", "``", "NaN"];
  return falsy.includes(literal) || /^0+(\.0*)?$/.test(literal) ? "false" : "true";
}
