import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";

/** `assert (cond, "message")`: asserts a non-empty tuple, which is always true. */
export const assertTuple: Rule = {
  meta: {
    id: "correctness/assert-tuple",
    category: "correctness",
    severity: "warning",
    confidence: 0.95,
    rationale: "A parenthesized `(condition, message)` after assert is a tuple, which is always truthy, so the assert can never fail.",
    languages: ["python"],
  },
  checkFile(ctx: FileContext) {
    for (const statement of addedNodesOfType(ctx, "assert_statement")) {
      if (!ctx.addedLines.has(startLineOf(statement))) continue;
      const tested = statement.namedChildren.filter((c) => c.type !== "comment");
      if (tested.length !== 1 || tested[0].type !== "tuple" || tested[0].namedChildCount === 0) continue;
      const [condition, ...rest] = tested[0].namedChildren;
      if (!isNewCode(ctx, statement)) continue;
      ctx.report({
        line: startLineOf(statement),
        message:
          "This assert tests a tuple, which is always true, so it can never fail. " +
          (rest.length === 1 ? `Drop the parentheses: \`assert ${condition.text}, ${rest[0].text}\`.` : "Drop the parentheses around the condition."),
      });
    }
  },
};
