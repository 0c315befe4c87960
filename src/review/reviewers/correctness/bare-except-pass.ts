import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";
import { hasCommentAbove } from "./syntax-walk.js";

const CATCH_ALL = new Set(["", "BaseException"]);

/** `except: pass`: swallows every exception, KeyboardInterrupt and SystemExit included. */
export const bareExceptPass: Rule = {
  meta: {
    id: "correctness/bare-except-pass",
    category: "correctness",
    severity: "warning",
    confidence: 0.85,
    rationale: "A bare `except:` that only passes hides every error, and even Ctrl-C and sys.exit(), without a trace.",
    languages: ["python"],
  },
  checkFile(ctx: FileContext) {
    for (const clause of addedNodesOfType(ctx, "except_clause")) {
      if (!ctx.addedLines.has(startLineOf(clause))) continue;
      const block = clause.namedChildren.find((c) => c.type === "block");
      const caught = clause.namedChildren.filter((c) => c.type !== "block" && c.type !== "comment");
      if (!block || caught.length > 1 || !CATCH_ALL.has(caught[0]?.text ?? "")) continue;
      const statements = block.namedChildren;
      // A comment in the handler or right above the `try` explains the choice; then we trust it.
      if (statements.some((s) => s.type === "comment") || clause.namedChildren.some((c) => c.type === "comment")) continue;
      if (clause.parent && hasCommentAbove(ctx.source!.text, clause.parent)) continue;
      const onlyPass = statements.every((s) => s.type === "pass_statement" || (s.type === "expression_statement" && s.text === "..."));
      if (!statements.length || !onlyPass) continue;
      if (!isNewCode(ctx, clause)) continue;
      ctx.report({
        line: startLineOf(clause),
        message:
          `\`${clause.text.split(":")[0]}:\` with only \`pass\` silently swallows every exception, including KeyboardInterrupt and SystemExit. ` +
          "Catch the specific exception you expect (or at least `Exception`) and log it, or say in a comment why ignoring it is safe.",
      });
    }
  },
};
