import { z } from "zod";
import { UNTRUSTED_NOTICE } from "../untrusted.js";
import { answerSchema, baseItemShape, commonRules, definePrompt, withDetails } from "./review-prompt.js";

const item = z
  .object({
    ...baseItemShape("style"),
    convention: z.string().max(300).describe("The convention the added code departs from, as the surrounding code shows it"),
  })
  .strict();

/** Departures from the conventions the surrounding code of this repository follows. */
export const stylePrompt = definePrompt({
  dimension: "style",
  schemaName: "style_findings",
  schema: answerSchema(item),
  context: { enclosing: true, definitions: false, tests: false },
  system: [
    "You review the style of one pull request against the conventions its own surrounding code follows, not against your preferences.",
    "",
    "Look for: names that break the patterns used around them or mislead about what a thing is or does; error handling, logging or return conventions that differ from the neighbouring code; duplicated logic the shown code already has a helper for; comments that contradict the code; debugging leftovers; needless complexity a reader will trip over.",
    "Do not report: formatting a formatter fixes, personal taste, or anything the surrounding code does the same way. Name the convention you rely on in `convention`, from code you can see.",
    "Style findings are never blocking.",
    "",
    commonRules(UNTRUSTED_NOTICE),
  ].join("\n"),
  describe: (found) => withDetails(found.message, [["convention", found.convention]]),
});
