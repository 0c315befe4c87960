/** An invalid `.github/patchwarden.yml`: one message listing every bad field path. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(
    message: string,
    /** Each problem as `path: reason`, e.g. `review.thresholds.security: expected number`. */
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}
