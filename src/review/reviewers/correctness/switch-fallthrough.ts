import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";
import { JS_LANGUAGES, statementsOf } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;
type Completion = "yes" | "no" | "unknown";

// Calls that by name probably never return (`process.exit`, `fail()`, `assertNever(x)`): the
// case may well end there, so the rule stays quiet rather than guess.
const NO_RETURN_CALL = /(^|\.)(exit|abort|fail|panic|unreachable|assertNever|assertUnreachable)\w*$|throw\w*$/i;

const FALLS_THROUGH_COMMENT = /\/[/*][^\n]*?\b(falls?[\s-]*through|fall[\s-]*thru|fallthrough|no[\s-]*break|intentional)/i;

/** The statements a clause runs, without its label value and comments. */
function bodyOf(clause: Node): Node[] {
  const value = clause.childForFieldName("value");
  return statementsOf(clause).filter((s) => s.id !== value?.id);
}

/** Whether control can run off the end of a statement: "yes" only when we are sure. */
function completes(statement: Node | undefined): Completion {
  if (!statement) return "yes";
  switch (statement.type) {
    case "return_statement":
    case "throw_statement":
    case "break_statement":
    case "continue_statement":
      return "no";
    case "statement_block":
      return completes(statementsOf(statement).at(-1));
    case "if_statement": {
      const alternative = statement.childForFieldName("alternative");
      // `if (c) break;` as a case's last statement shows the author deciding, per value, whether
      // to go on into the next case: a deliberate partial fall-through.
      if (!alternative) return completes(statement.childForFieldName("consequence") ?? undefined) === "yes" ? "yes" : "unknown";
      return either(completes(statement.childForFieldName("consequence") ?? undefined), completes(statementsOf(alternative).at(-1)));
    }
    case "expression_statement": {
      const expr = statement.namedChildren[0];
      if (expr?.type === "call_expression" && NO_RETURN_CALL.test(expr.childForFieldName("function")?.text ?? "")) return "unknown";
      return "yes";
    }
    case "lexical_declaration":
    case "variable_declaration":
    case "empty_statement":
      return "yes";
    default:
      // Loops, nested switches, try, labels: exits can hide anywhere in them.
      return "unknown";
  }
}

function either(a: Completion, b: Completion): Completion {
  if (a === "yes" || b === "yes") return "yes";
  return a === "no" && b === "no" ? "no" : "unknown";
}

/** A non-empty case that runs on into the next one without a break or a "falls through" note. */
export const switchFallthrough: Rule = {
  meta: {
    id: "correctness/switch-fallthrough",
    category: "correctness",
    severity: "warning",
    confidence: 0.65,
    rationale: "A case without break/return/throw runs the next case's code too; when deliberate, a `// falls through` comment says so.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    const text = ctx.source!.text;
    for (const body of addedNodesOfType(ctx, "switch_body")) {
      if (!ctx.touchesAdded(body) || body.hasError) continue;
      const clauses = body.namedChildren.filter((c) => c.type === "switch_case" || c.type === "switch_default");
      const falls: Array<{ last: Node; next: Node }> = [];
      clauses.forEach((clause, i) => {
        const last = bodyOf(clause).at(-1);
        if (!last || completes(last) !== "yes") return;
        // Falling into empty trailing labels runs nothing, which is as good as a break.
        const target = clauses.slice(i + 1).find((c) => bodyOf(c).length > 0);
        // …and so is falling into a case that only breaks.
        const targetBody = target ? bodyOf(target) : [];
        if (!target || (targetBody.length === 1 && targetBody[0].text.replace(/\s/g, "") === "break;")) return;
        const gap = text.slice(last.endIndex, bodyOf(target)[0].startIndex);
        if (!FALLS_THROUGH_COMMENT.test(gap)) falls.push({ last, next: clauses[i + 1] });
      });
      // One unmarked fall-through among cases that all stop is a forgotten break; a switch that
      // falls through again and again (hash tails, state machines) is written that way on purpose.
      const confidence = falls.length > 1 ? 0.5 : 0.65;
      for (const { last, next } of falls) {
        // The change wrote the case's last statement, or wrote the label it now falls into.
        const line = [startLineOf(last), startLineOf(next)].find((l) => ctx.addedLines.has(l));
        if (line === undefined || !isNewCode(ctx, last, next)) continue;
        const label = next.type === "switch_default" ? "default" : `case ${next.childForFieldName("value")?.text}`;
        ctx.report({
          line,
          confidence,
          message:
            `This case falls through into \`${label}:\` (line ${startLineOf(next)}), so that code runs too. ` +
            "Add `break;` (or return) at the end of the case, or a `// falls through` comment if it is intended.",
        });
      }
    }
  },
};
