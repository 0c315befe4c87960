import { readFingerprints } from "../review/render/comment-body.js";
import type { GitHubClient, RepoRef } from "./github-client.js";

/** The author of a comment as GitHub's REST API describes it. */
export interface CommentAuthor {
  login?: string;
  type?: string;
}

/**
 * True when the comment was written by a GitHub App (`user.type === "Bot"`), and by the given bot
 * login when one is named. People can paste our hidden markers into their own comments; only an
 * App's comment may speak for what patchwarden posted.
 */
export function isBotAuthor(user: CommentAuthor | null | undefined, botLogin?: string): boolean {
  if (!user || user.type !== "Bot") return false;
  return botLogin === undefined || user.login?.toLowerCase() === botLogin.toLowerCase();
}

/**
 * Fingerprints of the findings already posted on a PR: read from the hidden markers of every
 * review comment (`pulls.listReviewComments`, 100 a page) written by a bot — by `botLogin`
 * (e.g. "patchwarden[bot]") when given. The review pipeline never posts these again.
 */
export async function readPostedFingerprints(
  octokit: GitHubClient,
  params: RepoRef & { pullNumber: number; botLogin?: string },
): Promise<Set<string>> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
    owner: params.owner,
    repo: params.repo,
    pull_number: params.pullNumber,
    per_page: 100,
  });
  const fingerprints = new Set<string>();
  for (const comment of comments) {
    if (!isBotAuthor(comment.user, params.botLogin)) continue;
    for (const fingerprint of readFingerprints(comment.body)) fingerprints.add(fingerprint);
  }
  return fingerprints;
}
