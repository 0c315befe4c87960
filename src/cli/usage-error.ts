/** Bad input or usage: the CLI prints the one-line message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
