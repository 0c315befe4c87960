import type { JsonSchema } from "./openapi-spec.js";
import { completeFromSchema } from "./schema-filler.js";
import type { SchemaValidator } from "./schema-validator.js";

/**
 * Completes a handler's JSON from the response schema, then (when a validator is given) checks
 * the result against that schema. A problem here is a defect of the fake, reported through
 * `fake.responseProblems` rather than failing the App's request.
 */
export function checkResponse(
  schema: JsonSchema | undefined,
  body: unknown,
  validator: SchemaValidator | undefined,
): { body: unknown; problems: string[] } {
  if (!schema) return { body, problems: [] };
  const completed = completeFromSchema(schema, body);
  if (!validator) return { body: completed, problems: [] };
  const problems = validator
    .validate(schema, completed)
    .map((issue) => `${issue.dataPath || "/"} ${issue.message} (${issue.schemaLocation})`);
  return { body: completed, problems };
}
