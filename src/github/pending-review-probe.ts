import type { GitHubClient, RepoRef } from "./github-client.js";
import { errorTextOf, statusOf } from "./github-error-shape.js";
import type { ProbeOutcome } from "./isolate-failures.js";
import { isBotAuthor } from "./posted-fingerprints.js";
import { isCommentRejection, type ReviewCommentInput } from "./review-comments.js";

export interface PendingProbeTarget extends RepoRef {
  pullNumber: number;
  commitId: string;
  botLogin?: string;
}

/**
 * Deletes the bot's pending reviews on the PR. GitHub shows a pending review only to its author,
 * so every PENDING review a bot lists is its own; one left behind (a probe interrupted between
 * create and delete) would block the next with "can only have one pending review".
 */
export async function deletePendingReviews(octokit: GitHubClient, target: PendingProbeTarget): Promise<number> {
  const { owner, repo, pullNumber } = target;
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const pending = reviews.filter((r) => r.state === "PENDING" && isBotAuthor(r.user, target.botLogin));
  for (const review of pending) {
    await octokit.rest.pulls.deletePendingReview({ owner, repo, pull_number: pullNumber, review_id: review.id });
  }
  return pending.length;
}

/**
 * A probe that asks GitHub whether it would accept these inline comments, without anyone seeing
 * them: it creates a PENDING review (no `event`; GitHub anchors and validates its comments the
 * same way, but shows it to nobody else and notifies nobody) and deletes it straight away.
 * A passing probe costs 2 requests, a failing one 1. Errors other than a comment-level 422
 * propagate.
 */
export function createPendingReviewProbe(octokit: GitHubClient, target: PendingProbeTarget): (comments: ReviewCommentInput[]) => Promise<ProbeOutcome> {
  const { owner, repo, pullNumber, commitId } = target;
  const create = (comments: ReviewCommentInput[]) =>
    octokit.rest.pulls.createReview({ owner, repo, pull_number: pullNumber, commit_id: commitId, comments });

  return async (comments) => {
    let review;
    try {
      ({ data: review } = await create(comments));
    } catch (error) {
      if (isCommentRejection(error)) return { ok: false, error };
      if (statusOf(error) !== 422 || !/pending review/i.test(errorTextOf(error))) throw error;
      // A pending review of ours is in the way: clear it and try once more.
      if ((await deletePendingReviews(octokit, target)) === 0) throw error;
      try {
        ({ data: review } = await create(comments));
      } catch (retryError) {
        if (isCommentRejection(retryError)) return { ok: false, error: retryError };
        throw retryError;
      }
    }
    await octokit.rest.pulls.deletePendingReview({ owner, repo, pull_number: pullNumber, review_id: review.id });
    return { ok: true };
  };
}
