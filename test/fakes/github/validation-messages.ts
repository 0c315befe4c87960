import type { SchemaIssue } from "./schema-validator.js";

/**
 * Renders schema issues the way GitHub words its "Invalid request." answers, e.g.
 * `"body" wasn't supplied.`, `For 'properties/event', "NOPE" is not a member of ["APPROVE", ...].`,
 * `"foo" is not a permitted key.`, `No subschema in "anyOf" matched.`
 */
export function describeIssues(issues: SchemaIssue[]): string[] {
  const lines = issues.map(describeIssue);
  return [...new Set(lines)];
}

function describeIssue(issue: SchemaIssue): string {
  const where = issue.schemaLocation === "" ? "" : `For '${issue.schemaLocation}', `;
  const value = preview(issue.data);
  switch (issue.keyword) {
    case "required":
      return `"${String(issue.params.missingProperty)}" wasn't supplied.`;
    case "additionalProperties":
      return `"${String(issue.params.additionalProperty)}" is not a permitted key.`;
    case "type":
      return `${where}${value} is not ${article(String(issue.params.type))}.`;
    case "enum": {
      const allowed = (issue.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      return `${where}${value} is not a member of [${allowed.join(", ")}].`;
    }
    case "maxItems":
      return `${where}${value} has more than ${String(issue.params.limit)} items.`;
    case "minItems":
      return `${where}${value} has fewer than ${String(issue.params.limit)} items.`;
    case "maxLength":
      return `${where}${value} is longer than ${String(issue.params.limit)} characters.`;
    case "minLength":
      return `${where}${value} is shorter than ${String(issue.params.limit)} characters.`;
    case "oneOf":
    case "anyOf":
      return `No subschema in "${issue.keyword}" matched.`;
    default:
      return `${where}${value} ${issue.message}.`;
  }
}

function article(type: string): string {
  const first = type.split(",")[0] ?? type;
  return /^[aeiou]/.test(first) ? `an ${type}` : `a ${type}`;
}

/** Short rendering of the offending value: large arrays and objects are summarized. */
function preview(value: unknown): string {
  if (Array.isArray(value)) return value.length > 3 ? `[${value.length} items]` : safeJson(value);
  if (value !== null && typeof value === "object") {
    const json = safeJson(value);
    return json.length > 120 ? "{...}" : json;
  }
  if (value === undefined || value === null) return "nil";
  return safeJson(value);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
