import { posix } from "node:path";

// Extensions a test may use for a source of the same family (`foo.ts` is often tested by `foo.test.tsx`).
const FAMILIES = [["ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs"], ["py"]];
const TEST_DIRS = new Set(["test", "tests", "__tests__", "spec", "specs"]);
// Names too common to pair a test with a source by name alone, unless the folders agree too.
const GENERIC_STEMS = new Set(["index", "main", "__init__", "mod", "utils", "util", "helpers", "types", "lib", "app", "common", "base", "core", "api"]);
const TEST_NAME = /(^test_.*|_test|\.test|\.spec)\.[^.]+$/;

function extensionsLike(ext: string): string[] {
  return FAMILIES.find((family) => family.includes(ext)) ?? [ext];
}

/** True when the path is itself a test by its name or folder, so it has no tests of its own. */
export function looksLikeTest(path: string): boolean {
  return TEST_NAME.test(posix.basename(path)) || path.split("/").slice(0, -1).some((segment) => TEST_DIRS.has(segment));
}

/**
 * The file names a test of `sourcePath` goes by: `foo.ts` ↔ `foo.test.ts`, `foo.spec.ts`,
 * `__tests__/foo.ts`; `foo.py` ↔ `test_foo.py`, `foo_test.py`. Maps a basename to whether it
 * only counts inside a `__tests__` folder.
 */
function testNamesOf(sourcePath: string): Map<string, boolean> {
  const base = posix.basename(sourcePath);
  const dot = base.lastIndexOf(".");
  const names = new Map<string, boolean>();
  if (dot <= 0) return names;
  const stem = base.slice(0, dot);
  for (const ext of extensionsLike(base.slice(dot + 1))) {
    for (const name of [`${stem}.test.${ext}`, `${stem}.spec.${ext}`, `test_${stem}.${ext}`, `${stem}_test.${ext}`]) names.set(name, false);
    if (!names.has(`${stem}.${ext}`)) names.set(`${stem}.${ext}`, true);
  }
  return names;
}

/** Folder names two paths share (order ignored), leaving out test folders and `src`. */
function sharedFolders(a: string, b: string): number {
  const mine = new Set(posix.dirname(a).split("/").filter((s) => s !== "src" && s !== "."));
  return posix.dirname(b).split("/").filter((s) => mine.has(s) && !TEST_DIRS.has(s)).length;
}

/**
 * Test files in `listing` that, by naming convention, test the given source files: the same
 * folder first, then a `__tests__` folder beside the source, then test folders anywhere
 * (`test/**\/foo.test.ts`) ranked by the folder names they share with the source. At most
 * `perSource` per source file; sources that are tests themselves are passed over. Generic names
 * (`index.ts`, `utils.py`) match elsewhere only in a folder named like the source's own.
 */
export function findLikelyTests(sourcePaths: string[], listing: string[], perSource = 3): string[] {
  const byBase = new Map<string, string[]>();
  for (const path of listing) {
    const base = posix.basename(path);
    const same = byBase.get(base);
    if (same) same.push(path);
    else byBase.set(base, [path]);
  }
  const found: string[] = [];
  for (const source of sourcePaths) {
    if (looksLikeTest(source)) continue;
    const dir = posix.dirname(source);
    const generic = GENERIC_STEMS.has(posix.basename(source).replace(/\.[^.]+$/, ""));
    const ranked: Array<{ path: string; rank: number }> = [];
    for (const [name, onlyInTestsDir] of testNamesOf(source)) {
      for (const path of byBase.get(name) ?? []) {
        if (path === source) continue;
        const parent = posix.dirname(path);
        const inTestsDir = posix.basename(parent) === "__tests__";
        if (onlyInTestsDir && !inTestsDir) continue;
        if (parent === dir) ranked.push({ path, rank: 0 });
        else if (inTestsDir && posix.dirname(parent) === dir) ranked.push({ path, rank: 1 });
        else if (generic && !posix.dirname(path).split("/").includes(posix.basename(dir))) continue;
        else if (looksLikeTest(path)) ranked.push({ path, rank: 10 - sharedFolders(source, path) });
      }
    }
    ranked.sort((x, y) => x.rank - y.rank || x.path.length - y.path.length || x.path.localeCompare(y.path));
    for (const { path } of ranked.slice(0, perSource)) if (!found.includes(path)) found.push(path);
  }
  return found;
}
