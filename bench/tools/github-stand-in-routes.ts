import { randomBytes } from "node:crypto";
import { compileRoute, type RouteTemplate } from "./route-template.js";

/** One changed file as `pulls.listFiles` lists it (`patch` = the hunks, no headers). */
export interface StandInFile {
  filename: string;
  status: "added" | "modified" | "removed";
  patch?: string;
  additions: number;
  deletions: number;
}

/** An open pull request the stand-in serves. */
export interface StandInPull {
  number: number;
  headSha: string;
  baseSha: string;
  files: StandInFile[];
}

/** A repository: its files at every ref (one tree is enough for a benchmark) and its pull requests. */
export interface StandInRepo {
  /** `owner/name`. */
  fullName: string;
  files: Map<string, string>;
  pulls: StandInPull[];
}

/** What the routes read and write; comments persist so the sticky summary can be found again. */
export interface StandInState {
  repos: Map<string, StandInRepo>;
  issueComments: Map<string, Array<{ id: number; body: string }>>;
  nextId: number;
}

export interface StandInAnswer {
  status: number;
  body?: unknown;
}

interface RouteInput {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  state: StandInState;
}

interface Route {
  method: string;
  route: RouteTemplate;
  answer(input: RouteInput): StandInAnswer;
}

const NOT_FOUND: StandInAnswer = { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } };
const BOT = { login: "patchwarden[bot]", id: 1, type: "Bot" };
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

function repoOf(input: RouteInput): StandInRepo | undefined {
  return input.state.repos.get(`${input.params.owner}/${input.params.repo}`.toLowerCase());
}

function pullOf(input: RouteInput): StandInPull | undefined {
  return repoOf(input)?.pulls.find((pull) => pull.number === Number(input.params.pull_number));
}

/** The pull request object, with the fields the worker reads (state, draft, head, base) really set. */
function pullView(fullName: string, pull: StandInPull): Record<string, unknown> {
  const [owner, name] = fullName.split("/");
  const ref = (sha: string, branch: string) => ({ label: `${owner}:${branch}`, ref: branch, sha, repo: { name, full_name: fullName, owner: { login: owner } } });
  return {
    id: pull.number,
    number: pull.number,
    state: "open",
    draft: false,
    locked: false,
    title: `Change #${pull.number}`,
    user: { login: "octocat", type: "User" },
    head: ref(pull.headSha, `change-${pull.number}`),
    base: ref(pull.baseSha, "main"),
    merged: false,
    changed_files: pull.files.length,
    additions: pull.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pull.files.reduce((sum, file) => sum + file.deletions, 0),
  };
}

function checkRunView(id: number, body: Record<string, unknown>, params: Record<string, string>): Record<string, unknown> {
  return {
    id,
    name: body.name ?? "patchwarden",
    head_sha: body.head_sha ?? "0".repeat(40),
    external_id: body.external_id ?? null,
    status: body.conclusion ? "completed" : (body.status ?? "queued"),
    conclusion: body.conclusion ?? null,
    started_at: body.started_at ?? now(),
    completed_at: body.completed_at ?? null,
    url: `https://api.github.com/repos/${params.owner}/${params.repo}/check-runs/${id}`,
  };
}

const ROUTES: Route[] = [
  {
    method: "POST",
    route: compileRoute("/app/installations/{installation_id}/access_tokens"),
    answer: () => ({
      status: 201,
      body: {
        token: `ghs_${randomBytes(18).toString("hex")}`,
        expires_at: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        permissions: { checks: "write", contents: "read", pull_requests: "write", issues: "write", metadata: "read" },
        repository_selection: "all",
      },
    }),
  },
  {
    method: "POST",
    route: compileRoute("/repos/{owner}/{repo}/check-runs"),
    answer: ({ body, params, state }) => ({ status: 201, body: checkRunView(state.nextId++, body, params) }),
  },
  {
    method: "PATCH",
    route: compileRoute("/repos/{owner}/{repo}/check-runs/{check_run_id}"),
    answer: ({ body, params }) => ({ status: 200, body: checkRunView(Number(params.check_run_id), body, params) }),
  },
  {
    method: "GET",
    route: compileRoute("/repos/{owner}/{repo}/contents/{path+}"),
    answer: (input) => {
      const text = repoOf(input)?.files.get(input.params.path);
      if (text === undefined) return NOT_FOUND;
      const bytes = Buffer.from(text, "utf8");
      const name = input.params.path.split("/").pop();
      return { status: 200, body: { type: "file", encoding: "base64", size: bytes.length, name, path: input.params.path, sha: "f".repeat(40), content: bytes.toString("base64") } };
    },
  },
  {
    method: "GET",
    route: compileRoute("/repos/{owner}/{repo}/git/trees/{tree_sha}"),
    answer: (input) => {
      const repo = repoOf(input);
      if (!repo) return NOT_FOUND;
      const tree = [...repo.files.keys()].sort().map((path) => ({ path, mode: "100644", type: "blob", sha: "e".repeat(40), size: repo.files.get(path)?.length ?? 0 }));
      return { status: 200, body: { sha: input.params.tree_sha, truncated: false, tree } };
    },
  },
  {
    method: "GET",
    route: compileRoute("/repos/{owner}/{repo}/pulls/{pull_number}"),
    answer: (input) => {
      const pull = pullOf(input);
      return pull ? { status: 200, body: pullView(`${input.params.owner}/${input.params.repo}`, pull) } : NOT_FOUND;
    },
  },
  {
    method: "GET",
    route: compileRoute("/repos/{owner}/{repo}/pulls/{pull_number}/files"),
    answer: (input) => {
      const pull = pullOf(input);
      if (!pull) return NOT_FOUND;
      // Every benchmark PR fits one page of 100, so no Link header is needed.
      const files = pull.files.map((file) => ({ sha: "d".repeat(40), changes: file.additions + file.deletions, ...file }));
      return { status: 200, body: files };
    },
  },
  {
    method: "GET",
    route: compileRoute("/repos/{owner}/{repo}/pulls/{pull_number}/comments"),
    answer: (input) => (pullOf(input) ? { status: 200, body: [] } : NOT_FOUND),
  },
  {
    method: "POST",
    route: compileRoute("/repos/{owner}/{repo}/pulls/{pull_number}/reviews"),
    answer: (input) => {
      const pull = pullOf(input);
      if (!pull) return NOT_FOUND;
      return { status: 200, body: { id: input.state.nextId++, state: "COMMENTED", commit_id: input.body.commit_id ?? pull.headSha, user: BOT, body: input.body.body ?? "" } };
    },
  },
  {
    method: "GET",
    route: compileRoute("/repos/{owner}/{repo}/issues/{issue_number}/comments"),
    answer: ({ params, state }) => {
      const comments = state.issueComments.get(`${params.owner}/${params.repo}#${params.issue_number}`.toLowerCase()) ?? [];
      return { status: 200, body: comments.map((c) => ({ ...c, user: BOT, created_at: now(), updated_at: now() })) };
    },
  },
  {
    method: "POST",
    route: compileRoute("/repos/{owner}/{repo}/issues/{issue_number}/comments"),
    answer: ({ params, state, body }) => {
      const key = `${params.owner}/${params.repo}#${params.issue_number}`.toLowerCase();
      const comment = { id: state.nextId++, body: String(body.body ?? "") };
      state.issueComments.set(key, [...(state.issueComments.get(key) ?? []), comment]);
      return { status: 201, body: { ...comment, user: BOT, created_at: now(), updated_at: now() } };
    },
  },
  {
    method: "PATCH",
    route: compileRoute("/repos/{owner}/{repo}/issues/comments/{comment_id}"),
    answer: ({ params, state, body }) => {
      const comment = [...state.issueComments.values()].flat().find((c) => c.id === Number(params.comment_id));
      if (!comment) return NOT_FOUND;
      comment.body = String(body.body ?? comment.body);
      return { status: 200, body: { ...comment, user: BOT, updated_at: now() } };
    },
  },
];

/** The route a request matches and the answer; unknown routes get GitHub's 404 and `route` undefined. */
export function answerRequest(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>, state: StandInState): StandInAnswer & { route?: string } {
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const params = candidate.route.match(path);
    if (params) return { ...candidate.answer({ params, query, body, state }), route: candidate.route.template };
  }
  return NOT_FOUND;
}
