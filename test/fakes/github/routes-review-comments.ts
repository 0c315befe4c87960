import { checkCommentBody } from "./comment-limits.js";
import { notFound, unprocessable } from "./github-errors.js";
import { reviewCommentJson } from "./json-views-comments.js";
import { paginate } from "./pagination.js";
import { resolveAnchor, type ThreadInput } from "./review-anchors.js";
import { storeReply, storeReview, storeReviewComment } from "./review-threads.js";
import { requirePull } from "./routes-pulls.js";
import { filesAt } from "./routes-reviews.js";
import type { RouteContext, RouteDefinition, RouteResult } from "./route-types.js";
import type { PullRecord, ReviewCommentRecord } from "./state-records.js";

const READ = { names: ["pull_requests"], level: "read" as const };
const WRITE = { names: ["pull_requests"], level: "write" as const };
const RESOURCE = "PullRequestReviewComment";

/** Review comments (https://docs.github.com/rest/pulls/comments). */
export const reviewCommentRoutes: RouteDefinition[] = [
  {
    route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
    auth: "installation",
    permission: READ,
    handle: (ctx) => {
      const pull = requirePull(ctx);
      const comments = [...ctx.state.reviewCommentsById.values()]
        .filter((comment) => comment.repo === ctx.repo.fullName && comment.pullNumber === pull.number)
        .sort((a, b) => a.id - b.id);
      if (ctx.query.direction === "desc") comments.reverse();
      const page = paginate(comments, ctx.query, ctx.url);
      return { status: 200, body: page.items.map((c) => reviewCommentJson(ctx.views, c)), headers: page.headers };
    },
  },
  {
    route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const pull = requirePull(ctx);
      const body = checkCommentBody(ctx.body.body, RESOURCE, ctx.operation.documentationUrl);
      // "When specified, all parameters other than body in the request body are ignored."
      if (typeof ctx.body.in_reply_to === "number") {
        const parent = requireComment(ctx, ctx.body.in_reply_to, pull);
        return created(ctx, storeReply(ctx.state, ctx.repo, pull, parent, body, ctx.state.botLogin));
      }
      const commitId = String(ctx.body.commit_id);
      const result = resolveAnchor(filesAt(pull, commitId, ctx.operation.documentationUrl), ctx.body as unknown as ThreadInput);
      if (!result.ok) throw unprocessable(result.messages, ctx.operation.documentationUrl);
      const review = storeReview(ctx.state, ctx.repo, pull, { state: "COMMENTED", body: "", commitId, author: ctx.state.botLogin });
      return created(ctx, storeReviewComment(ctx.state, review, result.anchor, { body }));
    },
  },
  {
    route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const pull = requirePull(ctx);
      const parent = requireComment(ctx, Number(ctx.params.comment_id), pull);
      const body = checkCommentBody(ctx.body.body, RESOURCE, ctx.operation.documentationUrl);
      return created(ctx, storeReply(ctx.state, ctx.repo, pull, parent, body, ctx.state.botLogin));
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}",
    auth: "installation",
    permission: READ,
    handle: (ctx) => ({ status: 200, body: reviewCommentJson(ctx.views, requireComment(ctx, Number(ctx.params.comment_id))) }),
  },
  {
    route: "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const comment = requireComment(ctx, Number(ctx.params.comment_id));
      comment.body = checkCommentBody(ctx.body.body, RESOURCE, ctx.operation.documentationUrl);
      comment.updatedAt = ctx.state.timestamp();
      return { status: 200, body: reviewCommentJson(ctx.views, comment) };
    },
  },
  {
    route: "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const comment = requireComment(ctx, Number(ctx.params.comment_id));
      ctx.state.reviewCommentsById.delete(comment.id);
      const review = ctx.state.reviewsById.get(comment.reviewId);
      if (review) review.commentIds = review.commentIds.filter((id) => id !== comment.id);
      return { status: 204 };
    },
  },
];

function created(ctx: RouteContext, comment: ReviewCommentRecord): RouteResult {
  const json = reviewCommentJson(ctx.views, comment);
  return { status: 201, body: json, headers: { location: String(json.url) } };
}

function requireComment(ctx: RouteContext, id: number, pull?: PullRecord): ReviewCommentRecord {
  const comment = ctx.state.reviewCommentsById.get(id);
  if (!comment || comment.repo !== ctx.repo.fullName || (pull && comment.pullNumber !== pull.number)) {
    throw notFound(ctx.operation.documentationUrl);
  }
  return comment;
}
