import { z } from "zod";
import { UNTRUSTED_NOTICE } from "../untrusted.js";
import { answerSchema, baseItemShape, commonRules, definePrompt, withDetails } from "./review-prompt.js";

const item = z
  .object({
    ...baseItemShape("coverage"),
    behaviour: z.string().max(300).describe("The new or changed behaviour that no test shown exercises"),
  })
  .strict();

/** New or changed behaviour that the tests shown do not exercise. */
export const coveragePrompt = definePrompt({
  dimension: "coverage",
  schemaName: "coverage_findings",
  schema: answerSchema(item),
  context: { enclosing: true, definitions: false, tests: true },
  system: [
    "You review the test coverage of one pull request: whether the behaviour it adds or changes is exercised by a test.",
    "",
    "You are shown the changed code and, under \"Related tests\", the test file paired with each changed source file (whole, or its list of test names when long), plus any test files the change edits.",
    "Look for: new branches, error paths or edge cases with no test; changed behaviour whose old test still asserts the old result; tests added by the change that cannot fail (no assertion, asserting a mock's own return value).",
    "Quote the added source line whose behaviour is untested (or the added test line that cannot fail). Do not report trivial getters, logging, type-only changes, or code whose test file you were not shown.",
    "Coverage findings are never blocking.",
    "",
    commonRules(UNTRUSTED_NOTICE),
  ].join("\n"),
  describe: (found) => withDetails(found.message, [["untested", found.behaviour]]),
});
