import { SUMMARY_MARKER } from "../review/render/summary-markdown.js";
import type { GitHubClient, RepoRef } from "./github-client.js";
import { isBotAuthor } from "./posted-fingerprints.js";
import { MAX_COMMENT_CHARS, truncateText } from "./text-limits.js";

const TRUNCATED_NOTE = "\n\n> … the rest of this summary was cut: GitHub comments hold at most 65,536 characters.\n";

export interface UpsertSummaryParams extends RepoRef {
  /** The PR (or issue) number: a PR's conversation comments are issue comments. */
  issueNumber: number;
  /** The summary markdown; the marker is added in front when it is missing. */
  body: string;
  /** Only a comment by this bot login counts as ours (e.g. "patchwarden[bot]"); any bot otherwise. */
  botLogin?: string;
}

/**
 * Keeps one sticky summary comment per PR: finds the bot's comment carrying SUMMARY_MARKER among
 * the issue comments (100 a page) and edits it in place, or creates it. Comments by people are
 * never taken over, even when they quote the marker. An unchanged body is not sent again.
 * Bodies over GitHub's 65,536-character limit are cut with a note rather than refused with 422.
 */
export async function upsertSummaryComment(
  octokit: GitHubClient,
  params: UpsertSummaryParams & {
    /** The sticky comment when the caller already looked it up (null: known to be absent). */
    existing?: SummaryComment | null;
  },
): Promise<{ commentId: number; created: boolean }> {
  const { owner, repo, issueNumber } = params;
  const marked = params.body.includes(SUMMARY_MARKER) ? params.body : `${SUMMARY_MARKER}\n${params.body}`;
  const body = truncateText(marked, MAX_COMMENT_CHARS, TRUNCATED_NOTE);

  const existing = params.existing === undefined ? await findSummaryComment(octokit, params) : params.existing;
  if (existing) {
    if (existing.body !== body) await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { commentId: existing.id, created: false };
  }
  const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  return { commentId: data.id, created: true };
}

/** The App's sticky summary comment on a PR. */
export interface SummaryComment {
  id: number;
  body?: string | null;
}

/**
 * Finds the bot's comment carrying SUMMARY_MARKER among the issue comments (100 a page); a
 * person's comment quoting the marker never counts.
 */
export async function findSummaryComment(
  octokit: GitHubClient,
  params: RepoRef & { issueNumber: number; botLogin?: string },
): Promise<SummaryComment | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: params.owner,
    repo: params.repo,
    issue_number: params.issueNumber,
    per_page: 100,
  });
  return comments.find((c) => isBotAuthor(c.user, params.botLogin) && (c.body ?? "").includes(SUMMARY_MARKER));
}
