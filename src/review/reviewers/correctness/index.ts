import type { Rule } from "../../rule.js";
import { assertTuple } from "./assert-tuple.js";
import { assignmentInCondition } from "./assignment-in-condition.js";
import { asyncForEach } from "./async-foreach.js";
import { asyncPromiseExecutor } from "./async-promise-executor.js";
import { bareExceptPass } from "./bare-except-pass.js";
import { duplicateCase } from "./duplicate-case.js";
import { duplicateClassMember } from "./duplicate-class-member.js";
import { duplicateKey } from "./duplicate-key.js";
import { emptyCatch } from "./empty-catch.js";
import { floatingPromise } from "./floating-promise.js";
import { isLiteralComparison } from "./is-literal-comparison.js";
import { loopCounterMixup } from "./loop-counter-mixup.js";
import { loopVariableDeadStore } from "./loop-variable-dead-store.js";
import { mutableDefaultArgument } from "./mutable-default-argument.js";
import { nanComparison } from "./nan-comparison.js";
import { negatedLeftOperand } from "./negated-left-operand.js";
import { noneEquality } from "./none-equality.js";
import { offByOneLoop } from "./off-by-one-loop.js";
import { selfAssignment } from "./self-assignment.js";
import { selfComparison } from "./self-comparison.js";
import { switchFallthrough } from "./switch-fallthrough.js";
import { typeofTypo } from "./typeof-typo.js";
import { unreachableCode } from "./unreachable-code.js";

/** The correctness reviewer's static rules: high-precision bug patterns in the code a change adds. */
export const correctnessRules: Rule[] = [
  // JavaScript / TypeScript
  nanComparison,
  floatingPromise,
  asyncForEach,
  asyncPromiseExecutor,
  assignmentInCondition,
  selfAssignment,
  duplicateCase,
  switchFallthrough,
  emptyCatch,
  loopCounterMixup,
  typeofTypo,
  negatedLeftOperand,
  // JavaScript / TypeScript and Python
  unreachableCode,
  selfComparison,
  duplicateKey,
  duplicateClassMember,
  offByOneLoop,
  loopVariableDeadStore,
  // Python
  mutableDefaultArgument,
  bareExceptPass,
  isLiteralComparison,
  noneEquality,
  assertTuple,
];
