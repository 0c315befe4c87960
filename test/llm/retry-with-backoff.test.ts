import { afterEach, beforeEach, describe, expect, jest, test } from "@jest/globals";
import { classifyHttpError, readRetryAfterMs } from "../../src/llm/retry-decision.js";
import { retryWithBackoff } from "../../src/llm/retry-with-backoff.js";

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** A function failing with `errors` in turn, then answering "done". */
function failing(...errors: unknown[]) {
  const calls: number[] = [];
  const fn = async (attempt: number) => {
    calls.push(attempt);
    const error = errors.shift();
    if (error) throw error;
    return "done";
  };
  return { fn, calls };
}

describe("retryWithBackoff", () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  test("jittered exponential waits, capped at maxMs", async () => {
    const { fn } = failing(new HttpError(500), new HttpError(502), new HttpError(503), new HttpError(500));
    const delays: number[] = [];
    const done = retryWithBackoff(fn, { attempts: 5, baseMs: 100, maxMs: 300, random: () => 0.5, onRetry: ({ delayMs }) => delays.push(delayMs) });
    await jest.runAllTimersAsync();

    await expect(done).resolves.toBe("done");
    // Half fixed plus half times random(0.5): 75% of 100, 200, then the 300 cap twice.
    expect(delays).toEqual([75, 150, 225, 225]);
  });

  test("the jitter spans half to all of a step", async () => {
    const delays: number[] = [];
    for (const r of [0, 0.999]) {
      const { fn } = failing(new HttpError(500));
      const done = retryWithBackoff(fn, { attempts: 2, baseMs: 1000, maxMs: 10_000, random: () => r, onRetry: ({ delayMs }) => delays.push(delayMs) });
      await jest.runAllTimersAsync();
      await done;
    }
    expect(delays[0]).toBe(500);
    expect(delays[1]).toBeCloseTo(999.5);
  });

  test("retry-after is waited exactly, instead of the backoff step", async () => {
    const { fn } = failing(new HttpError(429, { "retry-after": "2" }));
    const delays: number[] = [];
    const done = retryWithBackoff(fn, { attempts: 3, baseMs: 10, maxMs: 5000, onRetry: ({ delayMs }) => delays.push(delayMs) });
    await jest.advanceTimersByTimeAsync(1999);
    expect(delays).toEqual([2000]);
    await jest.advanceTimersByTimeAsync(1);

    await expect(done).resolves.toBe("done");
  });

  test("gives up with the last error when attempts run out", async () => {
    const last = new HttpError(503);
    const { fn, calls } = failing(new HttpError(500), new HttpError(502), last);
    const done = retryWithBackoff(fn, { attempts: 3, baseMs: 1, maxMs: 10 });
    const settled = expect(done).rejects.toBe(last);
    await jest.runAllTimersAsync();

    await settled;
    expect(calls).toEqual([1, 2, 3]);
  });

  test.each([
    ["400", new HttpError(400)],
    ["401", new HttpError(401)],
    ["404", new HttpError(404)],
    ["422", new HttpError(422)],
    ["a plain Error", new Error("bug")],
  ])("%s is not retried", async (_name, error) => {
    const { fn, calls } = failing(error);
    await expect(retryWithBackoff(fn, { attempts: 3, baseMs: 1, maxMs: 10 })).rejects.toBe(error);
    expect(calls).toEqual([1]);
  });

  test("aborting during a wait rejects with the signal's reason and calls no more", async () => {
    const controller = new AbortController();
    const { fn, calls } = failing(new HttpError(500));
    const done = retryWithBackoff(fn, { attempts: 3, baseMs: 1000, maxMs: 1000, signal: controller.signal });
    const settled = expect(done).rejects.toThrow("superseded");
    await jest.advanceTimersByTimeAsync(100);
    controller.abort(new Error("superseded"));
    await jest.runAllTimersAsync();

    await settled;
    expect(calls).toEqual([1]);
  });
});

describe("classifyHttpError", () => {
  test.each([
    ["429", new HttpError(429), { retry: true }],
    ["429 + retry-after-ms", new HttpError(429, { "retry-after-ms": "250" }), { retry: true, afterMs: 250 }],
    ["500", new HttpError(500), { retry: true }],
    ["503 + retry-after", new HttpError(503, { "Retry-After": "3" }), { retry: true, afterMs: 3000 }],
    ["500 with x-should-retry: false", new HttpError(500, { "x-should-retry": "false" }), { retry: false }],
    ["409 even with x-should-retry: true", new HttpError(409, { "x-should-retry": "true" }), { retry: false }],
    ["400", new HttpError(400), { retry: false }],
    ["ECONNRESET", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), { retry: true }],
    ["fetch failed caused by ECONNREFUSED", new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }), { retry: true }],
    ["AbortError", Object.assign(new Error("aborted"), { name: "AbortError" }), { retry: false }],
    ["TimeoutError", Object.assign(new Error("slow"), { name: "TimeoutError" }), { retry: false }],
    ["not an object", "boom", { retry: false }],
  ])("%s", (_name, error, expected) => {
    expect(classifyHttpError(error)).toEqual(expected);
  });
});

describe("readRetryAfterMs", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  test.each([
    [{ "retry-after": "1.5" }, 1500],
    [{ "retry-after-ms": "20", "retry-after": "9" }, 20],
    [{ "retry-after": "Sun, 01 Jun 2025 12:00:07 GMT" }, 7000],
    [{ "retry-after": "Sun, 01 Jun 2025 11:00:00 GMT" }, 0],
    [{ "retry-after": "soon" }, undefined],
    [{}, undefined],
  ])("%j → %s", (headers, expected) => {
    expect(readRetryAfterMs(headers, now)).toBe(expected);
  });

  test("reads a fetch Headers object too", () => {
    expect(readRetryAfterMs(new Headers({ "Retry-After": "4" }), now)).toBe(4000);
  });
});
