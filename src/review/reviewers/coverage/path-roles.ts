import { posix } from "node:path";

/**
 * What a path is for, judged from its name alone. Style and coverage rules use these to stay out
 * of tests, tooling and vendored code, where their conventions do not apply.
 */

const TEST_DIRS = new Set(["test", "tests", "__tests__", "spec", "specs", "e2e", "__mocks__", "testing"]);
const TOOLING_DIRS = new Set(["scripts", "script", "bin", "tools", "tool", "examples", "example", "docs", "doc", "bench", "benchmarks", "benchmark", "demo", "demos", "samples", "sample", ".github", "migrations"]);
const VENDOR_DIRS = new Set(["node_modules", "vendor", "third_party", "third-party", ".venv", "venv", "site-packages", "__pycache__", ".next", ".nuxt", "generated", "fixtures", "__fixtures__", "testdata", "test-data", "corpus"]);
// Build outputs only at the root: `src/build/` or `reviewers/coverage/` are ordinary sources.
const OUTPUT_ROOTS = new Set(["dist", "build", "out", "coverage", "lib-cov", "htmlcov"]);

function segments(path: string): string[] {
  return path.split("/").slice(0, -1);
}

/** True for test sources: `*.test.*`, `*.spec.*`, `test_*.py`, `*_test.py`, `conftest.py`, files in test folders. */
export function isTestFile(path: string): boolean {
  const base = posix.basename(path);
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(base)) return true;
  if (/^test_.*\.py$/.test(base) || /_test\.py$/.test(base) || base === "conftest.py") return true;
  return segments(path).some((s) => TEST_DIRS.has(s));
}

/** True for vendored, generated, build-output and test-data paths: nobody writes them as source. */
export function isVendoredOrGenerated(path: string): boolean {
  const segs = segments(path);
  if (segs.some((s) => VENDOR_DIRS.has(s)) || (segs.length > 0 && OUTPUT_ROOTS.has(segs[0]))) return true;
  return /\.min\.[cm]?js$/.test(path) || /(^|\/)[^/]*\.generated\.[^/]+$/.test(path) || /_pb2(_grpc)?\.py$/.test(path);
}

/** True for build/tool configuration files (`jest.config.js`, `setup.py`, `.eslintrc.cjs`, ...). */
export function isConfigFile(path: string): boolean {
  const base = posix.basename(path);
  return (
    /\.config\.[cm]?[jt]s$/.test(base) ||
    /^\.[\w-]+rc\.[cm]?[jt]s$/.test(base) ||
    /^(gulpfile|gruntfile|webpack\..*|rollup\..*|babel\..*|setup|conftest|noxfile|fabfile|manage)\.[\w.]+$/i.test(base)
  );
}

/**
 * True for command-line entry points, scripts and tooling, where printing to the console is the
 * program's job: files under scripts/bin/tools/examples/docs, `cli.*` and `__main__.py`.
 */
export function isScriptOrTooling(path: string): boolean {
  const base = posix.basename(path);
  if (/^(cli|__main__|main)\.[\w]+$/.test(base) || /[-_.]cli\.[\w]+$/.test(base)) return true;
  const segs = segments(path);
  if (segs.some((s) => TOOLING_DIRS.has(s) || s === "cli" || s === "commands")) return true;
  return isConfigFile(path);
}

/** Type-only declaration files (`*.d.ts`, `*.pyi`). */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/.test(path) || path.endsWith(".pyi");
}
