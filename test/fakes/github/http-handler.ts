import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { FakeGitHubState } from "./fake-state.js";
import type { FaultQueue, FaultResponse } from "./fault-injection.js";
import { GitHubHttpError, notFound } from "./github-errors.js";
import type { ViewContext } from "./json-views.js";
import { loadOpenApiIndex } from "./openapi-spec.js";
import { checkPermission, checkRepoAccess, authenticate } from "./request-auth.js";
import { validateRequest, type RequestValidators } from "./request-validation.js";
import { checkResponse } from "./response-check.js";
import { matchRoute } from "./route-matcher.js";
import type { RouteDefinition, RouteResult } from "./route-types.js";
import type { SchemaValidator } from "./schema-validator.js";

/** One request as the fake saw it, for assertions (inline snapshots of what the App sent). */
export interface RecordedRequest {
  method: string;
  /** The concrete path, percent-decoded. */
  path: string;
  query: Record<string, string>;
  /** `"METHOD /template"` from GitHub's description, when the path matched one. */
  route?: string;
  operationId?: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when none was sent. */
  body: unknown;
  status: number;
  responseBody?: unknown;
  /** `Date.now()` when the request arrived (real time, for pacing and latency assertions). */
  receivedAt: number;
}

/** A response of the fake that does not match GitHub's response schema: a defect of the fake. */
export interface ResponseProblem {
  route: string;
  status: number;
  problems: string[];
}

export interface HandlerDeps {
  state: FakeGitHubState;
  views: ViewContext;
  routes: Map<string, RouteDefinition>;
  faults: FaultQueue;
  validators: RequestValidators & { response: SchemaValidator };
  validateResponses: boolean;
  latencyMs: () => number;
  requests: RecordedRequest[];
  responseProblems: ResponseProblem[];
}

/**
 * The request pipeline: route match → fault injection → auth → JSON parse → validation →
 * repository access and permission → handler → response completed from the schema.
 */
export function createRequestHandler(deps: HandlerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", deps.views.apiUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const record: RecordedRequest = {
      method,
      path: safeDecode(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: tryParse(raw),
      status: 0,
      receivedAt: Date.now(),
    };
    const requestNumber = deps.requests.push(record);
    const latency = deps.latencyMs();
    if (latency > 0) await sleep(latency);

    let result: RouteResult;
    try {
      result = await dispatch(deps, req, url, method, raw, record);
    } catch (error) {
      if (error instanceof GitHubHttpError) {
        result = { status: error.status, body: error.body, headers: error.headers };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        deps.responseProblems.push({ route: record.route ?? `${method} ${record.path}`, status: 500, problems: [message] });
        result = { status: 500, body: { message: `fake GitHub failed: ${message}` } };
      }
    }
    record.status = result.status;
    record.responseBody = result.body;
    send(res, result, deps.state, requestNumber);
  };
}

async function dispatch(
  deps: HandlerDeps,
  req: IncomingMessage,
  url: URL,
  method: string,
  raw: Buffer,
  record: RecordedRequest,
): Promise<RouteResult> {
  const match = matchRoute(loadOpenApiIndex(), method, url.pathname);
  if (!match) throw notFound();
  const { operation } = match;
  const routeKey = `${operation.method} ${operation.template}`;
  record.route = routeKey;
  record.operationId = operation.operationId;

  const fault = deps.faults.take(method, operation.template, record.path);
  if (fault) return faultResult(fault);

  const route = deps.routes.get(routeKey);
  const caller = route ? authenticate(deps.state, req.headers.authorization, route) : undefined;
  let body: unknown;
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new GitHubHttpError(400, { message: "Problems parsing JSON", documentation_url: operation.documentationUrl, status: "400" });
    }
  }
  const validated = validateRequest(operation, match.params, url.searchParams, body, deps.validators);
  if (!route || !caller) {
    throw new GitHubHttpError(501, {
      message: `fake GitHub: ${routeKey} (${operation.operationId}) is a valid GitHub route that the fake does not implement`,
      status: "501",
    });
  }
  const repo = resolveRepo(deps.state, validated.params, operation.documentationUrl);
  if (repo) checkRepoAccess(caller, repo, operation.documentationUrl);
  checkPermission(caller, route, operation.documentationUrl);
  const result = await route.handle({
    state: deps.state,
    views: deps.views,
    operation,
    params: validated.params,
    query: validated.query,
    body: (validated.body ?? {}) as Record<string, unknown>,
    headers: req.headers,
    url,
    caller,
    // Routes without {owner}/{repo} never read it.
    repo: repo as NonNullable<typeof repo>,
  });
  if (result.body === undefined || result.raw) return result;
  const schema = operation.responses[String(result.status)]?.schema;
  const checked = checkResponse(schema, result.body, deps.validateResponses ? deps.validators.response : undefined);
  if (checked.problems.length > 0) {
    deps.responseProblems.push({ route: routeKey, status: result.status, problems: checked.problems });
  }
  return { ...result, body: checked.body };
}

function resolveRepo(state: FakeGitHubState, params: Record<string, unknown>, documentationUrl: string) {
  if (typeof params.owner !== "string" || typeof params.repo !== "string") return undefined;
  const repo = state.findRepo(params.owner, params.repo);
  if (!repo) throw notFound(documentationUrl);
  return repo;
}

async function faultResult(fault: FaultResponse): Promise<RouteResult> {
  if (fault.delayMs) await sleep(fault.delayMs);
  return {
    status: fault.status,
    body: fault.body ?? { message: `Injected failure ${fault.status}`, status: String(fault.status) },
    headers: fault.headers,
  };
}

function send(res: ServerResponse, result: RouteResult, state: FakeGitHubState, requestNumber: number): void {
  const reset = Math.floor(state.options.now().getTime() / 1000) + 3600;
  const headers: Record<string, string> = {
    // Its own counter, so resource ids do not depend on how many requests came before.
    "x-github-request-id": `FAKE:${requestNumber}`,
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-used": "1",
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-resource": "core",
    ...Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  if (result.raw) {
    res.writeHead(result.status, { ...headers, "content-type": result.raw.contentType });
    res.end(result.raw.data);
    return;
  }
  if (result.body === undefined || result.status === 204) {
    res.writeHead(result.status, headers);
    res.end();
    return;
  }
  res.writeHead(result.status, { ...headers, "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(result.body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function tryParse(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return raw.toString("utf8");
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
