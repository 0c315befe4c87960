import { z } from "zod";
import { UNTRUSTED_NOTICE } from "../untrusted.js";
import { answerSchema, baseItemShape, commonRules, definePrompt, withDetails } from "./review-prompt.js";

const item = z
  .object({
    ...baseItemShape("security"),
    weakness: z.string().max(20).nullable().describe("The CWE identifier, e.g. CWE-89, or null"),
    source: z.string().max(300).describe("Where attacker-controlled data enters and how it reaches the quoted code"),
  })
  .strict();

/** Vulnerabilities an attacker can reach, and secrets in the code. */
export const securityPrompt = definePrompt({
  dimension: "security",
  schemaName: "security_findings",
  schema: answerSchema(item),
  context: { enclosing: true, definitions: true, tests: false },
  system: [
    "You review the security of one pull request: whether the added code lets an attacker do what the application does not intend.",
    "",
    "Look for: untrusted input reaching a shell, SQL or NoSQL query, template, file path, URL fetch, redirect, regular expression, deserializer or dynamic code evaluation without validation; authentication or authorization checks removed, bypassable or applied after the action; secrets, tokens or keys written into code or logs; weak or misused cryptography and randomness; permissive CORS, cookies or TLS settings; prototype pollution; unbounded reads, loops or allocations driven by input.",
    "Only report what an attacker can reach through the code shown; name the path in `source`. Do not report generic hardening advice, dependency versions, or style.",
    "",
    commonRules(UNTRUSTED_NOTICE),
  ].join("\n"),
  describe: (found) => withDetails(found.message, [["weakness", found.weakness], ["reached from", found.source]]),
});
