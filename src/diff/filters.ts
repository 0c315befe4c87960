import picomatch from "picomatch";
import type { DiffFile, DiffModel } from "./diff-model.js";
import { findGeneratedBanner, findMinifiedSign } from "./content-signals.js";

/** Why a file is not reviewed. */
export type SkipKind = "binary" | "excluded" | "lock-file" | "vendored" | "generated" | "minified";

/** A file left out of the review: `reason` is one human line ("generated: line 1 says ..."). */
export interface SkippedFile {
  path: string;
  kind: SkipKind;
  reason: string;
}

export interface ClassifyOptions {
  /** Globs to skip on top of the built-in filters. They win over `include`. */
  exclude?: string[];
  /** Globs to review even when a built-in filter would skip them (binary files stay skipped). */
  include?: string[];
  /** An added line longer than this marks the file minified (default 500). */
  maxLineLength?: number;
}

export interface FileClassification {
  /** Files to review, deleted ones included: only diff-aware rules have anything to read there. */
  reviewable: DiffFile[];
  /** The deleted files among `reviewable`: nothing on the RIGHT side to comment on. */
  deleted: DiffFile[];
  skipped: SkippedFile[];
}

export const DEFAULT_MAX_LINE_LENGTH = 500;

const LOCK_FILES = [
  "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lock", "bun.lockb", "deno.lock",
  "Cargo.lock", "poetry.lock", "Pipfile.lock", "uv.lock", "pdm.lock", "Gemfile.lock", "composer.lock", "go.sum",
  "go.work.sum", "mix.lock", "pubspec.lock", "Podfile.lock", "Package.resolved", "packages.lock.json", "flake.lock",
  "gradle.lockfile", "conan.lock", "paket.lock",
];

/** Built-in path rules, checked in this order; one glob per name so a reason names what matched. */
const DEFAULT_RULES: { kind: SkipKind; globs: string[] }[] = [
  { kind: "lock-file", globs: LOCK_FILES.map((name) => `**/${name}`) },
  { kind: "vendored", globs: ["vendor", "node_modules", "third_party", "third-party", "bower_components"].map((dir) => `**/${dir}/**`) },
  {
    kind: "generated",
    globs: [
      "**/*.generated.*", "**/__generated__/**", "**/*.pb.go", "**/*.pb.{cc,h}", "**/*_pb2{,_grpc}.{py,pyi}",
      "**/*{_pb,_grpc_pb}.{js,d.ts}", "**/zz_generated.*.go", "**/*.{g,freezed}.dart", "**/*.{Designer,designer}.cs",
      "**/*.{js,mjs,cjs,css}.map",
    ],
  },
  { kind: "minified", globs: ["**/*.min.{js,mjs,cjs,css}"] },
];

// Hidden folders (.github/) are ordinary paths here.
const GLOB_OPTIONS = { dot: true };

/**
 * Reads a glob as .gitignore would: without a slash it matches a name at any depth ("*.snap"),
 * a leading slash anchors it at the root. (picomatch's own `basename` option also rewrites
 * globs that do have slashes: "src/**" stops matching "src/a.ts".)
 */
function normalizeGlob(glob: string): string {
  if (glob.startsWith("/")) return glob.slice(1);
  return glob.includes("/") ? glob : `**/${glob}`;
}

type Matcher = (path: string) => string | undefined;

/** A matcher that names the first glob a path matches. */
function compile(globs: string[]): Matcher {
  const tests = globs.map((glob) => ({ glob, test: picomatch(normalizeGlob(glob), GLOB_OPTIONS) }));
  return (path) => tests.find((t) => t.test(path))?.glob;
}

const defaultMatchers = DEFAULT_RULES.map((rule) => ({ kind: rule.kind, match: compile(rule.globs) }));

/** The built-in reason to skip a file, by path first and then by the content the diff shows. */
function defaultSkip(file: DiffFile, maxLineLength: number): SkippedFile | undefined {
  for (const { kind, match } of defaultMatchers) {
    const glob = match(file.path);
    if (glob) return { path: file.path, kind, reason: `${kind}: matches ${glob}` };
  }
  const banner = findGeneratedBanner(file);
  if (banner) return { path: file.path, kind: "generated", reason: `generated: ${banner}` };
  const minified = findMinifiedSign(file, maxLineLength);
  if (minified) return { path: file.path, kind: "minified", reason: `minified: ${minified}` };
  return undefined;
}

/**
 * Sorts a change's files into reviewable and skipped, with a reason for each skip. Binary files
 * are always skipped; then the user's `exclude` globs; then, unless the user's `include` globs
 * match, the built-in lock-file, vendored, generated and minified filters (paths, then the
 * banner and line lengths the diff's lines show; nothing is read from disk). Deleted files stay
 * reviewable and are also listed in `deleted`. Globs match the file's (new) path.
 */
export function classifyFiles(model: DiffModel, options: ClassifyOptions = {}): FileClassification {
  const exclude = compile(options.exclude ?? []);
  const include = compile(options.include ?? []);
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const result: FileClassification = { reviewable: [], deleted: [], skipped: [] };
  for (const file of model.files) {
    let skip: SkippedFile | undefined;
    const excludedBy = exclude(file.path);
    if (file.binary) skip = { path: file.path, kind: "binary", reason: "binary: no text lines to review" };
    else if (excludedBy) skip = { path: file.path, kind: "excluded", reason: `excluded: matches ${excludedBy}` };
    else if (!include(file.path)) skip = defaultSkip(file, maxLineLength);
    if (skip) {
      result.skipped.push(skip);
      continue;
    }
    result.reviewable.push(file);
    if (file.status === "deleted") result.deleted.push(file);
  }
  return result;
}
