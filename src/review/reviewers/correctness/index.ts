import type { Rule } from "../../rule.js";
import { floatingPromise } from "./floating-promise.js";
import { nanComparison } from "./nan-comparison.js";

/** The correctness reviewer's static rules: high-precision bug patterns in added code. */
export const correctnessRules: Rule[] = [nanComparison, floatingPromise];
