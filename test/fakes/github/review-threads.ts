import type { FakeGitHubState } from "./fake-state.js";
import type { ResolvedAnchor } from "./review-anchors.js";
import type { PullRecord, RepoRecord, ReviewCommentRecord, ReviewRecord, ReviewState } from "./state-records.js";

/**
 * Storing reviews and their comments. GitHub wraps every review comment in a review: a comment
 * created alone (`POST .../pulls/{n}/comments`, or a reply) gets its own review in state
 * COMMENTED, which then shows in the PR's review list.
 */
export function storeReview(
  state: FakeGitHubState,
  repo: RepoRecord,
  pull: PullRecord,
  input: { state: ReviewState; body: string; commitId: string; author: string },
): ReviewRecord {
  const review: ReviewRecord = {
    id: state.nextId(),
    repo: repo.fullName,
    pullNumber: pull.number,
    state: input.state,
    body: input.body,
    commitId: input.commitId,
    author: input.author,
    ...(input.state === "PENDING" ? {} : { submittedAt: state.timestamp() }),
    commentIds: [],
  };
  state.reviewsById.set(review.id, review);
  return review;
}

export function storeReviewComment(
  state: FakeGitHubState,
  review: ReviewRecord,
  anchor: ResolvedAnchor,
  input: { body: string; inReplyToId?: number },
): ReviewCommentRecord {
  const now = state.timestamp();
  const comment: ReviewCommentRecord = {
    id: state.nextId(),
    repo: review.repo,
    pullNumber: review.pullNumber,
    reviewId: review.id,
    ...(input.inReplyToId !== undefined ? { inReplyToId: input.inReplyToId } : {}),
    path: anchor.path,
    subjectType: anchor.subjectType,
    line: anchor.line,
    side: anchor.side,
    startLine: anchor.startLine,
    startSide: anchor.startSide,
    position: anchor.position,
    diffHunk: anchor.diffHunk,
    commitId: review.commitId,
    body: input.body,
    author: review.author,
    createdAt: now,
    updatedAt: now,
  };
  state.reviewCommentsById.set(comment.id, comment);
  review.commentIds.push(comment.id);
  return comment;
}

/** A reply joins the thread of its root comment, at the root's anchor. */
export function storeReply(
  state: FakeGitHubState,
  repo: RepoRecord,
  pull: PullRecord,
  parent: ReviewCommentRecord,
  body: string,
  author: string,
): ReviewCommentRecord {
  const rootId = parent.inReplyToId ?? parent.id;
  const root = state.reviewCommentsById.get(rootId) ?? parent;
  const review = storeReview(state, repo, pull, { state: "COMMENTED", body: "", commitId: root.commitId, author });
  return storeReviewComment(state, review, anchorOf(root), { body, inReplyToId: rootId });
}

export function anchorOf(comment: ReviewCommentRecord): ResolvedAnchor {
  return {
    path: comment.path,
    subjectType: comment.subjectType,
    line: comment.line,
    side: comment.side,
    startLine: comment.startLine,
    startSide: comment.startSide,
    position: comment.position,
    diffHunk: comment.diffHunk,
  };
}
