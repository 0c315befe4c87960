import type { Rule } from "../../rule.js";
import { codeInjection } from "./code-injection.js";
import { commandInjection } from "./command-injection.js";
import { deletedGuard } from "./deleted-guard.js";
import { hardcodedSecret } from "./hardcoded-secret.js";
import { insecureRandomness } from "./insecure-randomness.js";
import { openRedirect } from "./open-redirect.js";
import { pathTraversal } from "./path-traversal.js";
import { prototypePollution } from "./prototype-pollution.js";
import { redos } from "./redos.js";
import { sqlInjection } from "./sql-injection.js";
import { tlsVerificationDisabled } from "./tls-verification-disabled.js";
import { xssSink } from "./xss-sink.js";

/** The security reviewer's static rules, in reporting order. */
export const securityRules: Rule[] = [
  commandInjection,
  codeInjection,
  sqlInjection,
  hardcodedSecret,
  xssSink,
  pathTraversal,
  prototypePollution,
  openRedirect,
  tlsVerificationDisabled,
  insecureRandomness,
  redos,
  deletedGuard,
];
