import type { Dimension } from "../dimension.js";
import { correctnessPrompt } from "./correctness.js";
import { coveragePrompt } from "./coverage.js";
import type { ReviewPrompt } from "./review-prompt.js";
import { securityPrompt } from "./security.js";
import { stylePrompt } from "./style.js";

export type { BaseItem, ContextNeeds, ReviewPrompt } from "./review-prompt.js";

/** The reviewer prompt of each dimension. */
export const REVIEW_PROMPTS: Record<Dimension, ReviewPrompt> = {
  correctness: correctnessPrompt,
  security: securityPrompt,
  style: stylePrompt,
  coverage: coveragePrompt,
};
