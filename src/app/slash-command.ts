/** A command a user typed in a comment: `/review`, `/fix`, … */
export interface SlashCommand {
  name: string;
  args: string[];
}

/** Commands patchwarden answers; anything else starting with `/` is someone else's. */
export const KNOWN_COMMANDS = new Set(["review", "fix"]);

/**
 * Reads a command from the first non-empty line of a comment that is not quoted text. Only the
 * first line counts, so a command mentioned in prose or in a quoted reply does not fire.
 */
export function parseSlashCommand(body: string | null | undefined): SlashCommand | undefined {
  if (!body) return undefined;
  const first = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!first || first.startsWith(">")) return undefined;
  // Anchored and without nested quantifiers, so it runs in linear time on any comment (the text
  // is anyone's: a pattern with `\s+(.*)$` backtracks quadratically on long runs of spaces).
  const match = /^\/([a-z][a-z-]*)(?=\s|$)/i.exec(first);
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  if (!KNOWN_COMMANDS.has(name)) return undefined;
  const args = first.slice(match[0].length).split(/\s+/).filter(Boolean).slice(0, 10);
  return { name, args };
}
