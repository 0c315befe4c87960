/**
 * Reading Octokit's RequestError without importing it: `@octokit/request-error` is not a direct
 * dependency, and Probot may bundle its own copy, so `instanceof` would be unreliable anyway.
 * Every reader here accepts `unknown` and answers undefined for anything else.
 */

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  request?: { method?: unknown; url?: unknown; body?: unknown };
  response?: { headers?: Record<string, unknown>; data?: unknown };
}

const asErrorLike = (err: unknown): ErrorLike => (typeof err === "object" && err !== null ? (err as ErrorLike) : {});

/** The HTTP status GitHub answered with; undefined when no answer came (or not an HTTP error). */
export function statusOf(err: unknown): number | undefined {
  const status = asErrorLike(err).status;
  return typeof status === "number" && status > 0 ? status : undefined;
}

/** True when GitHub answered (as opposed to a dropped connection or a timeout). */
export function hasResponse(err: unknown): boolean {
  return asErrorLike(err).response !== undefined;
}

/** A response header, by lower-case name. */
export function headerOf(err: unknown, name: string): string | undefined {
  const value = asErrorLike(err).response?.headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** GitHub's `message` from the error body, or the error's own message. */
export function messageOf(err: unknown): string {
  const data = asErrorLike(err).response?.data;
  if (typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string") {
    return (data as { message: string }).message;
  }
  const message = asErrorLike(err).message;
  return typeof message === "string" ? message : String(err);
}

/**
 * GitHub's `errors` array as plain sentences. It comes in two shapes: strings (review threads:
 * "Pull request review thread line must be part of the diff and …") and objects
 * (`{resource, code, field, message}`, "Validation Failed").
 */
export function errorDetailsOf(err: unknown): string[] {
  const data = asErrorLike(err).response?.data;
  const errors = typeof data === "object" && data !== null ? (data as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.map((entry) => {
    if (typeof entry === "string") return entry;
    const e = (entry ?? {}) as { resource?: unknown; code?: unknown; field?: unknown; message?: unknown };
    if (typeof e.message === "string") return e.message;
    return [e.resource, e.field, e.code].filter((part) => typeof part === "string").join(" ");
  });
}

/** Everything GitHub said about a failure, as one string to match wording against. */
export function errorTextOf(err: unknown): string {
  const data = asErrorLike(err).response?.data;
  return [messageOf(err), typeof data === "object" && data !== null ? JSON.stringify(data) : ""].join(" ");
}

/** The request that failed: method, path (no host, no query) and JSON body when there was one. */
export function requestOf(err: unknown): { method: string; path: string; body?: Record<string, unknown> } | undefined {
  const request = asErrorLike(err).request;
  if (!request || typeof request.url !== "string") return undefined;
  let path = request.url;
  try {
    path = new URL(request.url, "https://api.github.com").pathname;
  } catch {
    // Keep the raw url.
  }
  let body = request.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body);
    } catch {
      body = undefined;
    }
  }
  return {
    method: typeof request.method === "string" ? request.method.toUpperCase() : "GET",
    path: decodeURIComponent(path),
    body: typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined,
  };
}

/** Node's network error code (`ECONNRESET`, `UND_ERR_CONNECT_TIMEOUT`...) on the error or its cause. */
export function networkCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = asErrorLike(e).cause, depth++) {
    const code = asErrorLike(e).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** The error's name (`HttpError`, `AbortError`, `TimeoutError`). */
export function nameOf(err: unknown): string | undefined {
  const name = asErrorLike(err).name;
  return typeof name === "string" ? name : undefined;
}
