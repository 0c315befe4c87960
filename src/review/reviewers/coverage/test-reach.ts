import { posix } from "node:path";
import { extractImports, resolveImportTargets } from "../../../code/imports.js";
import { detectLanguage } from "../../../code/languages.js";
import { parseSource } from "../../../code/parse-source.js";
import type { ChangeContext } from "../../rule.js";
import { isTestFile, isVendoredOrGenerated } from "./path-roles.js";

/** Which source files a test can reach, for one change (built lazily, cached per change). */
export interface TestReach {
  /** Test files of the repository at head (parsed languages only, vendored code excluded). */
  repoTests(): string[];
  /** True when `testPath` imports `sourcePath`, directly or through re-exporting barrels. */
  imports(testPath: string, sourcePath: string): boolean;
  /**
   * How many ordinary modules lie between the test and `sourcePath`: 0 when the test imports it
   * (barrels aside), 1 when it imports a module that imports it, undefined when out of reach.
   */
  depth(testPath: string, sourcePath: string): number | undefined;
  /** True when the test's text mentions `name` as a whole word. */
  mentions(testPath: string, name: string): boolean;
}

// A test reaches what it imports and what those modules import in turn, this many ordinary
// modules deep: rule tests exercise the rule's private helpers. Barrels (index files,
// __init__.py) and `export … from` re-exports are passed through without counting.
const MAX_DEPTH = 1;
// Repository-wide lookups read at most this many test files, so a huge monorepo stays cheap.
const MAX_REPO_TESTS = 3000;

const cache = new WeakMap<ChangeContext, TestReach>();

function textOf(change: ChangeContext, path: string): string | undefined {
  const ctx = change.fileAt(path);
  if (ctx && ctx.file.status !== "deleted") return ctx.newText;
  return change.repo.readFile(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The reachability view of a change's repository. */
export function testReachFor(change: ChangeContext): TestReach {
  let reach = cache.get(change);
  if (reach) return reach;
  let files: Set<string> | undefined;
  const fileSet = () => (files ??= new Set(change.repo.listFiles()));
  const fileExists = (p: string) => fileSet().has(p);
  const direct = new Map<string, { all: string[]; reexported: string[] }>();
  const closure = new Map<string, Map<string, number>>();

  // Every symbol asks about every test; read each file once.
  const texts = new Map<string, string | undefined>();
  const read = (path: string) => {
    if (!texts.has(path)) texts.set(path, textOf(change, path));
    return texts.get(path);
  };
  const directTargets = (path: string) => {
    let entry = direct.get(path);
    if (entry) return entry;
    entry = { all: [], reexported: [] };
    const text = read(path);
    const source = text === undefined ? undefined : parseSource(path, text);
    if (source) {
      for (const ref of extractImports(source)) {
        const targets = resolveImportTargets(path, ref, fileExists);
        entry.all.push(...targets);
        if (ref.kind === "export-from") entry.reexported.push(...targets);
      }
    }
    direct.set(path, entry);
    return entry;
  };

  const isBarrel = (path: string) => /^(index\.[cm]?[jt]sx?|__init__\.py)$/.test(posix.basename(path));

  const reachable = (testPath: string) => {
    let depthOf = closure.get(testPath);
    if (depthOf) return depthOf;
    depthOf = new Map<string, number>();
    // 0-1 breadth-first walk: a barrel or re-export edge costs nothing, an ordinary import one level.
    const queue: [string, number][] = directTargets(testPath).all.map((t) => [t, 0]);
    while (queue.length) {
      const [path, depth] = queue.shift()!;
      if ((depthOf.get(path) ?? Infinity) <= depth) continue;
      depthOf.set(path, depth);
      const d = directTargets(path);
      const free = isBarrel(path) ? d.all : d.reexported;
      for (const t of free) queue.unshift([t, depth]);
      if (depth < MAX_DEPTH) for (const t of d.all) queue.push([t, depth + 1]);
    }
    closure.set(testPath, depthOf);
    return depthOf;
  };

  let tests: string[] | undefined;
  reach = {
    repoTests: () =>
      (tests ??= [...fileSet()]
        .filter((p) => isTestFile(p) && detectLanguage(p) !== undefined && !isVendoredOrGenerated(p))
        .slice(0, MAX_REPO_TESTS)),
    imports: (testPath, sourcePath) => reachable(testPath).has(sourcePath),
    depth: (testPath, sourcePath) => reachable(testPath).get(sourcePath),
    mentions: (testPath, name) => new RegExp(`(^|[^\\w$])${escapeRegExp(name)}($|[^\\w$])`).test(read(testPath) ?? ""),
  };
  cache.set(change, reach);
  return reach;
}

// Stems too common to link a test to a source file without the folder agreeing too.
const GENERIC_STEMS = new Set(["index", "main", "__init__", "mod", "utils", "util", "helpers", "types", "lib", "app", "common", "base", "core", "api"]);

function stemOf(path: string): string {
  return posix.basename(path).replace(/\.d(?=\.[cm]?ts$)/, "").replace(/\.[^.]+$/, "");
}

function testStemOf(path: string): string {
  const stem = stemOf(path);
  return stem.replace(/\.(test|spec)$/, "").replace(/^test_/, "").replace(/_test$/, "");
}

/**
 * True when the test file's name pairs it with the source file: `foo.ts` ↔ `foo.test.ts`,
 * `foo.spec.ts`, `__tests__/foo.ts`, `test/foo.test.ts`; `foo.py` ↔ `test_foo.py`, `foo_test.py`.
 * Generic names (`index`, `utils`, ...) must also share their parent folder's name.
 */
export function matchesByName(testPath: string, sourcePath: string): boolean {
  const stem = stemOf(sourcePath);
  if (testStemOf(testPath) !== stem) return false;
  if (!GENERIC_STEMS.has(stem)) return true;
  const testDir = posix.basename(posix.dirname(testPath)) === "__tests__" ? posix.dirname(posix.dirname(testPath)) : posix.dirname(testPath);
  return posix.basename(testDir) === posix.basename(posix.dirname(sourcePath));
}
