import type { Category } from "../finding.js";

/** One LLM reviewer's dimension: the same four categories the static reviewers use. */
export type Dimension = Category;

/** Every LLM dimension, in the order the reviewers run (and the summary lists them). */
export const DIMENSIONS: readonly Dimension[] = ["correctness", "security", "style", "coverage"];

/** Rule id of an LLM reviewer's findings, e.g. `llm/security`; fingerprints are computed from it. */
export function llmRuleId(dimension: Dimension): string {
  return `llm/${dimension}`;
}

/** True for findings an LLM reviewer produced (as opposed to a static rule). */
export function isLlmRule(rule: string): boolean {
  return rule.startsWith("llm/");
}
