import type { FileContext, RawFinding } from "../../rule.js";

// Test code routinely holds fake credentials, disabled TLS and throwaway randomness on purpose.
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|__fixtures__|__mocks__|mocks?|testdata|e2e)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/i;

/** True for test, spec, fixture and mock files, where security findings are usually deliberate. */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

// In test code, shell commands, compiled code and slow regexes run on the tests' own fixtures.
const TEST_CONFIDENCE = 0.4;

/**
 * The file's context as a rule should report through it: in test files, findings keep their
 * place in the summary but stay below the posting threshold.
 */
export function withTestConfidence(ctx: FileContext, defaultConfidence: number): FileContext {
  if (!isTestPath(ctx.path)) return ctx;
  const lowered = (f: RawFinding): RawFinding => ({ ...f, confidence: Math.min(f.confidence ?? defaultConfidence, TEST_CONFIDENCE) });
  return Object.create(ctx, { report: { value: (f: RawFinding) => ctx.report(lowered(f)) } }) as FileContext;
}
