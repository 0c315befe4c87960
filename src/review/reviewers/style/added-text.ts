import { splitLines } from "../../file-context.js";
import type { FileContext } from "../../rule.js";

/**
 * True when some line the change adds matches `pattern`: a cheap text test, straight from the
 * diff's hunks, that lets a rule skip its tree search when no added line could hold a candidate.
 */
export function someAddedLineMatches(ctx: FileContext, pattern: RegExp): boolean {
  for (const hunk of ctx.file.hunks) {
    for (const line of hunk.lines) if (line.kind === "add" && pattern.test(line.content)) return true;
  }
  return false;
}

const linesByFile = new WeakMap<FileContext, string[]>();

/** The new text's lines, split once per file for all the style rules that need them. */
export function newLinesOf(ctx: FileContext): readonly string[] {
  let lines = linesByFile.get(ctx);
  if (!lines) linesByFile.set(ctx, (lines = splitLines(ctx.newText)));
  return lines;
}
