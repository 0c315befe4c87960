/**
 * GitHub refuses comment, review and issue bodies over 65,536 characters with a 422 ("body is too
 * long (maximum is 65536 characters)"), and check-run `output.summary` / `output.text` over
 * 65,535 (https://docs.github.com/rest/checks/runs#update-a-check-run).
 */
export const MAX_COMMENT_CHARS = 65_536;
export const MAX_CHECK_OUTPUT_CHARS = 65_535;

/**
 * Cuts `text` to at most `max` UTF-16 units (so at most `max` characters however GitHub counts
 * them), ending with `note` so a reader knows something is missing. Never splits a surrogate
 * pair. Text within the limit is returned unchanged.
 */
export function truncateText(text: string, max: number, note = "\n\n… (truncated: over GitHub's size limit)"): string {
  if (text.length <= max) return text;
  const tail = note.length >= max ? "" : note;
  let cut = max - tail.length;
  const last = text.charCodeAt(cut - 1);
  // A high surrogate at the end would be half a character.
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + tail;
}
