import { JobSupersededError, QueueShutdownError } from "../../src/queue/abort-reasons.js";
import { journalVerdict } from "../../src/queue/journal-verdict.js";
import { RetryableJobError, type RetryPolicy } from "../../src/queue/retry-policy.js";

const policy: RetryPolicy = { attempts: 3, backoffMs: 1000, maxBackoffMs: 60_000 };

function signalOf(reason?: Error): AbortSignal {
  const controller = new AbortController();
  if (reason) controller.abort(reason);
  return controller.signal;
}

/** An error of another copy of the module: same name, other class. */
function foreign(name: string): Error {
  const err = new Error("from another bundle");
  err.name = name;
  return err;
}

const retryable = new RetryableJobError("GitHub 502");

describe("journalVerdict", () => {
  it.each([
    ["a success", "done", { threw: false }],
    ["a final failure", "done", { threw: true, err: new Error("bad diff") }],
    ["a final failure while closing", "done", { threw: true, err: new Error("bad diff"), closing: true }],
    ["a retryable failure the queue will retry", "pending", { threw: true, err: retryable, attempt: 2 }],
    ["a retryable failure on the last attempt", "done", { threw: true, err: retryable, attempt: 3 }],
    ["a retryable failure while closing, even on the last attempt", "pending", { threw: true, err: retryable, attempt: 3, closing: true }],
    ["a retryable failure of another module copy", "pending", { threw: true, err: foreign("RetryableJobError"), attempt: 1 }],
    ["a shutdown abort the processor returned from", "pending", { threw: false, reason: new QueueShutdownError("j") }],
    ["a shutdown abort the processor threw on", "pending", { threw: true, err: new Error("aborted"), reason: new QueueShutdownError("j") }],
    ["a shutdown abort of another module copy", "pending", { threw: false, reason: foreign("QueueShutdownError") }],
    ["a superseded run", "done", { threw: false, reason: new JobSupersededError("j", "abc") }],
    ["a superseded run that threw a retryable error", "done", { threw: true, err: retryable, reason: new JobSupersededError("j", "abc") }],
  ] as const)("%s → %s", (_name, expected, end) => {
    const { reason, attempt, closing, ...rest } = { reason: undefined, attempt: 1, closing: false, ...end };
    expect(journalVerdict({ signal: signalOf(reason), attempt, closing, policy, ...rest })).toBe(expected);
  });
});
