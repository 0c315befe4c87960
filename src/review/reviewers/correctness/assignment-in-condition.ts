import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { rangeOf } from "./report-range.js";
import { JS_LANGUAGES } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

const CONDITIONS: Record<string, string> = {
  if_statement: "condition",
  while_statement: "condition",
  do_statement: "condition",
  for_statement: "condition",
};

// A right-hand side that computes something (`m = re.exec(s)`) is usually an intended
// assign-and-test; a plain value (`x = 5`, `a = b`) is almost always a typo for a comparison.
const PLAIN_VALUES = new Set(["identifier", "number", "string", "true", "false", "null", "undefined", "member_expression", "template_string"]);

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
    confidence: 0.85,
    rationale: "An assignment used as a condition tests the assigned value and overwrites the variable; it is usually a mistyped comparison.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const statement of ctx.source!.tree.rootNode.descendantsOfType(Object.keys(CONDITIONS))) {
      const assignment = bareAssignment(statement);
      if (!assignment || !ctx.touchesAdded(assignment) || assignment.hasError) continue;
      const left = assignment.childForFieldName("left");
      const right = assignment.childForFieldName("right");
      if (!left || !right) continue;
      const plain = PLAIN_VALUES.has(right.type);
      const comparison = `${left.text} === ${right.text}`;
      ctx.report({
        ...rangeOf(assignment),
        confidence: plain ? 0.85 : 0.5,
        message: plain
          ? `\`${assignment.text}\` assigns instead of comparing: the condition tests \`${right.text}\` and overwrites \`${left.text}\`. ` +
            `Did you mean \`${comparison}\`? If the assignment is intended, wrap it in extra parentheses.`
          : `\`${assignment.text}\` assigns inside a condition. If that is intended, wrap it in its own parentheses ` +
            `(\`(${assignment.text})\`) to say so; if a comparison was meant, use \`===\`.`,
      });
    }
  },
};
