import { Ajv, type ErrorObject, type Options, type ValidateFunction } from "ajv";
import formatsModule from "ajv-formats";
import type { JsonSchema } from "./openapi-spec.js";

/**
 * The one place that knows the JSON-schema validator (ajv 8 + ajv-formats). GitHub's description
 * is OpenAPI 3.0, so schemas are adapted first (see `toJsonSchema`), OpenAPI-only keywords
 * (`example`, `readOnly`, `x-github`, ...) are ignored (`strict: false`), and the formats that are
 * not JSON-schema formats (`int64`, `repo.nwo`, `timestamp`, ...) accept anything.
 */
export interface SchemaIssue {
  keyword: string;
  /** JSON pointer into the validated value, e.g. `/comments/0/line`. */
  dataPath: string;
  /** Schema location without the leading `#/` and the failing keyword, e.g. `properties/event`. */
  schemaLocation: string;
  params: Record<string, unknown>;
  message: string;
  data: unknown;
}

export interface SchemaValidator {
  /** Validates without changing `value`; returns the issues, empty when valid. */
  validate(schema: JsonSchema, value: unknown): SchemaIssue[];
}

export interface ParameterValidator {
  /** Validates one parameter value and returns it coerced to the schema's type. */
  coerce(schema: JsonSchema, value: unknown): { value: unknown; issues: SchemaIssue[] };
}

// Under NodeNext, the default import of this CommonJS package is its `module.exports`.
const addFormats = formatsModule.default;

/** Strict validation, for JSON bodies: GitHub does not coerce `"5"` into `5` there. */
export function createBodyValidator(): SchemaValidator {
  const ajv = createAjv({});
  const cache = new WeakMap<JsonSchema, ValidateFunction>();
  return {
    validate(schema, value) {
      let compiled = cache.get(schema);
      if (!compiled) {
        compiled = ajv.compile(toJsonSchema(schema) as object);
        cache.set(schema, compiled);
      }
      return compiled(value) ? [] : toIssues(compiled.errors);
    },
  };
}

/** Coercing validation, for path and query parameters, which arrive as strings. */
export function createParameterValidator(): ParameterValidator {
  const ajv = createAjv({ coerceTypes: "array" });
  const cache = new WeakMap<JsonSchema, ValidateFunction>();
  return {
    coerce(schema, value) {
      // ajv coerces in place through the parent object, so validate a one-property holder.
      let compiled = cache.get(schema);
      if (!compiled) {
        compiled = ajv.compile({ type: "object", properties: { value: toJsonSchema(schema) } });
        cache.set(schema, compiled);
      }
      const holder = { value };
      const valid = compiled(holder);
      return { value: holder.value, issues: valid ? [] : toIssues(compiled.errors) };
    },
  };
}

function createAjv(extra: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    logger: false,
    // GitHub's response schemas are large (a pull request embeds two full repositories);
    // unoptimized code compiles several times faster and validates fast enough for tests.
    code: { optimize: false },
    formats: { int32: true, int64: true, double: true, timestamp: true, "repo.nwo": true, binary: true },
    ...extra,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * OpenAPI 3.0 → what ajv accepts: `nullable: true` on a schema without `type` (an `allOf` or
 * `oneOf` wrapper) becomes `anyOf: [schema, {type: "null"}]`, and a nullable enum gains `null`
 * as a member (GitHub sends null for e.g. a check run's `conclusion` whose enum omits it).
 * Examples are dropped: they are data, not constraints.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === "example" || key === "examples") continue;
    if (key === "properties" || key === "patternProperties") {
      result[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, toJsonSchema(sub)]),
      );
    } else if (key === "allOf" || key === "anyOf" || key === "oneOf") {
      result[key] = (value as unknown[]).map(toJsonSchema);
    } else if (key === "items" || key === "additionalProperties" || key === "not") {
      result[key] = toJsonSchema(value);
    } else {
      result[key] = value;
    }
  }
  if (result.nullable !== true) return result;
  if (Array.isArray(result.enum) && !result.enum.includes(null)) result.enum = [...result.enum, null];
  if (result.type === undefined) {
    const { nullable: _nullable, ...rest } = result;
    return { anyOf: [rest, { type: "null" }] };
  }
  return result;
}

function toIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((error) => ({
    keyword: error.keyword,
    dataPath: error.instancePath,
    schemaLocation: error.schemaPath.replace(/^#\/?/, "").split("/").slice(0, -1).join("/"),
    params: error.params as Record<string, unknown>,
    message: error.message ?? error.keyword,
    data: error.data,
  }));
}
