// Test code routinely holds fake credentials, disabled TLS and throwaway randomness on purpose.
const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|fixtures?|__fixtures__|__mocks__|mocks?|testdata|e2e)\/|\.(test|spec|e2e)\.[cm]?[jt]sx?$|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/i;

/** True for test, spec, fixture and mock files, where security findings are usually deliberate. */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
