import type { Finding } from "../review/finding.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { isolateFailures } from "./isolate-failures.js";
import { createPendingReviewProbe } from "./pending-review-probe.js";
import { describeRejection, isCommentRejection, toReviewComment, type ReviewCommentInput } from "./review-comments.js";
import { MAX_COMMENT_CHARS, truncateText } from "./text-limits.js";

export interface PostReviewParams extends RepoRef {
  pullNumber: number;
  /** The head the findings were computed on; comments anchor to this commit's diff. */
  commitId: string;
  findings: Finding[];
  /** The review's own text (optional: the inline comments can stand alone). */
  body?: string;
  /** The App's bot login, to recognise its own leftover pending reviews. Any bot otherwise. */
  botLogin?: string;
}

export interface PostReviewResult {
  /** The posted review; undefined when nothing was posted. */
  reviewId?: number;
  posted: Finding[];
  /** Findings GitHub would not take as inline comments (or that break its limits), and why. */
  rejected: Array<{ finding: Finding; reason: string }>;
}

/** Rounds that look for a single culprit before isolation looks for all of them at once. */
const FIND_ONE_ROUNDS = 2;

interface Candidate {
  finding: Finding;
  comment: ReviewCommentInput;
}

/**
 * Posts the findings as ONE review (`event: "COMMENT"`) with an inline comment each.
 *
 * GitHub takes a review all or nothing: one comment outside the diff gets the whole request a
 * 422 that does not say which. Then the culprits are found by halving the batch with invisible
 * PENDING-review probes (see createPendingReviewProbe), moved to `rejected`, and the rest posted
 * in one review, so people still see a single review.
 *
 * Requests: none without findings; 1 when GitHub accepts the batch. Otherwise each round is
 * 1 refused createReview + probes (2 requests for a half that passes: create + delete, 1 for one
 * that fails) and ends with the next real createReview. One bad comment among 10 costs 6-8
 * requests in all (1 among 50: 8-13); two among 10 about 11-13. Only one review is ever visible.
 * Under Probot's throttling each review request waits about 3 s (reviews notify people).
 * 5xx and rate-limit errors propagate for the worker to retry, as do 422s about the review as a
 * whole (an unknown commit); the latter read well through describeGitHubError.
 */
export async function postReview(octokit: GitHubClient, params: PostReviewParams): Promise<PostReviewResult> {
  const { owner, repo, pullNumber, commitId } = params;
  const rejected: PostReviewResult["rejected"] = [];
  let candidates: Candidate[] = [];
  for (const finding of params.findings) {
    const comment = toReviewComment(finding);
    if (comment.body.length > MAX_COMMENT_CHARS) {
      rejected.push({ finding, reason: `comment body is over GitHub's ${MAX_COMMENT_CHARS}-character limit` });
    } else {
      candidates.push({ finding, comment });
    }
  }
  const body = params.body === undefined ? undefined : truncateText(params.body, MAX_COMMENT_CHARS);
  const probe = createPendingReviewProbe(octokit, params);

  // Every round either posts or removes at least one culprit, so this ends. The first rounds
  // look for one culprit each (cheapest when one comment is bad); later ones for all at once.
  for (let round = 1; candidates.length > 0; round++) {
    try {
      const { data } = await octokit.rest.pulls.createReview({
        owner,
        repo,
        pull_number: pullNumber,
        commit_id: commitId,
        event: "COMMENT",
        ...(body !== undefined ? { body } : {}),
        comments: candidates.map((c) => c.comment),
      });
      return { reviewId: data.id, posted: candidates.map((c) => c.finding), rejected };
    } catch (error) {
      if (!isCommentRejection(error)) throw error;
      const mode = round <= FIND_ONE_ROUNDS ? "first" : "all";
      const culprits = await isolateFailures(candidates, error, (batch) => probe(batch.map((c) => c.comment)), mode);
      for (const { item, error: cause } of culprits) rejected.push({ finding: item.finding, reason: describeRejection(item.comment, cause) });
      const bad = new Set(culprits.map((c) => c.item));
      candidates = candidates.filter((c) => !bad.has(c));
    }
  }
  return { posted: [], rejected };
}
