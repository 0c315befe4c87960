/**
 * Prompt sizes are estimated, not tokenized: no tokenizer ships with patchwarden, and packing
 * must give the same answer on every machine. Four characters per token is the usual rule of
 * thumb for English and code with GPT-style BPE vocabularies; it overestimates dense code a
 * little, which errs on the side of staying under a model's context limit.
 */
export const CHARS_PER_TOKEN = 4;

/** Estimated tokens of a text: ceil(characters / 4). Deterministic, and additive up to rounding. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Estimated prompt tokens of a chat request: the system prompt plus every message. */
export function estimatePromptTokens(request: { system: string; messages: ReadonlyArray<{ content: string }> }): number {
  return estimateTokens(request.system) + request.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
}
