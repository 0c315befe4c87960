/** What kind of misuse an {@link LlmError} reports. */
export type LlmErrorCode =
  /** A scripted LLM got a call its script does not have (or the script was not used up). */
  | "unexpected-call"
  /** A recorded exchange no longer fits the request (e.g. its value fails the schema). */
  | "replay-mismatch"
  /** A recording file that cannot be read as recorded exchanges. */
  | "bad-recording"
  /** The LLM configuration cannot work (e.g. no model). */
  | "bad-config";

/**
 * A defect in how the LLM layer is used, not a model or network failure (those are
 * `LlmResult`s). Thrown loudly so a test or a misconfiguration fails where it happens.
 */
export class LlmError extends Error {
  override readonly name = "LlmError";

  constructor(
    readonly code: LlmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
