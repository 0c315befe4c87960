import { checkCommentBody } from "./comment-limits.js";
import { notFound, unprocessable } from "./github-errors.js";
import { reviewCommentJson, reviewJson } from "./json-views-comments.js";
import { paginate } from "./pagination.js";
import { resolveAnchor, type ResolvedAnchor, type ThreadInput } from "./review-anchors.js";
import { storeReview, storeReviewComment } from "./review-threads.js";
import { requirePull } from "./routes-pulls.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { PullFileRecord, PullRecord, ReviewRecord, ReviewState } from "./state-records.js";

const READ = { names: ["pull_requests"], level: "read" as const };
const WRITE = { names: ["pull_requests"], level: "write" as const };
const EVENT_STATES: Record<string, ReviewState> = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
};

/** Pull request reviews (https://docs.github.com/rest/pulls/reviews). */
export const reviewRoutes: RouteDefinition[] = [
  {
    route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    auth: "installation",
    permission: WRITE,
    handle: createReview,
  },
  {
    route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    auth: "installation",
    permission: READ,
    handle: (ctx) => {
      const pull = requirePull(ctx);
      const reviews = [...ctx.state.reviewsById.values()]
        .filter((review) => review.repo === ctx.repo.fullName && review.pullNumber === pull.number)
        .sort((a, b) => a.id - b.id);
      const page = paginate(reviews, ctx.query, ctx.url);
      return { status: 200, body: page.items.map((review) => reviewJson(ctx.views, review)), headers: page.headers };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}",
    auth: "installation",
    permission: READ,
    handle: (ctx) => ({ status: 200, body: reviewJson(ctx.views, requireReview(ctx)) }),
  },
  {
    // Only a PENDING review can be deleted; GitHub answers 422 for a submitted one
    // (https://docs.github.com/rest/pulls/reviews#delete-a-pending-review-for-a-pull-request).
    route: "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}",
    auth: "installation",
    permission: WRITE,
    handle: (ctx) => {
      const review = requireReview(ctx);
      if (review.state !== "PENDING") throw unprocessable(["Can not delete a non-pending pull request review"], ctx.operation.documentationUrl);
      for (const id of review.commentIds) ctx.state.reviewCommentsById.delete(id);
      ctx.state.reviewsById.delete(review.id);
      return { status: 200, body: reviewJson(ctx.views, review) };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments",
    auth: "installation",
    permission: READ,
    handle: (ctx) => {
      const review = requireReview(ctx);
      const comments = review.commentIds.flatMap((id) => {
        const comment = ctx.state.reviewCommentsById.get(id);
        return comment ? [comment] : [];
      });
      const page = paginate(comments, ctx.query, ctx.url);
      return { status: 200, body: page.items.map((c) => reviewCommentJson(ctx.views, c)), headers: page.headers };
    },
  },
];

/**
 * Creates a review with its inline comments, all or nothing: if any comment's anchor breaks
 * GitHub's rules the whole request is refused with 422 and nothing is stored. Without `event` the
 * review stays PENDING, and a user may hold only one pending review per PR.
 */
function createReview(ctx: RouteContext): ReturnType<RouteDefinition["handle"]> {
  const { state, body, operation } = ctx;
  const pull = requirePull(ctx);
  const commitId = typeof body.commit_id === "string" ? body.commit_id : pull.headSha;
  const files = filesAt(pull, commitId, operation.documentationUrl);
  const event = typeof body.event === "string" ? body.event : undefined;
  const reviewState = event ? EVENT_STATES[event] : "PENDING";
  if (!reviewState) throw unprocessable([`Unknown review event ${String(event)}`], operation.documentationUrl);
  const text = typeof body.body === "string" ? body.body : "";
  const comments = (body.comments ?? []) as Array<ThreadInput & { body: string }>;

  // "body: Required when using REQUEST_CHANGES or COMMENT"; GitHub lets inline comments stand in.
  if ((event === "REQUEST_CHANGES" || event === "COMMENT") && text.trim() === "" && comments.length === 0) {
    throw unprocessable([`Review body can't be blank when the event is ${event}`], operation.documentationUrl);
  }
  if (text !== "") checkCommentBody(text, "PullRequestReview", operation.documentationUrl);
  if (reviewState === "PENDING") {
    const pending = [...state.reviewsById.values()].some(
      (review) =>
        review.repo === ctx.repo.fullName &&
        review.pullNumber === pull.number &&
        review.author === state.botLogin &&
        review.state === "PENDING",
    );
    if (pending) throw unprocessable(["User can only have one pending review per pull request"], operation.documentationUrl);
  }

  const anchors: Array<{ anchor: ResolvedAnchor; body: string }> = [];
  for (const comment of comments) {
    checkCommentBody(comment.body, "PullRequestReviewComment", operation.documentationUrl);
    // `subject_type` exists only on the single-comment endpoint; a review's comments are lines.
    const result = resolveAnchor(files, { ...comment, subject_type: undefined });
    if (!result.ok) throw unprocessable(result.messages, operation.documentationUrl);
    anchors.push({ anchor: result.anchor, body: comment.body });
  }

  const review = storeReview(state, ctx.repo, pull, { state: reviewState, body: text, commitId, author: state.botLogin });
  for (const { anchor, body: commentBody } of anchors) storeReviewComment(state, review, anchor, { body: commentBody });
  return { status: 200, body: reviewJson(ctx.views, review) };
}

/** The PR's files as of `commitId`, which must be a head the PR has had. */
export function filesAt(pull: PullRecord, commitId: string, documentationUrl: string): PullFileRecord[] {
  const files = pull.revisions.get(commitId);
  if (!files) throw unprocessable([`No commit found for SHA: ${commitId}`], documentationUrl);
  return files;
}

function requireReview(ctx: RouteContext): ReviewRecord {
  const pull = requirePull(ctx);
  const review = ctx.state.reviewsById.get(Number(ctx.params.review_id));
  if (!review || review.repo !== ctx.repo.fullName || review.pullNumber !== pull.number) {
    throw notFound(ctx.operation.documentationUrl);
  }
  return review;
}
