import { sanitizeUntrusted, UNTRUSTED_DATA_RULE, wrapUntrusted } from "../../llm/untrusted-text.js";

/**
 * How the LLM reviewers hand pull-request text to a model, on top of src/llm/untrusted-text:
 * code keeps its HTML comments (they are visible in the diff, and part of what is reviewed) but
 * loses invisible characters; prose (title, description) loses both, since GitHub hides HTML
 * comments there. Quotes are matched against code cleaned the same way.
 */

/** The system-prompt sentence that says what an untrusted block is. */
export const UNTRUSTED_NOTICE = UNTRUSTED_DATA_RULE;

// Packing bounds code by tokens already; the wrapper must not cut it a second time.
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Code as a model sees it: zero-width, bidi and other invisible characters removed. */
export function stripInvisible(code: string): string {
  return sanitizeUntrusted(code, { keepHtmlComments: true, maxChars: NO_LIMIT }).text;
}

/** Prose as a model sees it: HTML comments and invisible characters removed. */
export function stripHidden(prose: string): string {
  return sanitizeUntrusted(prose, { maxChars: NO_LIMIT }).text;
}

/** A block of code (a changed file, a definition, a candidate) in untrusted delimiters. */
export function wrapCode(source: string, code: string): string {
  return wrapUntrusted(source, code, { keepHtmlComments: true, maxChars: NO_LIMIT });
}

/** A block of prose (title, description) in untrusted delimiters, cut at `maxChars`. */
export function wrapProse(source: string, prose: string, maxChars: number): string {
  return wrapUntrusted(source, prose, { maxChars });
}

/** Tokens the delimiters add around one block (random boundary twice, source name, newlines). */
export const WRAP_OVERHEAD_TOKENS = 32;
