import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { answerRequest, type StandInRepo, type StandInState } from "./github-stand-in-routes.js";

/** One request the App made, by route template (`POST /repos/{owner}/{repo}/check-runs`). */
export interface RecordedRequest {
  method: string;
  /** `METHOD /template`, or `METHOD (unmatched) /path` for a route the stand-in does not serve. */
  route: string;
  status: number;
  /** JSON body of a non-GET request (reviews, check-run output), for the bench to inspect. */
  body?: Record<string, unknown>;
}

/** A running stand-in for api.github.com on 127.0.0.1. */
export interface GitHubStandIn {
  /** The base URL to hand Probot (`baseUrl`). */
  url: string;
  /** Every request so far, in arrival order; slice from a saved length to see one phase's. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Requests per route among `requests`. */
export function countByRoute(requests: readonly RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) counts.set(request.route, (counts.get(request.route) ?? 0) + 1);
  return counts;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * A minimal loopback stand-in for api.github.com: answers the calls the App's intake and review
 * worker make (access tokens, check runs, contents, pulls, files, reviews, comments) with the
 * fields the App reads, and records every request by method and route. It checks no auth, no
 * schemas and no anchors (test/fakes/github does that for the tests); it is here to count.
 */
export async function startGitHubStandIn(repos: StandInRepo[] = []): Promise<GitHubStandIn> {
  const state: StandInState = { repos: new Map(repos.map((repo) => [repo.fullName.toLowerCase(), repo])), issueComments: new Map(), nextId: 1000 };
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const method = (req.method ?? "GET").toUpperCase();
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = method === "GET" || method === "HEAD" ? {} : await readJson(req);
      const answer = answerRequest(method, url.pathname, url.searchParams, body, state);
      requests.push({
        method,
        route: answer.route ? `${method} ${answer.route}` : `${method} (unmatched) ${url.pathname}`,
        status: answer.status,
        ...(method === "GET" ? {} : { body }),
      });
      const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
      res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
      res.end(text);
    })().catch((err: unknown) => {
      res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ message: err instanceof Error ? err.message : String(err) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The App's HTTP client keeps connections alive; drop them so close() does not wait on them.
        server.closeAllConnections();
      }),
  };
}
