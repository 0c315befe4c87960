import type { Rule } from "../../rule.js";
import { commentedOutCode } from "./commented-out-code.js";
import { debugOutput } from "./debug-output.js";
import { debuggerStatement } from "./debugger-statement.js";
import { importStyle } from "./import-style.js";
import { namingConvention } from "./naming-convention.js";
import { quoteStyle } from "./quote-style.js";

/** The style reviewer's static rules: repository-learned conventions and debugging leftovers. */
export const styleRules: Rule[] = [namingConvention, quoteStyle, importStyle, debugOutput, debuggerStatement, commentedOutCode];
