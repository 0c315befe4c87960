import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { RepoReader } from "../src/review/rule.js";

/** A benchmark corpus on disk: `change.diff` plus `repo/`, the new side of the touched files. */
export interface Corpus {
  dir: string;
  diffPath: string;
  repoDir: string;
  diffText: string;
  /** Every file under repo/, POSIX path relative to repo/ → text. */
  files: Map<string, string>;
  /** New-side paths the diff touches (deleted files excluded), in diff order. */
  changedPaths: string[];
  addedLines: number;
  deletedLines: number;
}

function listFilesUnder(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
  }
  return out.sort();
}

/**
 * Counts added and deleted lines and collects the new-side paths. Only lines inside hunks count,
 * so a deleted line that begins with "--" is not mistaken for a file header.
 */
export function summarizeDiff(diffText: string): { changedPaths: string[]; addedLines: number; deletedLines: number } {
  const changedPaths: string[] = [];
  let addedLines = 0;
  let deletedLines = 0;
  let inHunk = false;
  for (const line of diffText.split("\n")) {
    if (line.startsWith("diff --git ")) {
      inHunk = false;
    } else if (!inHunk && line.startsWith("+++ ")) {
      if (line !== "+++ /dev/null") changedPaths.push(line.slice(4).replace(/^b\//, ""));
    } else if (line.startsWith("@@")) {
      inHunk = true;
    } else if (inHunk && line.startsWith("+")) {
      addedLines++;
    } else if (inHunk && line.startsWith("-")) {
      deletedLines++;
    }
  }
  return { changedPaths, addedLines, deletedLines };
}

/** Reads a corpus into memory once, so no round pays for disk reads. */
export function loadCorpus(dir: string): Corpus {
  const diffPath = join(dir, "change.diff");
  const repoDir = join(dir, "repo");
  const diffText = readFileSync(diffPath, "utf8");
  const files = new Map<string, string>();
  for (const path of listFilesUnder(repoDir)) files.set(path, readFileSync(join(repoDir, path), "utf8"));
  return { dir, diffPath, repoDir, diffText, files, ...summarizeDiff(diffText) };
}

/** A RepoReader over the in-memory copy of repo/. */
export function createMemoryRepo(corpus: Corpus): RepoReader {
  const paths = [...corpus.files.keys()];
  return {
    listFiles: () => paths,
    readFile: (path) => corpus.files.get(path),
  };
}
