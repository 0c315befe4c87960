import { invalidRequest, notFound } from "./github-errors.js";
import type { OpenApiOperation } from "./openapi-spec.js";
import type { ParameterValidator, SchemaValidator } from "./schema-validator.js";
import { describeIssues } from "./validation-messages.js";

export interface ValidatedRequest {
  /** Path parameters coerced to their schema types (`pull_number` is a number). */
  params: Record<string, unknown>;
  /** Declared query parameters coerced; undeclared ones kept as strings (GitHub ignores them). */
  query: Record<string, unknown>;
  body: unknown;
}

export interface RequestValidators {
  body: SchemaValidator;
  parameters: ParameterValidator;
}

/**
 * Checks a request against its operation: a path parameter of the wrong type means no route
 * (404, as GitHub answers `/pulls/abc`); a bad query parameter or JSON body is a 422 whose
 * message lists each problem. A missing body is validated as `{}`, so required fields are
 * reported the way GitHub reports them.
 */
export function validateRequest(
  operation: OpenApiOperation,
  rawParams: Record<string, string>,
  search: URLSearchParams,
  body: unknown,
  validators: RequestValidators,
): ValidatedRequest {
  const params: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, value] of search) if (!(name in query)) query[name] = value;

  for (const parameter of operation.parameters) {
    if (parameter.in === "path") {
      const raw = rawParams[parameter.name];
      const { value, issues } = validators.parameters.coerce(parameter.schema, raw);
      if (raw === undefined || issues.length > 0) throw notFound(operation.documentationUrl);
      params[parameter.name] = value;
    } else if (parameter.in === "query") {
      const values = search.getAll(parameter.name);
      if (values.length === 0) {
        if (parameter.required) problems.push(`"${parameter.name}" wasn't supplied.`);
        continue;
      }
      const raw = values.length === 1 ? values[0] : values;
      const { value, issues } = validators.parameters.coerce(parameter.schema, raw);
      const located = issues.map((issue) => ({
        ...issue,
        schemaLocation: issue.schemaLocation.replace(/^properties\/value/, parameter.name),
      }));
      problems.push(...describeIssues(located));
      query[parameter.name] = value;
    }
  }

  if (operation.requestBodySchema) {
    const issues = validators.body.validate(operation.requestBodySchema, body ?? {});
    problems.push(...describeIssues(issues));
  }
  if (problems.length > 0) throw invalidRequest(problems, operation.documentationUrl);
  return { params, query, body: body ?? {} };
}
