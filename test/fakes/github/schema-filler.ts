import type { JsonSchema } from "./openapi-spec.js";

/**
 * Completes a response from its OpenAPI schema. Handlers write the fields that carry meaning
 * (ids, numbers, shas, bodies, states, the URLs a client follows); every other property the schema
 * requires is added with a neutral value (null when nullable, the first enum member, zero, false,
 * "", an empty list), recursively. So a response has GitHub's full required shape without
 * hand-writing the ~80 required keys of a repository. Values already present are never changed.
 */
export function completeFromSchema(schema: JsonSchema | undefined, value: unknown): unknown {
  if (!schema) return value;
  if (value === undefined) return synthesize(schema);
  const merged = mergeAllOf(schema);
  const branches = (merged.oneOf ?? merged.anyOf) as JsonSchema[] | undefined;
  if (branches && branches.length > 0) {
    return completeFromSchema(chooseBranch(branches, value), value);
  }
  if (Array.isArray(value)) {
    const items = merged.items as JsonSchema | undefined;
    return value.map((item) => completeFromSchema(items, item));
  }
  if (value !== null && typeof value === "object" && isObjectSchema(merged)) {
    const properties = (merged.properties ?? {}) as Record<string, JsonSchema>;
    const required = (merged.required ?? []) as string[];
    const result: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, current] of Object.entries(result)) {
      const propertySchema = properties[key];
      if (propertySchema && current !== undefined) result[key] = completeFromSchema(propertySchema, current);
    }
    for (const key of required) {
      if (result[key] === undefined) result[key] = synthesize(properties[key] ?? {});
    }
    return result;
  }
  return value;
}

const FIXED_TIME = "2024-01-01T00:00:00Z";

function synthesize(rawSchema: JsonSchema): unknown {
  const schema = mergeAllOf(rawSchema);
  if (schema.nullable === true) return null;
  const branches = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (branches && branches.length > 0) {
    const nonNull = branches.find((branch) => branch.type !== "null") ?? branches[0];
    return synthesize(nonNull ?? {});
  }
  const enumValues = schema.enum as unknown[] | undefined;
  if (enumValues && enumValues.length > 0) return enumValues.find((v) => v !== null) ?? null;
  if (schema.default !== undefined && typeof schema.default !== "object") return schema.default;
  switch (schema.type) {
    case "string":
      return synthesizeString(schema);
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, () => synthesize((schema.items ?? {}) as JsonSchema));
    }
    case "null":
      return null;
    default:
      if (isObjectSchema(schema)) return completeFromSchema(schema, {});
      return null;
  }
}

function synthesizeString(schema: JsonSchema): string {
  switch (schema.format) {
    case "date-time":
      return FIXED_TIME;
    case "date":
      return FIXED_TIME.slice(0, 10);
    case "uri":
    case "uri-template":
      return "https://github.invalid/synthesized";
    case "email":
      return "noreply@github.invalid";
    default:
      return "";
  }
}

function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === "object" || (schema.type === undefined && schema.properties !== undefined);
}

/** Folds `allOf` members into one schema (GitHub uses allOf to extend a base object). */
function mergeAllOf(schema: JsonSchema): JsonSchema {
  const parts = schema.allOf as JsonSchema[] | undefined;
  if (!parts || parts.length === 0) return schema;
  const merged: JsonSchema = { ...schema, allOf: undefined };
  const properties: Record<string, JsonSchema> = { ...((schema.properties ?? {}) as Record<string, JsonSchema>) };
  const required = new Set<string>((schema.required ?? []) as string[]);
  for (const rawPart of parts) {
    const part = mergeAllOf(rawPart);
    Object.assign(properties, part.properties ?? {});
    for (const key of (part.required ?? []) as string[]) required.add(key);
    if (part.type !== undefined && merged.type === undefined) merged.type = part.type;
  }
  merged.properties = properties;
  merged.required = [...required];
  return merged;
}

/**
 * Picks the oneOf/anyOf branch a value was meant for: arrays go to array branches; objects to the
 * branch sharing most property names, with a strong preference for a branch whose enum accepts a
 * discriminating value (`type: "file"` selects "Content File" over "Symlink Content").
 */
function chooseBranch(branches: JsonSchema[], value: unknown): JsonSchema {
  let best = branches[0] ?? {};
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const rawBranch of branches) {
    const branch = mergeAllOf(rawBranch);
    const score = scoreBranch(branch, value);
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function scoreBranch(branch: JsonSchema, value: unknown): number {
  if (value === null) return branch.nullable === true || branch.type === "null" ? 10 : -10;
  if (Array.isArray(value)) return branch.type === "array" ? 10 : -10;
  if (typeof value !== "object") {
    const jsType = typeof value === "number" ? ["integer", "number"] : [typeof value];
    return jsType.includes(String(branch.type)) ? 10 : -10;
  }
  if (!isObjectSchema(branch)) return -10;
  const properties = (branch.properties ?? {}) as Record<string, JsonSchema>;
  let score = 0;
  for (const [key, current] of Object.entries(value as Record<string, unknown>)) {
    const property = properties[key];
    if (!property) continue;
    score += 1;
    const allowed = property.enum as unknown[] | undefined;
    if (allowed) score += allowed.includes(current) ? 5 : -100;
  }
  return score;
}
