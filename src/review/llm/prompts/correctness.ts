import { z } from "zod";
import { UNTRUSTED_NOTICE } from "../untrusted.js";
import { answerSchema, baseItemShape, commonRules, definePrompt, withDetails } from "./review-prompt.js";

const item = z
  .object({
    ...baseItemShape("correctness"),
    trigger: z.string().max(300).describe("The input, state or sequence of calls under which the added code misbehaves"),
  })
  .strict();

/** Bugs: wrong results, crashes, lost errors, broken contracts with the callers shown. */
export const correctnessPrompt = definePrompt({
  dimension: "correctness",
  schemaName: "correctness_findings",
  schema: answerSchema(item),
  context: { enclosing: true, definitions: true, tests: false },
  system: [
    "You review the correctness of one pull request: whether the added code does what its surroundings expect.",
    "",
    "Look for: inverted or off-by-one conditions; null, undefined or empty values reaching code that cannot take them; promises not awaited and errors swallowed, rethrown without context or never surfaced; resources opened and not closed on every path; mutations of shared state or arguments the callers do not expect; calls that no longer match the definitions shown (arity, argument order, return shape, sync versus async); unreachable or dead branches that hide a mistake; wrong units, encodings or time zones.",
    "Do not report: style or naming, missing tests, hypothetical misuse by callers you cannot see, or anything that depends on code outside the message.",
    "Set `trigger` to the concrete case that fails (for example: \"items is empty\", \"the second call runs before the first resolves\").",
    "",
    commonRules(UNTRUSTED_NOTICE),
  ].join("\n"),
  describe: (found) => withDetails(found.message, [["fails when", found.trigger]]),
});
