import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { issueAccessToken } from "./access-tokens.js";
import { FakeGitHubState } from "./fake-state.js";
import { FaultQueue, type FaultMatcher, type FaultResponse } from "./fault-injection.js";
import { createRequestHandler, type RecordedRequest, type ResponseProblem } from "./http-handler.js";
import { loadOpenApiIndex } from "./openapi-spec.js";
import { buildRouteTable } from "./routes.js";
import { createBodyValidator, createParameterValidator } from "./schema-validator.js";
import type { AccessLevel } from "./state-records.js";

export interface FakeGitHubOptions {
  /** The App's id (default 1) and slug (default "patchwarden"; the bot is `<slug>[bot]`). */
  appId?: number;
  appSlug?: string;
  /** The installation created up front (default 1), on this account (default "acme"). */
  installationId?: number;
  account?: string;
  /** What that installation was granted; defaults to what patchwarden asks for. */
  permissions?: Record<string, AccessLevel>;
  /** Check every response against GitHub's response schema (default true). */
  validateResponses?: boolean;
  /** Delay every answer by this many milliseconds (default 0). */
  latencyMs?: number;
  /** Diffs larger than this are listed without `patch`, as GitHub does for large diffs. */
  maxPatchBytes?: number;
  /** The clock for timestamps and token expiry (default: real time). */
  now?: () => Date;
  /** Load GitHub's OpenAPI description at start instead of on the first request (default false). */
  preloadSpec?: boolean;
}

export interface FakeGitHub {
  /** Base URL to hand to Octokit/Probot as `baseUrl`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  state: FakeGitHubState;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Answers that failed GitHub's response schemas (should stay empty). */
  responseProblems: ResponseProblem[];
  /** The requests that hit one route, e.g. `"POST /repos/{owner}/{repo}/check-runs"`. */
  requestsTo(route: string): RecordedRequest[];
  /** Makes the next `times` requests matching `matcher` fail with `response`. */
  failNext(matcher: FaultMatcher | string, response: FaultResponse, times?: number): void;
  /** Changes the delay added to every answer. */
  setLatency(ms: number): void;
  /** An installation token issued without HTTP, for tests that drive Octokit directly. */
  createInstallationToken(options?: {
    installationId?: number;
    permissions?: Record<string, AccessLevel>;
    repositories?: string[];
  }): string;
  close(): Promise<void>;
}

export const DEFAULT_PERMISSIONS: Record<string, AccessLevel> = {
  metadata: "read",
  contents: "read",
  pull_requests: "write",
  issues: "write",
  checks: "write",
  actions: "write",
};

/**
 * Starts a stateful fake of GitHub's REST API on 127.0.0.1 (random port). Requests are routed
 * and validated against GitHub's OpenAPI description (@octokit/openapi); the routes the App uses
 * are backed by `state`; valid GitHub routes the fake does not implement answer 501 so a test
 * says plainly what is missing.
 */
export async function createFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeGitHubState({
    appId: options.appId ?? 1,
    appSlug: options.appSlug ?? "patchwarden",
    installationId: options.installationId ?? 1,
    account: options.account ?? "acme",
    permissions: options.permissions ?? DEFAULT_PERMISSIONS,
    maxPatchBytes: options.maxPatchBytes ?? 1_000_000,
    now: options.now ?? (() => new Date()),
  });
  if (options.preloadSpec) loadOpenApiIndex();
  const requests: RecordedRequest[] = [];
  const responseProblems: ResponseProblem[] = [];
  const faults = new FaultQueue();
  let latency = options.latencyMs ?? 0;
  const views = { state, apiUrl: "" };
  const bodyValidator = createBodyValidator();
  const handler = createRequestHandler({
    state,
    views,
    routes: buildRouteTable(),
    faults,
    validators: { body: bodyValidator, parameters: createParameterValidator(), response: bodyValidator },
    validateResponses: options.validateResponses ?? true,
    latencyMs: () => latency,
    requests,
    responseProblems,
  });

  const server = createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  views.apiUrl = url;

  return {
    url,
    state,
    requests,
    responseProblems,
    requestsTo: (route) => requests.filter((request) => request.route === route),
    failNext: (matcher, response, times = 1) => faults.add(matcher, response, times),
    setLatency: (ms) => {
      latency = ms;
    },
    createInstallationToken: (tokenOptions = {}) => {
      const id = tokenOptions.installationId ?? state.options.installationId;
      const installation = state.installations.get(id);
      if (!installation) throw new Error(`fake GitHub has no installation ${id}`);
      return issueAccessToken(state, installation, { ...tokenOptions, documentationUrl: "https://docs.github.com/rest" }).token;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from Octokit's fetch would hold the server open.
        server.closeAllConnections();
      }),
  };
}
