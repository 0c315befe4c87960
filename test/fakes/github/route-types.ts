import type { IncomingHttpHeaders } from "node:http";
import type { FakeGitHubState } from "./fake-state.js";
import type { ViewContext } from "./json-views.js";
import type { OpenApiOperation } from "./openapi-spec.js";
import type { AccessTokenRecord, RepoRecord } from "./state-records.js";

/** Who is calling: the App itself (JWT) or one installation (installation access token). */
export type Caller = { kind: "app" } | { kind: "installation"; token: AccessTokenRecord };

export interface RouteContext {
  state: FakeGitHubState;
  views: ViewContext;
  operation: OpenApiOperation;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The validated JSON body (`{}` when none was sent). */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Absolute URL of the request on the fake, for `Link` and `Location` headers. */
  url: URL;
  caller: Caller;
  /** The `{owner}/{repo}` repository, resolved and access-checked, for routes that have one. */
  repo: RepoRecord;
}

export interface RouteResult {
  status: number;
  /** JSON body; completed from the response schema and validated by the server. */
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (raw file contents, a diff), sent as is. */
  raw?: { contentType: string; data: string | Buffer };
}

export interface RouteDefinition {
  /** `"METHOD /template"`, exactly as in GitHub's OpenAPI description. */
  route: string;
  /** `app` routes need the App's JWT (Bearer); `installation` routes an installation token. */
  auth: "app" | "installation";
  /**
   * The installation permission the route needs; any one of several names may be enough (GitHub
   * lets `issues` or `pull_requests` write a comment on a PR's conversation).
   */
  permission?: { names: string[]; level: "read" | "write" };
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}
