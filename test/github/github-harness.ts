import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { createFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "../fakes/github/index.js";

/**
 * The fake GitHub behind a small loopback proxy. The proxy forwards every request to the fake,
 * except the routes the fake does not implement yet (it answers 501 for them), which it serves
 * itself from the fake's state:
 * - `GET /repos/{owner}/{repo}/git/trees/{tree_sha}` (recursive listing for the repo reader);
 * - `DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}` (delete a pending
 *   review, used by the review poster's probes).
 * It also counts every request and the most requests in flight at once, and lets a test answer
 * a route itself (`intercept`) for shapes the fake cannot seed (symlinks, submodules).
 */
export interface GitHubHarness {
  fake: FakeGitHub;
  /** The proxy's base URL (what `octokit` talks to). */
  url: string;
  octokit: Octokit;
  /** Every request that reached the proxy, in order: `"GET /repos/acme/shop/pulls/7/files?page=2"`. */
  requests: string[];
  /** Requests since the last `resetCounts()` that match `pattern` ("METHOD /path?query"). */
  count(pattern: RegExp): number;
  resetCounts(): void;
  /** Most requests in flight at once since the last reset. */
  maxInFlight(): number;
  /** Answers requests whose "METHOD /path" matches `pattern` with `respond` instead of the fake; returns the undo. */
  intercept(pattern: RegExp, respond: (match: RegExpExecArray) => { status: number; body?: unknown }): () => void;
  /** Tree listings are cut short (`truncated: true`) after this many entries. */
  truncateTreesAt: number;
  close(): Promise<void>;
}

type Local = { pattern: RegExp; respond: (match: RegExpExecArray, url: URL) => { status: number; body?: unknown } };

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export async function startGitHub(options: FakeGitHubOptions = {}): Promise<GitHubHarness> {
  const fake = await createFakeGitHub({ preloadSpec: true, ...options });
  const requests: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const locals: Local[] = [];

  const harness: GitHubHarness = {
    fake,
    url: "",
    octokit: undefined as unknown as Octokit,
    requests,
    count: (pattern) => requests.filter((r) => pattern.test(r)).length,
    resetCounts: () => {
      requests.length = 0;
      peak = 0;
    },
    maxInFlight: () => peak,
    intercept: (pattern, respond) => {
      const local = { pattern, respond };
      locals.unshift(local);
      return () => {
        locals.splice(locals.indexOf(local), 1);
      };
    },
    truncateTreesAt: Number.POSITIVE_INFINITY,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await fake.close();
    },
  };
  locals.push(treeRoute(harness), deletePendingReviewRoute(fake));

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const method = req.method ?? "GET";
    requests.push(`${method} ${decodeURIComponent(url.pathname)}${url.search}`);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const key = `${method} ${decodeURIComponent(url.pathname)}`;
      for (const local of locals) {
        const match = local.pattern.exec(key);
        if (!match) continue;
        const answer = local.respond(match, url);
        res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
        res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== "host" && name !== "connection") as [string, string][]);
      const upstream = await fetch(`${fake.url}${url.pathname}${url.search}`, {
        method,
        headers,
        body: chunks.length && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"].includes(name)) {
          out[name] = name === "link" ? value.split(fake.url).join(harness.url) : value;
        }
      });
      res.writeHead(upstream.status, out);
      res.end(body);
    } finally {
      inFlight -= 1;
    }
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  harness.url = `http://127.0.0.1:${port}`;
  harness.octokit = new Octokit({ auth: fake.createInstallationToken(), baseUrl: harness.url, log: quiet });
  return harness;
}

function treeRoute(harness: GitHubHarness): Local {
  return {
    pattern: /^GET \/repos\/([^/]+)\/([^/]+)\/git\/trees\/(.+)$/,
    respond: ([, owner, name, ref], url) => {
      const state = harness.fake.state;
      const repo = state.findRepo(owner, name);
      const sha = repo && state.resolveRef(repo, ref);
      if (!repo || !sha) return { status: 404, body: { message: "Not Found", status: "404" } };
      const recursive = url.searchParams.has("recursive");
      const entries = new Map<string, { type: "blob" | "tree"; size?: number }>();
      for (const [path, bytes] of repo.trees.get(sha) ?? new Map<string, Buffer>()) {
        const parts = path.split("/");
        if (!recursive && parts.length > 1) {
          entries.set(parts[0], { type: "tree" });
          continue;
        }
        for (let i = 1; i < parts.length; i++) entries.set(parts.slice(0, i).join("/"), { type: "tree" });
        entries.set(path, { type: "blob", size: bytes.length });
      }
      const all = [...entries].sort(([a], [b]) => a.localeCompare(b));
      const kept = all.slice(0, harness.truncateTreesAt);
      return {
        status: 200,
        body: {
          sha,
          url: `${harness.url}/repos/${repo.fullName}/git/trees/${sha}`,
          truncated: kept.length < all.length,
          tree: kept.map(([path, e]) => ({
            path,
            mode: e.type === "tree" ? "040000" : "100644",
            type: e.type,
            sha: "0".repeat(40),
            ...(e.size !== undefined ? { size: e.size } : {}),
          })),
        },
      };
    },
  };
}

function deletePendingReviewRoute(fake: FakeGitHub): Local {
  return {
    pattern: /^DELETE \/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)\/reviews\/(\d+)$/,
    respond: ([, owner, name, pull, id]) => {
      const state = fake.state;
      const review = state.reviewsById.get(Number(id));
      const repo = state.findRepo(owner, name);
      if (!review || !repo || review.repo !== repo.fullName || review.pullNumber !== Number(pull)) {
        return { status: 404, body: { message: "Not Found", status: "404" } };
      }
      // "Deletes a pull request review that has not been submitted. Submitted reviews cannot be deleted."
      if (review.state !== "PENDING") {
        return { status: 422, body: { message: "Unprocessable Entity", errors: ["Can not delete a non-pending pull request review"], status: "422" } };
      }
      for (const commentId of review.commentIds) state.reviewCommentsById.delete(commentId);
      state.reviewsById.delete(review.id);
      return {
        status: 200,
        body: { id: review.id, node_id: `PRR_${review.id}`, body: review.body, state: "PENDING", commit_id: review.commitId, user: { login: review.author, type: "Bot" } },
      };
    },
  };
}
