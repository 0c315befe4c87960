import { GitHubHttpError } from "./github-errors.js";
import { gitBlobSha } from "./pull-file-records.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";

const READ_CONTENTS = { names: ["contents"], level: "read" as const };

/** Git trees (https://docs.github.com/rest/git/trees#get-a-tree): the file list at a commit. */
export const gitRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
    auth: "installation",
    permission: READ_CONTENTS,
    handle: getTree,
  },
];

function getTree(ctx: RouteContext): ReturnType<RouteDefinition["handle"]> {
  const { state, repo, query, operation } = ctx;
  const ref = String(ctx.params.tree_sha);
  const sha = state.resolveRef(repo, ref);
  const files = sha ? repo.trees.get(sha) : undefined;
  if (!sha || !files) {
    throw new GitHubHttpError(404, { message: "Not Found", documentation_url: operation.documentationUrl, status: "404" });
  }
  // Any value of `recursive` turns recursion on, as GitHub documents ("0", "false" included).
  const recursive = query.recursive !== undefined;
  const entries = new Map<string, Record<string, unknown>>();
  for (const [path, bytes] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = path.split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join("/");
      if ((recursive || depth === 1) && !entries.has(dir)) entries.set(dir, { path: dir, mode: "040000", type: "tree", sha: gitBlobSha(Buffer.from(dir)) });
    }
    if (recursive || parts.length === 1) {
      entries.set(path, { path, mode: "100644", type: "blob", sha: gitBlobSha(bytes), size: bytes.length });
    }
  }
  const base = `${ctx.url.origin}/repos/${repo.fullName}/git`;
  const tree = [...entries.values()].map((e) => ({ ...e, url: `${base}/${e.type === "tree" ? "trees" : "blobs"}/${e.sha}` }));
  return { status: 200, body: { sha, url: `${base}/trees/${sha}`, tree, truncated: false } };
}
