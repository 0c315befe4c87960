import type { Rule } from "../../rule.js";
import { commandInjection } from "./command-injection.js";

/** The security reviewer's static rules, in reporting order. */
export const securityRules: Rule[] = [commandInjection];
