/**
 * Scripted failures: the next N requests matching a route answer with a given status instead of
 * being handled, optionally after a delay. Matching happens after routing and before auth and
 * validation, as an outage or a rate limiter in front of GitHub would.
 */
export interface FaultMatcher {
  /** Any method when omitted. */
  method?: string;
  /**
   * A path template as in GitHub's description (`/repos/{owner}/{repo}/pulls/{pull_number}/reviews`),
   * a concrete path (`/repos/acme/shop/pulls/7/reviews`), or a RegExp tested on the concrete path.
   */
  path: string | RegExp;
}

export interface FaultResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; defaults to `{ message }` for the status. */
  body?: unknown;
  /** Wait this long before answering (a slow GitHub, or a timeout test). */
  delayMs?: number;
}

interface PendingFault {
  matcher: FaultMatcher;
  response: FaultResponse;
  remaining: number;
}

export class FaultQueue {
  private readonly pending: PendingFault[] = [];

  add(matcher: FaultMatcher | string, response: FaultResponse, times: number): void {
    this.pending.push({ matcher: parseMatcher(matcher), response, remaining: times });
  }

  /** The fault for this request, consumed; undefined when none applies. */
  take(method: string, template: string | undefined, path: string): FaultResponse | undefined {
    const index = this.pending.findIndex(({ matcher }) => matches(matcher, method, template, path));
    const fault = this.pending[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return fault.response;
  }

  clear(): void {
    this.pending.length = 0;
  }
}

/** Accepts `"POST /repos/{owner}/{repo}/check-runs"` as shorthand for `{ method, path }`. */
function parseMatcher(matcher: FaultMatcher | string): FaultMatcher {
  if (typeof matcher !== "string") return matcher;
  const [first = "", ...rest] = matcher.trim().split(/\s+/);
  return rest.length > 0 ? { method: first, path: rest.join(" ") } : { path: first };
}

function matches(matcher: FaultMatcher, method: string, template: string | undefined, path: string): boolean {
  if (matcher.method && matcher.method.toUpperCase() !== method.toUpperCase()) return false;
  if (matcher.path instanceof RegExp) return matcher.path.test(path);
  return matcher.path === template || matcher.path === path;
}

const SECONDARY_DOCS =
  "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits";
const PRIMARY_DOCS =
  "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit";

/** Ready-made GitHub failures for `failNext`. */
export const faults = {
  /**
   * GitHub's secondary rate limit: 403 with `retry-after` and a message containing "secondary
   * rate limit", which @octokit/plugin-throttling recognizes.
   */
  secondaryRateLimit(retryAfterSeconds = 1): FaultResponse {
    return {
      status: 403,
      headers: { "retry-after": String(retryAfterSeconds) },
      body: {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE:0001.",
        documentation_url: SECONDARY_DOCS,
        status: "403",
      },
    };
  },
  /** The primary (hourly) limit: 403 with `x-ratelimit-remaining: 0` and the reset time. */
  primaryRateLimit(resetEpochSeconds = Math.floor(Date.now() / 1000) + 1): FaultResponse {
    return {
      status: 403,
      headers: {
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": "5000",
        "x-ratelimit-reset": String(resetEpochSeconds),
        "x-ratelimit-resource": "core",
      },
      body: { message: "API rate limit exceeded for installation.", documentation_url: PRIMARY_DOCS, status: "403" },
    };
  },
  /** 429 Too Many Requests with `retry-after`. */
  tooManyRequests(retryAfterSeconds = 1): FaultResponse {
    return {
      status: 429,
      headers: { "retry-after": String(retryAfterSeconds) },
      body: { message: "Too Many Requests", documentation_url: SECONDARY_DOCS, status: "429" },
    };
  },
  serverError(status: 500 | 502 | 503 | 504 = 502): FaultResponse {
    const message = { 500: "Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" }[status];
    return { status, body: { message, status: String(status) } };
  },
};
