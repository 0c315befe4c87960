import { summarizeLlmSkips, type SkippedCall } from "../../llm/llm-notes.js";
import type { OmittedItem } from "./context-packer.js";
import type { UnlocatedFinding } from "./llm-reviewer.js";

/** What one LLM review did and did not do, for the summary's notes. */
export interface LlmReviewFacts {
  /** Calls the review meant to make (made or skipped). */
  planned: number;
  skipped: SkippedCall[];
  /** Files at least one reviewer read, and files every reviewer had to leave out for the budget. */
  reviewedFiles: number;
  budgetOmittedFiles: string[];
  /** Hunks some reviewer had to leave out for the budget. */
  budgetOmittedHunks: number;
  unlocated: UnlocatedFinding[];
  unscored: number;
}

// Unplaced findings listed one by one in the summary; the rest are counted.
const LISTED_UNLOCATED = 3;
const MAX_NOTE_MESSAGE = 160;

const oneLine = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_NOTE_MESSAGE ? `${line.slice(0, MAX_NOTE_MESSAGE - 1)}…` : line;
};

/** Files that no reviewer packed because of the budget (a file one reviewer read is not listed), and hunks left out of files that were packed. */
export function budgetOmissions(perDimension: Array<{ packed: Set<string>; omitted: OmittedItem[] }>): { files: string[]; hunks: number } {
  const packedAnywhere = new Set(perDimension.flatMap((d) => [...d.packed]));
  const files = new Set<string>();
  const hunks = new Set<string>();
  for (const { packed, omitted } of perDimension) {
    for (const item of omitted) {
      if (!item.reason.startsWith("over")) continue;
      if (item.what === "file" && !packedAnywhere.has(item.path)) files.add(item.path);
      // Hunks of a file left out whole are already told by the file.
      if (item.what === "hunk" && packed.has(item.path)) hunks.add(`${item.path}:${item.detail}`);
    }
  }
  return { files: [...files].sort(), hunks: hunks.size };
}

/**
 * The summary lines of an LLM review: skipped calls (one line), what the reviewers could not
 * read, findings the confidence pass did not score, and findings whose quote was not found.
 */
export function llmReviewNotes(facts: LlmReviewFacts): string[] {
  const notes: string[] = [];
  const skips = summarizeLlmSkips(facts.planned, facts.skipped);
  if (skips) notes.push(skips);
  if (facts.budgetOmittedFiles.length) {
    const listed = facts.budgetOmittedFiles.slice(0, 5).join(", ");
    const more = facts.budgetOmittedFiles.length > 5 ? ` and ${facts.budgetOmittedFiles.length - 5} more` : "";
    notes.push(`LLM reviewers read ${facts.reviewedFiles} changed file(s); left out for the context budget: ${listed}${more}`);
  }
  if (facts.budgetOmittedHunks) notes.push(`LLM reviewers left out ${facts.budgetOmittedHunks} hunk(s) for the context budget (static rules reviewed them)`);
  if (facts.unscored) notes.push(`${facts.unscored} LLM finding(s) got no confidence score and are listed here only`);
  for (const u of facts.unlocated.slice(0, LISTED_UNLOCATED)) {
    notes.push(`LLM ${u.dimension} ${u.severity} not placed (${u.reason}): ${oneLine(u.message)}`);
  }
  if (facts.unlocated.length > LISTED_UNLOCATED) notes.push(`${facts.unlocated.length - LISTED_UNLOCATED} more LLM finding(s) not placed: their quoted code is not among the added lines`);
  return notes;
}
