import { posix } from "node:path";
import type { ChangeContext, FileContext, Rule } from "../../rule.js";
import { isVendoredOrGenerated } from "../coverage/path-roles.js";
import { someAddedLineMatches } from "./added-text.js";
import { moduleUsageOf } from "./module-style.js";
import { languageGroupOf, repoProfileFor } from "./repo-profile.js";

// A package's convention: at least this many single-style files, and this share agreeing.
const MIN_FILES = 10;
const MAJORITY = 0.9;
// TypeScript imports are never judged, so only `require` matters there.
const ADDED_LOADING_JS = /require|import|export/;
const ADDED_LOADING_TS = /require/;

interface PackageInfo {
  dir: string;
  type?: string;
}

const packageCache = new WeakMap<ChangeContext, PackageInfo[]>();

/** The repository's package.json folders, deepest first, with their `"type"`. */
function packagesOf(change: ChangeContext): PackageInfo[] {
  let packages = packageCache.get(change);
  if (packages) return packages;
  packages = [];
  for (const path of change.repo.listFiles()) {
    if (posix.basename(path) !== "package.json" || isVendoredOrGenerated(path)) continue;
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    let type: string | undefined;
    try {
      const parsed = JSON.parse(change.repo.readFile(path) ?? "{}") as { type?: unknown };
      if (typeof parsed.type === "string") type = parsed.type;
    } catch {
      // An unreadable package.json says nothing about the module system; keep the folder as a boundary.
    }
    packages.push({ dir, type });
  }
  packages.sort((a, b) => b.dir.length - a.dir.length);
  packageCache.set(change, packages);
  return packages;
}

function packageOf(packages: PackageInfo[], path: string): PackageInfo {
  return packages.find((p) => p.dir === "" || path.startsWith(`${p.dir}/`)) ?? { dir: "" };
}

type Expectation = { style: "esm" | "cjs"; why: string; confidence?: number };

function expectedStyle(ctx: FileContext, pkg: PackageInfo, packages: PackageInfo[]): Expectation | undefined {
  if (/\.m[jt]s$/.test(ctx.path)) return { style: "esm", why: "this is an ES module file (.mjs/.mts), where `require` is not defined", confidence: 0.6 };
  if (/\.c[jt]s$/.test(ctx.path)) return undefined;
  const group = languageGroupOf(ctx.path)!;
  const styles = repoProfileFor(ctx.change, group).moduleStyles.filter((f) => packageOf(packages, f.path).dir === pkg.dir);
  const esm = styles.filter((f) => f.style === "esm").length;
  const cjs = styles.length - esm;
  const where = pkg.dir ? `\`${pkg.dir}\`` : "this package";
  if (styles.length >= MIN_FILES && esm >= styles.length * MAJORITY) return { style: "esm", why: `${esm} of ${styles.length} files in ${where} use ES imports` };
  if (styles.length >= MIN_FILES && cjs >= styles.length * MAJORITY) return { style: "cjs", why: `${cjs} of ${styles.length} files in ${where} use \`require\`` };
  // Node runs .js as ESM under "type": "module", where a bare `require` throws.
  if (pkg.type === "module" && group === "js") return { style: "esm", why: `${where} is \`"type": "module"\`, where \`require\` is not defined`, confidence: 0.6 };
  return undefined;
}

function checkFile(ctx: FileContext): void {
  const group = languageGroupOf(ctx.path);
  if ((group !== "ts" && group !== "js") || isVendoredOrGenerated(ctx.path)) return;
  // A require call starts with `require` and an import/re-export statement with its keyword, so an
  // added one means an added line that says so; without one the file's tree is never read.
  if (!someAddedLineMatches(ctx, group === "js" ? ADDED_LOADING_JS : ADDED_LOADING_TS)) return;
  const usage = moduleUsageOf(ctx.source!);
  const addedRequires = usage.ownRequire ? [] : usage.require.filter((l) => ctx.addedLines.has(l));
  // TypeScript compiles `import` to whatever the package needs, so only JavaScript imports can be wrong.
  const addedImports = group === "js" ? usage.esm.filter((l) => ctx.addedLines.has(l)) : [];
  if (!addedRequires.length && !addedImports.length) return;
  const existingRequires = usage.require.some((l) => !ctx.addedLines.has(l));
  const existingImports = usage.esm.some((l) => !ctx.addedLines.has(l));
  const packages = packagesOf(ctx.change);
  const expected = expectedStyle(ctx, packageOf(packages, ctx.path), packages);
  if (!expected) return;
  // A file already written in the other style is a deliberate exception (a CommonJS config, a shim).
  if (expected.style === "esm" && addedRequires.length && !(existingRequires && !existingImports)) {
    ctx.report({
      line: addedRequires[0],
      confidence: expected.confidence,
      message: `\`require\` here, but ${expected.why}: use \`import\` (or \`createRequire\` when a CommonJS-only module needs it).`,
    });
  } else if (expected.style === "cjs" && addedImports.length && !(existingImports && !existingRequires)) {
    ctx.report({
      line: addedImports[0],
      confidence: expected.confidence,
      message: `ES \`import\` here, but ${expected.why}; mixing the two in one package breaks under Node unless a bundler rewrites it.`,
    });
  }
}

/** `require` in an ES-module package (or `import` in a CommonJS one), judged per package.json folder. */
export const importStyle: Rule = {
  meta: {
    id: "style/import-style",
    category: "style",
    severity: "suggestion",
    confidence: 0.45,
    rationale: "A package should load modules one way; a stray require in ESM code (or import in CommonJS) is inconsistent and may fail at runtime.",
    languages: ["typescript", "tsx", "javascript"],
  },
  checkFile,
};
