import { errorDetailsOf, hasResponse, headerOf, messageOf, nameOf, networkCodeOf, requestOf, statusOf } from "./github-error-shape.js";

// "If you exceed a secondary rate limit … wait for at least one minute before retrying" when no
// retry-after header says otherwise
// (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit).
const SECONDARY_FALLBACK_MS = 60_000;
const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_\w+)$/;

/** Names of the calls patchwarden makes, for messages a person reads (method + path pattern). */
const OPERATIONS: Array<[string, RegExp, string]> = [
  ["POST", /\/pulls\/\d+\/reviews$/, "createReview"],
  ["DELETE", /\/pulls\/\d+\/reviews\/\d+$/, "deletePendingReview"],
  ["GET", /\/pulls\/\d+\/files$/, "pulls.listFiles"],
  ["GET", /\/pulls\/\d+\/comments$/, "pulls.listReviewComments"],
  ["GET", /\/compare\/[^/]+/, "repos.compareCommits"],
  ["GET", /\/contents\//, "repos.getContent"],
  ["GET", /\/git\/trees\//, "git.getTree"],
  ["POST", /\/issues\/\d+\/comments$/, "issues.createComment"],
  ["PATCH", /\/issues\/comments\/\d+$/, "issues.updateComment"],
  ["GET", /\/issues\/\d+\/comments$/, "issues.listComments"],
  ["POST", /\/check-runs$/, "checks.create"],
  ["PATCH", /\/check-runs\/\d+$/, "checks.update"],
  ["GET", /\/commits\/[^/]+\/check-runs$/, "checks.listForRef"],
  ["GET", /\/collaborators\/[^/]+\/permission$/, "repos.getCollaboratorPermissionLevel"],
];

function operationOf(err: unknown): string {
  const request = requestOf(err);
  if (!request) return "GitHub request";
  const known = OPERATIONS.find(([method, pattern]) => method === request.method && pattern.test(request.path));
  return known ? known[2] : `${request.method} ${request.path}`;
}

function repoOf(err: unknown): string | undefined {
  const match = /^\/repos\/([^/]+)\/([^/]+)/.exec(requestOf(err)?.path ?? "");
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** True for GitHub's secondary (abuse) rate limit: 403 or 429 whose message says so. */
export function isSecondaryRateLimit(err: unknown): boolean {
  const status = statusOf(err);
  return (status === 403 || status === 429) && /secondary rate limit|abuse/i.test(messageOf(err));
}

function isPrimaryRateLimit(err: unknown): boolean {
  return (statusOf(err) === 403 || statusOf(err) === 429) && headerOf(err, "x-ratelimit-remaining") === "0";
}

/**
 * How long to wait before retrying, from GitHub's answer: `retry-after` (seconds, or an HTTP
 * date), else `x-ratelimit-reset` when the primary limit is spent, else one minute for a secondary
 * limit. Undefined when the answer gives no reason to wait.
 */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | undefined {
  const retryAfter = headerOf(err, "retry-after");
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headerOf(err, "x-ratelimit-reset"));
  if (isPrimaryRateLimit(err) && Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  if (isSecondaryRateLimit(err)) return SECONDARY_FALLBACK_MS;
  return undefined;
}

/**
 * True when the same request may well succeed later: GitHub 5xx, 429, rate limits (primary or
 * secondary), timeouts and dropped connections. Octokit reports a request that got no answer as
 * status 500 (or an AbortError), which counts as retryable too.
 */
export function isRetryableGitHubError(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return status >= 500 || status === 429 || isSecondaryRateLimit(err) || isPrimaryRateLimit(err);
  const name = nameOf(err);
  if (name === "AbortError" || name === "TimeoutError") return true;
  return NETWORK_CODES.test(networkCodeOf(err) ?? "");
}

/** "comment on line 40 of a.ts", from an inline comment as sent to createReview. */
export function describeReviewComment(comment: Record<string, unknown>): string {
  const side = comment.side === "LEFT" ? " (deleted side)" : "";
  const lines = typeof comment.start_line === "number" ? `lines ${comment.start_line}-${String(comment.line)}` : `line ${String(comment.line)}`;
  return `comment on ${lines}${side} of ${String(comment.path)}`;
}

function describe422(err: unknown, operation: string): string {
  const details = errorDetailsOf(err);
  const text = details.length ? details.join("; ") : messageOf(err);
  if (operation === "createReview" && /part of the diff|must be part of the same hunk|path is invalid|position is invalid/i.test(text)) {
    const comments = requestOf(err)?.body?.comments;
    const only = Array.isArray(comments) && comments.length === 1 ? (comments[0] as Record<string, unknown>) : undefined;
    const where = only ? describeReviewComment(only) : "a comment (GitHub does not say which)";
    return `422 on createReview: ${where} is outside the diff`;
  }
  return `422 on ${operation}: ${text}`;
}

/**
 * One line of advice about a failed GitHub call, for logs, check-run summaries and the CLI:
 * "422 on createReview: comment on line 40 of a.ts is outside the diff",
 * "403 secondary rate limit: retry after 60 s", "404: the App cannot see acme/shop — is it installed?".
 */
export function describeGitHubError(err: unknown): string {
  const status = statusOf(err);
  const operation = operationOf(err);
  // Octokit reports a request that got no answer at all as status 500 without a response.
  if (status === undefined || !hasResponse(err)) {
    if (requestOf(err) || isRetryableGitHubError(err)) {
      return `no answer from GitHub on ${operation}: ${messageOf(err)} (network error or timeout; retry)`;
    }
    // Not a GitHub failure at all (a bug, a parse error): its own message is the best advice.
    return messageOf(err);
  }
  const wait = retryAfterMs(err);
  const after = wait === undefined ? "" : `: retry after ${Math.ceil(wait / 1000)} s`;
  if (isSecondaryRateLimit(err)) return `${status} secondary rate limit${after || `: retry after ${SECONDARY_FALLBACK_MS / 1000} s`}`;
  if (isPrimaryRateLimit(err)) return `${status} rate limit exhausted for this installation${after}`;
  const repo = repoOf(err);
  switch (status) {
    case 401:
      return `401 on ${operation}: bad credentials — the installation token expired or the App's private key is wrong`;
    case 403:
      if (/not accessible by integration/i.test(messageOf(err))) {
        return `403 on ${operation}: the App lacks a permission this call needs — check the App's permissions and that the installation accepted them`;
      }
      return `403 on ${operation}: ${messageOf(err)}`;
    case 404:
      return repo && operation !== "repos.getContent"
        ? `404 on ${operation}: the App cannot see ${repo} (or what it named there) — is it installed?`
        : `404 on ${operation}: not found`;
    case 422:
      return describe422(err, operation);
    case 429:
      return `429 too many requests on ${operation}${after}`;
    default:
      if (status >= 500) return `${status} from GitHub on ${operation}: ${messageOf(err)} (GitHub-side failure; retry)`;
      return `${status} on ${operation}: ${messageOf(err)}`;
  }
}
