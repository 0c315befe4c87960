import type { FileContext, Rule } from "../../rule.js";
import { startLineOf } from "../../../code/parse-source.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";
import { hasCommentAbove, JS_LANGUAGES, statementsOf } from "./syntax-walk.js";

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
    for (const clause of addedNodesOfType(ctx, "catch_clause")) {
      const body = clause.childForFieldName("body");
      // Comments are named children, so an empty named list means no statement and no comment.
      if (!body || body.namedChildCount > 0 || !ctx.addedLines.has(startLineOf(body))) continue;
      // `catch {} // ignore: best effort` right after the block says the same as a comment inside.
      const after = clause.nextSibling ?? clause.parent?.nextSibling;
      if (after?.type === "comment" && after.startPosition.row === body.endPosition.row) continue;
      // A comment just above the `try` usually explains why failures are ignored.
      if (clause.parent && hasCommentAbove(ctx.source!.text, clause.parent)) continue;
      const param = clause.childForFieldName("parameter");
      // `catch (_err) {}` / `catch (ignored) {}`: the name already says the error is unwanted.
      if (param && /^(_|ignored?$|unused)/i.test(param.text)) continue;
      const tried = clause.parent?.childForFieldName("body");
      // `try { x = require("optional-dep") } catch {}` is how optional dependencies are loaded.
      const tryStatements = tried ? statementsOf(tried) : [];
      if (tryStatements.length && tryStatements.every((s) => /\b(require|import)\s*\(/.test(s.text))) continue;
      // `try { return a(); } catch {}` followed by a fallback is a deliberate "try this first";
      // so is a catch without a binding (`catch {}`). Worth a mention, not an inline comment.
      const fallback = !param || tryStatements.at(-1)?.type === "return_statement";
      if (!isNewCode(ctx, clause.parent ?? clause)) continue;
      ctx.report({
        line: startLineOf(body),
        confidence: fallback ? 0.45 : 0.7,
        message:
          "This empty `catch` silently swallows every error from the `try` block, including ones nobody expected. " +
          "Handle or log the error, narrow what is caught, or add a comment explaining why ignoring it is safe.",
      });
    }
  },
};
