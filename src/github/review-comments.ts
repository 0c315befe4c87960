import type { Finding } from "../review/finding.js";
import { renderCommentBody } from "../review/render/comment-body.js";
import { errorDetailsOf, errorTextOf, statusOf } from "./github-error-shape.js";
import { describeReviewComment } from "./github-errors.js";

/** One inline comment in `pulls.createReview`'s `comments[]`. */
export interface ReviewCommentInput {
  path: string;
  line: number;
  side: "LEFT" | "RIGHT";
  start_line?: number;
  start_side?: "LEFT" | "RIGHT";
  body: string;
}

/**
 * The inline comment for a finding, anchored by line and side (not the legacy `position`).
 * `start_line`/`start_side` only for a real range: GitHub refuses a start_line that does not
 * precede `line` ("start line must precede the end line").
 */
export function toReviewComment(finding: Finding): ReviewCommentInput {
  const comment: ReviewCommentInput = { path: finding.path, line: finding.line, side: finding.side, body: renderCommentBody(finding) };
  if (finding.startLine !== undefined && finding.startLine < finding.line) {
    comment.start_line = finding.startLine;
    comment.start_side = finding.side;
  }
  return comment;
}

/**
 * True when a 422 from createReview is about its inline comments (an anchor outside the diff, a
 * range across hunks, a bad path, a body too long) — something splitting the batch can isolate.
 * Other 422s (an unknown commit, a pending review already open) concern the review as a whole.
 */
export function isCommentRejection(err: unknown): boolean {
  if (statusOf(err) !== 422) return false;
  const text = errorTextOf(err);
  if (/pending review/i.test(text)) return false;
  return /review thread|PullRequestReviewComment|part of the diff|same hunk|diff hunk|position is invalid|path is invalid/i.test(text);
}

/** Why GitHub refused one comment, in words: "comment on line 12 of a.ts is outside the diff (GitHub: …)". */
export function describeRejection(comment: ReviewCommentInput, err: unknown): string {
  const details = errorDetailsOf(err).join("; ") || errorTextOf(err);
  const where = describeReviewComment({ ...comment });
  const outside = /part of the diff|same hunk|precede the end line/i.test(details);
  return `422: ${where} ${outside ? "is outside the diff" : "was refused"} (GitHub: ${details})`;
}
