import { userJson, WEB, type ViewContext } from "./json-views.js";
import type { IssueCommentRecord, ReactionRecord, ReviewCommentRecord, ReviewRecord } from "./state-records.js";

/** GitHub's JSON for conversation records: issue comments, reviews, review comments, reactions. */
export function issueCommentJson(ctx: ViewContext, comment: IssueCommentRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${comment.repo}`;
  return {
    id: comment.id,
    node_id: `IC_fake${comment.id}`,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${WEB}/${comment.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(ctx, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.author === ctx.state.botLogin ? "NONE" : "CONTRIBUTOR",
  };
}

export function reviewJson(ctx: ViewContext, review: ReviewRecord): Record<string, unknown> {
  const pullApi = `${ctx.apiUrl}/repos/${review.repo}/pulls/${review.pullNumber}`;
  const html = `${WEB}/${review.repo}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: `PRR_fake${review.id}`,
    user: userJson(ctx, review.author),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullApi,
    _links: { html: { href: html }, pull_request: { href: pullApi } },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId,
    author_association: "NONE",
  };
}

export function reviewCommentJson(ctx: ViewContext, comment: ReviewCommentRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${comment.repo}`;
  const self = `${api}/pulls/comments/${comment.id}`;
  const html = `${WEB}/${comment.repo}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullApi = `${api}/pulls/${comment.pullNumber}`;
  return {
    url: self,
    id: comment.id,
    node_id: `PRRC_fake${comment.id}`,
    pull_request_review_id: comment.reviewId,
    diff_hunk: comment.diffHunk,
    path: comment.path,
    // File-level comments have no position; the schema types `position` as a non-null integer.
    ...(comment.position !== null ? { position: comment.position, original_position: comment.position } : {}),
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    ...(comment.inReplyToId !== undefined ? { in_reply_to_id: comment.inReplyToId } : {}),
    user: userJson(ctx, comment.author),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullApi,
    author_association: comment.author === ctx.state.botLogin ? "NONE" : "CONTRIBUTOR",
    _links: { self: { href: self }, html: { href: html }, pull_request: { href: pullApi } },
    subject_type: comment.subjectType,
    ...(comment.line !== null ? { line: comment.line, original_line: comment.line, side: comment.side } : {}),
    ...(comment.startLine !== null
      ? { start_line: comment.startLine, original_start_line: comment.startLine, start_side: comment.startSide }
      : { start_line: null, original_start_line: null, start_side: null }),
  };
}

export function reactionJson(ctx: ViewContext, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: `REA_fake${reaction.id}`,
    user: userJson(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
