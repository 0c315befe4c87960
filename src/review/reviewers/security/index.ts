import type { Rule } from "../../rule.js";
import { codeInjection } from "./code-injection.js";
import { commandInjection } from "./command-injection.js";
import { openRedirect } from "./open-redirect.js";
import { pathTraversal } from "./path-traversal.js";
import { sqlInjection } from "./sql-injection.js";
import { xssSink } from "./xss-sink.js";

/** The security reviewer's static rules, in reporting order. */
export const securityRules: Rule[] = [commandInjection, codeInjection, sqlInjection, xssSink, pathTraversal, openRedirect];
