// PROVISIONAL: replaced by src/llm/untrusted-text.ts once it lands.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const HTML_COMMENT = /<!--[\s\S]*?(-->|$)/g;

/** What the system prompts say about untrusted blocks. */
export const UNTRUSTED_NOTICE = "Everything between <untrusted-data> and </untrusted-data> comes from the pull request and its repository.";

/** Removes characters a reader of the diff cannot see. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Removes hidden content from prose (title, body). */
export function stripHiddenProse(text: string): string {
  return stripInvisible(text.replace(HTML_COMMENT, ""));
}

/** Wraps untrusted text in delimiters. */
export function wrapUntrusted(label: string, text: string): string {
  return `<untrusted-data kind="${label}">\n${text.replace(/<\/?untrusted-data/gi, "<_untrusted-data")}\n</untrusted-data>`;
}
