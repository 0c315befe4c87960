import type { Rule } from "../rule.js";
import { correctnessRules } from "./correctness/index.js";
import { coverageRules } from "./coverage/index.js";
import { securityRules } from "./security/index.js";
import { styleRules } from "./style/index.js";

/** Every static rule, by reviewer. */
export const allRules: Rule[] = [...correctnessRules, ...securityRules, ...styleRules, ...coverageRules];
