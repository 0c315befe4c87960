import { GitHubHttpError, notFound } from "./github-errors.js";
import { diffEntryJson, userJson } from "./json-views.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { ComparisonRecord } from "./state-records.js";
import { renderUnifiedDiff, wantsDiff } from "./unified-diff.js";

// "The response from the API will return a maximum of 300 files"
// (https://docs.github.com/rest/commits/commits#compare-two-commits).
const COMPARE_FILE_LIMIT = 300;

/** `GET /compare/{base}...{head}`: seeded comparisons (every PR seeds base...head). */
export const compareRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}/compare/{basehead}",
    auth: "installation",
    permission: { names: ["contents"], level: "read" },
    handle: (ctx) => {
      const comparison = findComparison(ctx);
      const files = comparison.files.slice(0, COMPARE_FILE_LIMIT);
      if (wantsDiff(String(ctx.headers.accept ?? ""))) {
        return { status: 200, raw: { contentType: "text/plain; charset=utf-8", data: renderUnifiedDiff(files) } };
      }
      const web = `https://github.com/${ctx.repo.fullName}/compare/${String(ctx.params.basehead)}`;
      const commits = Array.from({ length: comparison.aheadBy }, (_, i) =>
        i === comparison.aheadBy - 1 ? comparison.headSha : `${comparison.headSha.slice(0, 36)}${String(i).padStart(4, "0")}`,
      );
      return {
        status: 200,
        body: {
          url: `${ctx.views.apiUrl}/repos/${ctx.repo.fullName}/compare/${String(ctx.params.basehead)}`,
          html_url: web,
          permalink_url: web,
          diff_url: `${web}.diff`,
          patch_url: `${web}.patch`,
          base_commit: commitJson(ctx, comparison.baseSha, []),
          merge_base_commit: commitJson(ctx, comparison.baseSha, []),
          status: comparison.status,
          ahead_by: comparison.aheadBy,
          behind_by: comparison.behindBy,
          total_commits: comparison.aheadBy,
          commits: commits.map((sha, i) => commitJson(ctx, sha, [i === 0 ? comparison.baseSha : (commits[i - 1] ?? "")])),
          files: files.map((file) => diffEntryJson(ctx.views, ctx.repo, comparison.headSha, file)),
        },
      };
    },
  },
];

function findComparison(ctx: RouteContext): ComparisonRecord {
  const basehead = String(ctx.params.basehead);
  const separator = basehead.indexOf("...");
  if (separator < 0) throw notFound(ctx.operation.documentationUrl);
  const base = basehead.slice(0, separator);
  const head = basehead.slice(separator + 3);
  const baseSha = ctx.state.resolveRef(ctx.repo, base);
  const headSha = ctx.state.resolveRef(ctx.repo, head);
  if (!baseSha || !headSha) throw notFound(ctx.operation.documentationUrl);
  if (baseSha === headSha) {
    return { baseSha, headSha, status: "identical", aheadBy: 0, behindBy: 0, files: [] };
  }
  const seeded = ctx.repo.comparisons.get(`${baseSha}...${headSha}`);
  if (seeded) return seeded;
  // Unrelated refs: what GitHub answers for histories without a merge base. A test that needs
  // another pair seeds it with state.setComparison.
  throw new GitHubHttpError(404, {
    message: `No common ancestor between ${base} and ${head}.`,
    documentation_url: ctx.operation.documentationUrl,
    status: "404",
  });
}

function commitJson(ctx: RouteContext, sha: string, parents: string[]): Record<string, unknown> {
  const api = `${ctx.views.apiUrl}/repos/${ctx.repo.fullName}`;
  const person = { name: "Octo Cat", email: "octocat@github.invalid", date: "2024-01-01T00:00:00Z" };
  return {
    sha,
    node_id: `C_fake${sha.slice(0, 8)}`,
    url: `${api}/commits/${sha}`,
    html_url: `https://github.com/${ctx.repo.fullName}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: `Commit ${sha.slice(0, 7)}`,
      comment_count: 0,
      tree: { sha: sha.split("").reverse().join(""), url: `${api}/git/trees/${sha}` },
    },
    author: userJson(ctx.views, "octocat"),
    committer: userJson(ctx.views, "octocat"),
    parents: parents.map((parent) => ({ sha: parent, url: `${api}/commits/${parent}`, html_url: `https://github.com/${ctx.repo.fullName}/commit/${parent}` })),
  };
}
