import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode, rangeOf } from "./report-range.js";
import { isSameReference } from "./same-reference.js";
import { JS_LANGUAGES } from "./syntax-walk.js";

/** `x = x` does nothing; it is usually a typo for `this.x = x` or for another variable. */
export const selfAssignment: Rule = {
  meta: {
    id: "correctness/self-assignment",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rationale: "Assigning a variable to itself has no effect; the intended source or target was almost always something else.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const assignment of addedNodesOfType(ctx, "assignment_expression")) {
      if (!ctx.touchesAdded(assignment)) continue;
      const left = assignment.childForFieldName("left");
      const right = assignment.childForFieldName("right");
      if (!left || !isSameReference(left, right)) continue;
      // Re-assigning a property can be deliberate: it re-runs a setter, and `location.href =
      // location.href` or `frame.src = frame.src` reloads. Plain variables have no such effect.
      const property = left.type !== "identifier";
      if (property && /\b(location|src|href)\b/.test(left.text)) continue;
      if (!isNewCode(ctx, assignment)) continue;
      ctx.report({
        ...rangeOf(assignment),
        confidence: property ? 0.5 : 0.9,
        message: property
          ? `\`${assignment.text}\` assigns a property to itself; unless this deliberately re-runs a setter, the right-hand side was meant to be something else.`
          : `\`${assignment.text}\` assigns the variable to itself and has no effect. Was \`this.${left.text} = ${left.text}\` or another source meant?`,
      });
    }
  },
};
