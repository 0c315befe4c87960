import { SUMMARY_MARKER } from "../review/render/summary-markdown.js";
import type { GitHubClient, RepoRef } from "../github/github-client.js";

/** Hidden marker in the sticky summary: the head commit the last review covered. */
export function reviewedShaMarker(sha: string): string {
  return `<!-- patchwarden:reviewed=${sha} -->`;
}

/** The last reviewed commit recorded in a summary body, if any. */
export function readReviewedSha(body: string): string | undefined {
  return /<!-- patchwarden:reviewed=([0-9a-f]{7,64}) -->/.exec(body)?.[1];
}

/**
 * The commit the App's last review of this PR covered, read from its sticky summary (written by
 * a bot, so a user quoting the marker cannot move the incremental base).
 */
export async function findLastReviewedSha(octokit: GitHubClient, params: RepoRef & { issueNumber: number }): Promise<string | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issueNumber,
    per_page: 100,
  });
  const summary = comments.find((c) => c.user?.type === "Bot" && (c.body ?? "").includes(SUMMARY_MARKER));
  return summary ? readReviewedSha(summary.body ?? "") : undefined;
}
