import type { FileContext, Rule } from "../../rule.js";
import { startLineOf } from "../../../code/parse-source.js";
import { JS_LANGUAGES } from "./syntax-walk.js";

/** `catch (e) {}` with nothing inside, not even a comment saying why the error may be ignored. */
export const emptyCatch: Rule = {
  meta: {
    id: "correctness/empty-catch",
    category: "correctness",
    severity: "suggestion",
    confidence: 0.7,
    rationale: "An empty catch hides every error from the try block, including unexpected ones; a comment should at least say why that is safe.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const clause of ctx.source!.tree.rootNode.descendantsOfType("catch_clause")) {
      const body = clause.childForFieldName("body");
      // Comments are named children, so an empty named list means no statement and no comment.
      if (!body || body.namedChildCount > 0 || !ctx.addedLines.has(startLineOf(body))) continue;
      // `catch {} // ignore: best effort` right after the block says the same as a comment inside.
      const after = clause.nextSibling ?? clause.parent?.nextSibling;
      if (after?.type === "comment" && after.startPosition.row === body.endPosition.row) continue;
      const param = clause.childForFieldName("parameter");
      ctx.report({
        line: startLineOf(body),
        // Leaving out the binding (`catch {}`) already signals the error is not wanted.
        confidence: param ? 0.7 : 0.55,
        message:
          "This empty `catch` silently swallows every error from the `try` block, including ones nobody expected. " +
          "Handle or log the error, narrow what is caught, or add a comment explaining why ignoring it is safe.",
      });
    }
  },
};
