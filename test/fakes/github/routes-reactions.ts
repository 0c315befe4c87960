import { notFound } from "./github-errors.js";
import { reactionJson } from "./json-views-comments.js";
import { paginate } from "./pagination.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { ReactionContent, ReactionRecord } from "./state-records.js";

type Kind = ReactionRecord["subject"]["kind"];

/**
 * Reactions on issue comments and review comments
 * (https://docs.github.com/rest/reactions/reactions): list (filterable by `content`) and create.
 * Creating a reaction the user already left answers 200 with the existing one, else 201.
 */
export const reactionRoutes: RouteDefinition[] = [
  listRoute("GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", "issue_comment"),
  createRoute("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", "issue_comment"),
  listRoute("GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", "review_comment"),
  createRoute("POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions", "review_comment"),
];

function listRoute(route: string, kind: Kind): RouteDefinition {
  return {
    route,
    auth: "installation",
    permission: { names: kind === "issue_comment" ? ["issues", "pull_requests"] : ["pull_requests"], level: "read" },
    handle: (ctx) => {
      const id = requireSubject(ctx, kind);
      const reactions = [...ctx.state.reactionsById.values()]
        .filter((reaction) => reaction.subject.kind === kind && reaction.subject.id === id)
        .filter((reaction) => ctx.query.content === undefined || reaction.content === ctx.query.content)
        .sort((a, b) => a.id - b.id);
      const page = paginate(reactions, ctx.query, ctx.url);
      return { status: 200, body: page.items.map((reaction) => reactionJson(ctx.views, reaction)), headers: page.headers };
    },
  };
}

function createRoute(route: string, kind: Kind): RouteDefinition {
  return {
    route,
    auth: "installation",
    permission: { names: kind === "issue_comment" ? ["issues", "pull_requests"] : ["pull_requests"], level: "write" },
    handle: (ctx) => {
      const id = requireSubject(ctx, kind);
      const content = ctx.body.content as ReactionContent;
      const existing = [...ctx.state.reactionsById.values()].find(
        (reaction) =>
          reaction.subject.kind === kind &&
          reaction.subject.id === id &&
          reaction.content === content &&
          reaction.user === ctx.state.botLogin,
      );
      if (existing) return { status: 200, body: reactionJson(ctx.views, existing) };
      const reaction = ctx.state.addReaction({ subject: { kind, id }, content, user: ctx.state.botLogin });
      return { status: 201, body: reactionJson(ctx.views, reaction) };
    },
  };
}

function requireSubject(ctx: RouteContext, kind: Kind): number {
  const id = Number(ctx.params.comment_id);
  const comment = kind === "issue_comment" ? ctx.state.issueCommentsById.get(id) : ctx.state.reviewCommentsById.get(id);
  if (!comment || comment.repo !== ctx.repo.fullName) throw notFound(ctx.operation.documentationUrl);
  return id;
}
