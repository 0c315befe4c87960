import { checkCommentBody } from "./comment-limits.js";
import { notFound } from "./github-errors.js";
import { issueCommentJson } from "./json-views-comments.js";
import { paginate } from "./pagination.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { IssueCommentRecord } from "./state-records.js";

// A comment on a PR's conversation is an issue comment; GitHub accepts either permission for it.
const READ = { names: ["issues", "pull_requests"], level: "read" as const };
const WRITE = { names: ["issues", "pull_requests"], level: "write" as const };

/** Issue comments: create, list, get, update, delete (https://docs.github.com/rest/issues/comments). */
export const issueCommentRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    auth: "installation",
    permission: READ,
    handle: (ctx) => {
      const number = requireIssueNumber(ctx);
      const comments = [...ctx.state.issueCommentsById.values()]
        .filter((comment) => comment.repo === ctx.repo.fullName && comment.issueNumber === number)
        .sort((a, b) => a.id - b.id);
      const page = paginate(comments, ctx.query, ctx.url);
      return { status: 200, body: page.items.map((c) => issueCommentJson(ctx.views, c)), headers: page.headers };
    },
  },
  {
    route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const number = requireIssueNumber(ctx);
      const body = checkCommentBody(ctx.body.body, "IssueComment", ctx.operation.documentationUrl);
      const now = ctx.state.timestamp();
      const comment: IssueCommentRecord = {
        id: ctx.state.nextId(),
        repo: ctx.repo.fullName,
        issueNumber: number,
        body,
        author: ctx.state.botLogin,
        createdAt: now,
        updatedAt: now,
      };
      ctx.state.issueCommentsById.set(comment.id, comment);
      const json = issueCommentJson(ctx.views, comment);
      return { status: 201, body: json, headers: { location: String(json.url) } };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
    auth: "installation",
    permission: READ,
    handle: (ctx) => ({ status: 200, body: issueCommentJson(ctx.views, requireIssueComment(ctx)) }),
  },
  {
    route: "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const comment = requireIssueComment(ctx);
      comment.body = checkCommentBody(ctx.body.body, "IssueComment", ctx.operation.documentationUrl);
      comment.updatedAt = ctx.state.timestamp();
      return { status: 200, body: issueCommentJson(ctx.views, comment) };
    },
  },
  {
    route: "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const comment = requireIssueComment(ctx);
      ctx.state.issueCommentsById.delete(comment.id);
      for (const [id, reaction] of ctx.state.reactionsById) {
        if (reaction.subject.kind === "issue_comment" && reaction.subject.id === comment.id) ctx.state.reactionsById.delete(id);
      }
      return { status: 204 };
    },
  },
];

/** The number must name an issue or a PR of the repository. */
function requireIssueNumber(ctx: RouteContext): number {
  const number = Number(ctx.params.issue_number);
  if (!ctx.repo.issues.has(number) && !ctx.repo.pulls.has(number)) throw notFound(ctx.operation.documentationUrl);
  return number;
}

export function requireIssueComment(ctx: RouteContext): IssueCommentRecord {
  const comment = ctx.state.issueCommentsById.get(Number(ctx.params.comment_id));
  if (!comment || comment.repo !== ctx.repo.fullName) throw notFound(ctx.operation.documentationUrl);
  return comment;
}
