import { notFound } from "./github-errors.js";
import { diffEntryJson, issueJson, pullJson } from "./json-views.js";
import { paginate } from "./pagination.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { PullRecord } from "./state-records.js";
import { renderUnifiedDiff, wantsDiff } from "./unified-diff.js";

const READ_PULLS = { names: ["pull_requests"], level: "read" as const };
// "Responses include a maximum of 3000 files"
// (https://docs.github.com/rest/pulls/pulls#list-pull-requests-files).
const PULL_FILES_LIMIT = 3000;

/** Pull requests, their files, and issues (a PR is also an issue). */
export const pullRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}/pulls",
    auth: "installation",
    permission: READ_PULLS,
    handle: ({ views, repo, query, url }) => {
      const wanted = typeof query.state === "string" ? query.state : "open";
      const pulls = [...repo.pulls.values()]
        .filter((pull) => wanted === "all" || pull.state === wanted)
        .sort((a, b) => b.number - a.number);
      const page = paginate(pulls, query, url);
      return { status: 200, body: page.items.map((pull) => pullJson(views, repo, pull)), headers: page.headers };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/pulls/{pull_number}",
    auth: "installation",
    permission: READ_PULLS,
    handle: (ctx) => {
      const pull = requirePull(ctx);
      if (wantsDiff(String(ctx.headers.accept ?? ""))) {
        return { status: 200, raw: { contentType: "text/plain; charset=utf-8", data: renderUnifiedDiff(pull.files) } };
      }
      return { status: 200, body: pullJson(ctx.views, ctx.repo, pull) };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
    auth: "installation",
    permission: READ_PULLS,
    handle: (ctx) => {
      const pull = requirePull(ctx);
      const page = paginate(pull.files.slice(0, PULL_FILES_LIMIT), ctx.query, ctx.url);
      return {
        status: 200,
        body: page.items.map((file) => diffEntryJson(ctx.views, ctx.repo, pull.headSha, file)),
        headers: page.headers,
      };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/issues/{issue_number}",
    auth: "installation",
    permission: { names: ["issues", "pull_requests"], level: "read" },
    handle: (ctx) => {
      const number = Number(ctx.params.issue_number);
      const issue = ctx.repo.issues.get(number);
      if (issue) return { status: 200, body: issueJson(ctx.views, ctx.repo, issue) };
      const pull = ctx.repo.pulls.get(number);
      if (!pull) throw notFound(ctx.operation.documentationUrl);
      const asIssue = issueJson(ctx.views, ctx.repo, {
        id: pull.id,
        number: pull.number,
        title: pull.title,
        body: pull.body,
        state: pull.state,
        author: pull.author,
        labels: pull.labels,
        createdAt: pull.createdAt,
      });
      const pullApi = `${ctx.views.apiUrl}/repos/${ctx.repo.fullName}/pulls/${pull.number}`;
      return { status: 200, body: { ...asIssue, pull_request: { url: pullApi, html_url: null, diff_url: null, patch_url: null } } };
    },
  },
];

export function requirePull(ctx: RouteContext): PullRecord {
  const pull = ctx.repo.pulls.get(Number(ctx.params.pull_number));
  if (!pull) throw notFound(ctx.operation.documentationUrl);
  return pull;
}
