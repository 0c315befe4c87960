import type { LlmMessage } from "./llm-port.js";

// About four characters per token for English and code with OpenAI's tokenizers; rounding up keeps
// budget checks on the safe side. Used only where an endpoint reports no usage, or before a call.
const CHARS_PER_TOKEN = 4;
// Chat formatting adds a few tokens per message (role markers and separators).
const TOKENS_PER_MESSAGE = 4;

/** A rough token count of a text. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** A rough prompt size of a system prompt, messages and (for JSON mode) the schema text. */
export function estimatePromptTokens(system: string, messages: LlmMessage[], extra = ""): number {
  const text = messages.reduce((sum, m) => sum + estimateTokens(m.content) + TOKENS_PER_MESSAGE, 0);
  return estimateTokens(system) + TOKENS_PER_MESSAGE + text + estimateTokens(extra);
}
