/**
 * Thrown by `parseUnifiedDiff` when its input is not a unified diff, or is one whose structure
 * cannot be trusted (a hunk whose lines disagree with its header). The message is one line meant
 * for a person: the CLI prints it as its exit-2 reason.
 */
export class DiffParseError extends Error {
  override readonly name = "DiffParseError";
  /** 1-based line of the input the problem was found on, when there is one. */
  readonly line?: number;

  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** Quotes a piece of input for an error message: escaped, on one line, at most 60 characters. */
export function quoteInput(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(cut);
}
