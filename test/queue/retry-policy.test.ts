import { RetryableJobError, defaultRetryPolicy, isRetryableJobError, retryDelayMs, shouldRetry } from "../../src/queue/retry-policy.js";

describe("retry policy", () => {
  const policy = { attempts: 3, backoffMs: 1000, maxBackoffMs: 5000 };

  it.each([
    [1, new RetryableJobError("x"), 1000],
    [2, new RetryableJobError("x"), 2000],
    [3, new RetryableJobError("x"), 4000],
    [4, new RetryableJobError("x"), 5000], // capped
    [1, new RetryableJobError("x", { retryAfterMs: 3000 }), 3000], // retry-after wins when longer
    [3, new RetryableJobError("x", { retryAfterMs: 10 }), 4000], // backoff wins when longer
    [1, new RetryableJobError("x", { retryAfterMs: 90_000 }), 5000], // capped too
  ])("after attempt %i waits as asked", (attempt, err, expected) => {
    expect(retryDelayMs(policy, attempt, err)).toBe(expected);
  });

  it("retries only RetryableJobError, and only below the attempt limit", () => {
    expect(shouldRetry(policy, 1, new RetryableJobError("x"))).toBe(true);
    expect(shouldRetry(policy, 2, new RetryableJobError("x"))).toBe(true);
    expect(shouldRetry(policy, 3, new RetryableJobError("x"))).toBe(false);
    expect(shouldRetry(policy, 1, new Error("x"))).toBe(false);
    expect(shouldRetry(policy, 1, "a string")).toBe(false);
  });

  it("recognizes a RetryableJobError from another copy of the module by name", () => {
    const foreign = Object.assign(new Error("x"), { name: "RetryableJobError" });
    expect(isRetryableJobError(foreign)).toBe(true);
    expect(isRetryableJobError(new Error("x"))).toBe(false);
  });

  it("defaults to three attempts", () => {
    expect(defaultRetryPolicy.attempts).toBe(3);
  });
});
