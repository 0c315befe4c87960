import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { RepoReader } from "../review/rule.js";

/** Directories that are never the repository's own source. */
const SKIP_DIRS = new Set([".git", "node_modules", ".hg", ".svn", "dist", "build", "coverage", ".next", ".venv", "venv", "__pycache__"]);
/** Files larger than this are not read (same order as GitHub's own diff limits). */
const MAX_FILE_BYTES = 1024 * 1024;
/** Listing stops here so a huge monorepo cannot stall a review. */
const MAX_LISTED_FILES = 50_000;

/** A RepoReader over a directory on disk (the checkout of the change's head). */
export function createFsRepoReader(root: string): RepoReader {
  let listing: string[] | undefined;
  const cache = new Map<string, string | undefined>();
  return {
    listFiles() {
      if (!listing) listing = walk(root);
      return listing;
    },
    readFile(path) {
      if (cache.has(path)) return cache.get(path);
      let text: string | undefined;
      try {
        const full = join(root, path);
        // Never read outside the root, whatever the diff claims a path is.
        if (relative(root, full).startsWith("..")) return undefined;
        const stat = statSync(full);
        if (stat.isFile() && stat.size <= MAX_FILE_BYTES) {
          const buffer = readFileSync(full);
          text = buffer.includes(0) ? undefined : buffer.toString("utf8");
        }
      } catch {
        text = undefined;
      }
      cache.set(path, text);
      return text;
    },
  };
}

function walk(root: string): string[] {
  const files: string[] = [];
  const stack = [root];
  while (stack.length && files.length < MAX_LISTED_FILES) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) stack.push(full);
      } else if (entry.isFile()) {
        files.push(relative(root, full).split(sep).join("/"));
      }
    }
  }
  return files.sort();
}
