/** Whether to try a failed call again, and how long the server asked us to wait first. */
export interface RetryDecision {
  retry: boolean;
  /** The server's own wait (`retry-after-ms` / `retry-after`), when it sent one. */
  afterMs?: number;
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

// Network failures worth a second try: the endpoint restarted or a proxy dropped the connection.
const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "UND_ERR_SOCKET"]);

/**
 * Classifies an HTTP client error the way the LLM layer retries: 429 and 5xx yes (waiting
 * `retry-after` when given), connection failures yes, every other 4xx no (the request itself is
 * wrong; sending it again changes nothing), timeouts and cancellations no. OpenAI's
 * `x-should-retry: false` vetoes a retry; it never makes a 4xx retryable.
 */
export function classifyHttpError(error: unknown): RetryDecision {
  if (typeof error !== "object" || error === null) return { retry: false };
  const err = error as { name?: unknown; status?: unknown; headers?: unknown; code?: unknown; cause?: unknown };
  // The openai SDK's error classes leave `name` as "Error": their constructor names tell them apart.
  const names = new Set([err.name, error.constructor?.name]);
  if (names.has("AbortError") || names.has("APIUserAbortError")) return { retry: false };
  // A call that ran into its timeout is slow, not broken: retrying multiplies the wait per chunk.
  if (names.has("APIConnectionTimeoutError") || names.has("TimeoutError")) return { retry: false };
  const headers = isHeaderSource(err.headers) ? err.headers : undefined;
  const afterMs = headers ? readRetryAfterMs(headers) : undefined;
  const hint = headers ? readHeader(headers, "x-should-retry") : undefined;
  if (typeof err.status === "number") {
    if (hint === "false") return { retry: false };
    const retry = err.status === 429 || err.status >= 500;
    return afterMs === undefined ? { retry } : { retry, afterMs };
  }
  if (names.has("APIConnectionError")) return { retry: true };
  const code = typeof err.code === "string" ? err.code : (err.cause as { code?: unknown } | undefined)?.code;
  return { retry: typeof code === "string" && TRANSIENT_CODES.has(code) };
}

/**
 * The wait a response asks for: `retry-after-ms` (OpenAI, milliseconds) first, then `retry-after`
 * as seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when absent or unreadable.
 */
export function readRetryAfterMs(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const ms = Number.parseFloat(readHeader(headers, "retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = readHeader(headers, "retry-after");
  if (value === undefined) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

function isHeaderSource(value: unknown): value is HeaderSource {
  return typeof value === "object" && value !== null;
}
