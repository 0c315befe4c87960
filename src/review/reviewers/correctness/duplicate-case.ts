import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { literalKeyName } from "./literal-keys.js";
import { isNewCode } from "./report-range.js";
import { isPureReference } from "./same-reference.js";
import { JS_LANGUAGES, statementsOf } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

/** A key under which two case tests are certainly equal (`===` semantics), or undefined. */
function caseKey(value: Node | null): string | undefined {
  if (!value) return undefined;
  switch (value.type) {
    case "number":
      return `number:${literalKeyName(value)}`;
    case "string": {
      const name = literalKeyName(value);
      return name === undefined ? undefined : `string:${name}`;
    }
    case "true":
    case "false":
    case "null":
    case "undefined":
      return value.type;
    default:
      return isPureReference(value) ? `ref:${value.text.replace(/\s+/g, "")}` : undefined;
  }
}

/** `case "a": … case "a":`: the second label can never match. */
export const duplicateCase: Rule = {
  meta: {
    id: "correctness/duplicate-case",
    category: "correctness",
    severity: "warning",
    confidence: 0.95,
    rationale: "A switch runs the first matching case only, so a repeated case label never matches and its code is dead.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const body of addedNodesOfType(ctx, "switch_body")) {
      if (!ctx.touchesAdded(body) || body.hasError) continue;
      const seen = new Map<string, Node>();
      for (const clause of body.namedChildren) {
        if (clause.type !== "switch_case") continue;
        const value = clause.childForFieldName("value");
        const key = caseKey(value);
        if (!key || !value) continue;
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, value);
          continue;
        }
        const wrote = (n: Node) => ctx.addedLines.has(startLineOf(n));
        const anchor = wrote(value) ? value : wrote(earlier) ? earlier : undefined;
        if (!anchor || !isNewCode(ctx, earlier, value)) continue;
        // Statements under the repeated label are code that can never run: a real loss.
        const deadCode = statementsOf(clause).some((s) => s.id !== value.id);
        ctx.report({
          line: startLineOf(anchor),
          severity: deadCode ? "blocking" : "warning",
          message:
            `\`case ${value.text}:\` repeats the label on line ${startLineOf(anchor === value ? earlier : value)}; the later one can never match` +
            (deadCode ? ", so its code never runs." : ".") +
            " Remove it, or correct the value that was meant to be different.",
        });
      }
    }
  },
};
