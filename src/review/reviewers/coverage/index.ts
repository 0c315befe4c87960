import type { Rule } from "../../rule.js";
import { deletedTests } from "./deleted-tests.js";
import { untestedExport } from "./untested-export.js";

/** The coverage reviewer's static rules. */
export const coverageRules: Rule[] = [untestedExport, deletedTests];
