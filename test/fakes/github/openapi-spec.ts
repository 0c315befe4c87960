import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** A JSON schema node as it appears in GitHub's dereferenced OpenAPI 3.0 description. */
export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  /** Schema of the `application/json` body, when the response has one. */
  schema?: JsonSchema;
  contentTypes: string[];
}

/** One REST operation of api.github.com, as the fake needs it. */
export interface OpenApiOperation {
  method: string;
  template: string;
  operationId: string;
  documentationUrl: string;
  parameters: OpenApiParameter[];
  requestBodySchema?: JsonSchema;
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiIndex {
  /** Operations by upper-case method, each list in the description's order. */
  byMethod: Map<string, OpenApiOperation[]>;
  /** Operations by `"METHOD /template"`. */
  byRoute: Map<string, OpenApiOperation>;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

let cachedIndex: OpenApiIndex | undefined;

/**
 * Loads `@octokit/openapi`'s dereferenced api.github.com description once per module registry
 * (Jest gives each test file its own registry, so once per test file). It is ~70 MB: parsing
 * takes about a second, so it happens lazily, on the first request that needs it.
 */
export function loadOpenApiIndex(): OpenApiIndex {
  if (cachedIndex) return cachedIndex;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.deref.json");
  const description = JSON.parse(readFileSync(file, "utf8")) as {
    paths: Record<string, Record<string, unknown>>;
  };
  cachedIndex = indexOperations(description.paths);
  return cachedIndex;
}

function indexOperations(paths: Record<string, Record<string, unknown>>): OpenApiIndex {
  const byMethod = new Map<string, OpenApiOperation[]>();
  const byRoute = new Map<string, OpenApiOperation>();
  for (const [template, item] of Object.entries(paths)) {
    const shared = asParameters(item.parameters);
    for (const method of HTTP_METHODS) {
      const raw = item[method] as Record<string, unknown> | undefined;
      if (!raw) continue;
      const operation = toOperation(method.toUpperCase(), template, raw, shared);
      const list = byMethod.get(operation.method) ?? [];
      list.push(operation);
      byMethod.set(operation.method, list);
      byRoute.set(`${operation.method} ${template}`, operation);
    }
  }
  return { byMethod, byRoute };
}

function toOperation(
  method: string,
  template: string,
  raw: Record<string, unknown>,
  shared: OpenApiParameter[],
): OpenApiOperation {
  const externalDocs = raw.externalDocs as { url?: string } | undefined;
  const body = raw.requestBody as
    | { content?: Record<string, { schema?: JsonSchema }> }
    | undefined;
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, response] of Object.entries(
    (raw.responses ?? {}) as Record<string, { content?: Record<string, { schema?: JsonSchema }> }>,
  )) {
    const content = response.content ?? {};
    responses[status] = {
      schema: content["application/json"]?.schema,
      contentTypes: Object.keys(content),
    };
  }
  return {
    method,
    template,
    operationId: String(raw.operationId ?? ""),
    documentationUrl: externalDocs?.url ?? "https://docs.github.com/rest",
    parameters: [...shared, ...asParameters(raw.parameters)],
    requestBodySchema: body?.content?.["application/json"]?.schema,
    responses,
  };
}

function asParameters(value: unknown): OpenApiParameter[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const parameter = entry as Partial<OpenApiParameter>;
    return {
      name: String(parameter.name),
      in: parameter.in ?? "query",
      required: parameter.required === true,
      schema: parameter.schema ?? {},
    };
  });
}
