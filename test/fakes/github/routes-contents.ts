import { GitHubHttpError, notFound } from "./github-errors.js";
import { gitBlobSha } from "./pull-file-records.js";
import { repoJson } from "./json-views.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";

const READ_METADATA = { names: ["metadata"], level: "read" as const };
const READ_CONTENTS = { names: ["contents"], level: "read" as const };
// GitHub answers the contents API with `encoding: "none"` and no content above 1 MB
// (https://docs.github.com/rest/repos/contents#get-repository-content).
const INLINE_LIMIT = 1024 * 1024;

/** The repository and its files at a ref. */
export const contentRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}",
    auth: "installation",
    permission: READ_METADATA,
    handle: ({ views, repo }) => ({ status: 200, body: repoJson(views, repo) }),
  },
  {
    route: "GET /repos/{owner}/{repo}/contents/{path}",
    auth: "installation",
    permission: READ_CONTENTS,
    handle: getContents,
  },
];

function getContents(ctx: RouteContext): ReturnType<RouteDefinition["handle"]> {
  const { state, repo, query, operation } = ctx;
  const ref = typeof query.ref === "string" && query.ref !== "" ? query.ref : repo.defaultBranch;
  const sha = state.resolveRef(repo, ref);
  if (!sha) {
    throw new GitHubHttpError(404, {
      message: `No commit found for the ref ${ref}`,
      documentation_url: operation.documentationUrl,
      status: "404",
    });
  }
  const path = String(ctx.params.path).replace(/^\/+|\/+$/g, "");
  const tree = repo.trees.get(sha) ?? new Map<string, Buffer>();
  const bytes = tree.get(path);
  const accept = String(ctx.headers.accept ?? "");

  if (bytes) {
    // `application/vnd.github.raw` (Octokit's `mediaType: { format: "raw" }`, used by Probot's
    // config loader) returns the bytes themselves.
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
      return { status: 200, raw: { contentType: "text/plain; charset=utf-8", data: bytes } };
    }
    return { status: 200, body: fileEntry(ctx, sha, path, bytes, true) };
  }

  const prefix = path === "" ? "" : `${path}/`;
  const children = new Map<string, "file" | "dir">();
  for (const filePath of tree.keys()) {
    if (!filePath.startsWith(prefix)) continue;
    const rest = filePath.slice(prefix.length);
    const [first = "", ...deeper] = rest.split("/");
    children.set(`${prefix}${first}`, deeper.length > 0 ? "dir" : "file");
  }
  if (children.size === 0) throw notFound(operation.documentationUrl);
  const entries = [...children.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([childPath, type]) =>
      type === "file"
        ? fileEntry(ctx, sha, childPath, tree.get(childPath) ?? Buffer.alloc(0), false)
        : dirEntry(ctx, sha, childPath),
    );
  return { status: 200, body: entries };
}

function fileEntry(
  ctx: RouteContext,
  ref: string,
  path: string,
  bytes: Buffer,
  withContent: boolean,
): Record<string, unknown> {
  const links = entryLinks(ctx, ref, path, "blob");
  const entry: Record<string, unknown> = {
    type: "file",
    name: path.split("/").pop(),
    path,
    sha: gitBlobSha(bytes),
    size: bytes.length,
    ...links,
  };
  if (withContent) {
    const inline = bytes.length <= INLINE_LIMIT;
    entry.encoding = inline ? "base64" : "none";
    // GitHub wraps the base64 text at 60 columns.
    entry.content = inline ? (bytes.toString("base64").match(/.{1,60}/g) ?? []).join("\n") + "\n" : "";
  }
  return entry;
}

function dirEntry(ctx: RouteContext, ref: string, path: string): Record<string, unknown> {
  return { type: "dir", name: path.split("/").pop(), path, sha: gitBlobSha(Buffer.from(path)), size: 0, ...entryLinks(ctx, ref, path, "tree") };
}

function entryLinks(ctx: RouteContext, ref: string, path: string, kind: "blob" | "tree"): Record<string, unknown> {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  const self = `${ctx.views.apiUrl}/repos/${ctx.repo.fullName}/contents/${encoded}?ref=${ref}`;
  const html = `https://github.com/${ctx.repo.fullName}/${kind}/${ref}/${encoded}`;
  const git = `${ctx.views.apiUrl}/repos/${ctx.repo.fullName}/git/${kind}s/${ref}`;
  return {
    url: self,
    html_url: html,
    git_url: git,
    download_url: kind === "blob" ? `https://raw.githubusercontent.com/${ctx.repo.fullName}/${ref}/${encoded}` : null,
    _links: { self, git, html },
  };
}
