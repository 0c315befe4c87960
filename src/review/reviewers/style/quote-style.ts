import type { FileContext, Rule } from "../../rule.js";
import { isDeclarationFile, isVendoredOrGenerated } from "../coverage/path-roles.js";
import { addedNodesOfType } from "../correctness/added-nodes.js";
import { dominantQuote, languageGroupOf, repoProfileFor } from "./repo-profile.js";
import { countFileQuotes, countQuotes, quotedStringsOf, type Quote, type QuotedString } from "./string-quotes.js";

// The repository's convention: at least this many files voting, and this share agreeing.
const REPO_MIN_VOTES = 10;
const REPO_SHARE = 0.9;
// The file's own convention wins when its unchanged strings are this many and this uniform.
const FILE_MIN_STRINGS = 5;
const FILE_SHARE = 0.8;
// A couple of odd strings is noise; say something only when the added code clearly went the other way.
const MIN_WRONG = 3;
const MIN_WRONG_SHARE = 0.5;

const NAME: Record<Quote, string> = { single: "single quotes", double: "double quotes" };

function expectedQuote(ctx: FileContext, existing: Record<Quote, number>): { quote: Quote; why: string } | undefined {
  if (existing.single + existing.double >= FILE_MIN_STRINGS) {
    const quote = dominantQuote(existing, FILE_MIN_STRINGS, FILE_SHARE);
    return quote ? { quote, why: "the rest of this file uses" } : undefined;
  }
  const group = languageGroupOf(ctx.path);
  if (!group) return undefined;
  const votes = repoProfileFor(ctx.change, group).quoteVotes;
  const quote = dominantQuote(votes, REPO_MIN_VOTES, REPO_SHARE);
  if (!quote) return undefined;
  return { quote, why: `${votes[quote]} of ${votes.single + votes.double} files in this repository use` };
}

function checkFile(ctx: FileContext): void {
  if (isVendoredOrGenerated(ctx.path) || isDeclarationFile(ctx.path)) return;
  const source = ctx.source!;
  const isAdded = (s: QuotedString) => {
    for (let l = s.line; l <= s.endLine; l++) if (!ctx.addedLines.has(l)) return false;
    return true;
  };
  // A string whose lines are all added overlaps the changed ranges: search only those first.
  const nodes = { strings: addedNodesOfType(ctx, "string"), attributes: addedNodesOfType(ctx, "jsx_attribute") };
  const added = quotedStringsOf(source, nodes).filter(isAdded);
  if (added.length < MIN_WRONG) return;
  // The file's other strings are the whole file's minus the added ones (a subset of them).
  const all = countFileQuotes(source);
  const ownAdded = countQuotes(added);
  const expected = expectedQuote(ctx, { single: all.single - ownAdded.single, double: all.double - ownAdded.double });
  if (!expected) return;
  const wrong = added.filter((s) => s.quote !== expected.quote);
  if (wrong.length < MIN_WRONG || wrong.length < added.length * MIN_WRONG_SHARE) return;
  ctx.report({
    line: wrong[0].line,
    message: `${wrong.length} of the ${added.length} strings added here use ${NAME[wrong[0].quote]}, but ${expected.why} ${NAME[expected.quote]}.`,
  });
}

/** Added code that goes against the quote style the file or repository settled on (one finding per file). */
export const quoteStyle: Rule = {
  meta: {
    id: "style/quote-style",
    category: "style",
    severity: "suggestion",
    confidence: 0.3,
    rationale: "Mixed quote styles add diff noise and signal code pasted from elsewhere; the convention is learned from the repository.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkFile,
};
