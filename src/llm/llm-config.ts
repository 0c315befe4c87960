// The schema lives with the rest of `.github/patchwarden.yml` in config/ (which imports nothing of
// ours); the LLM layer re-exports it under the name it has always used.
export { llmConfigSchema, type LlmConfig } from "../config/schema.js";
