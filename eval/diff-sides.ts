/**
 * A deliberately small reader of git-style unified diffs, independent of src/diff so that the
 * measurement does not share the parser it measures. It knows, per file, which new-side lines
 * were added and which are context, and can rebuild the new side of each hunk.
 */

/** New-side view of one file of a diff. */
export interface FileSides {
  /** Path after the change (`b/...`); null for a deleted file. */
  path: string | null;
  /** Path before the change (`a/...`); null for an added file. */
  oldPath: string | null;
  /** New-side line number -> text, for added lines. */
  added: Map<number, string>;
  /** New-side line number -> text, for context lines. */
  context: Map<number, string>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

function stripPrefix(raw: string, prefix: "a/" | "b/"): string | null {
  const name = raw.replace(/\t.*$/, "");
  if (name === "/dev/null") return null;
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** Parses a unified diff into one FileSides per `diff --git` section. */
export function readDiffSides(text: string): FileSides[] {
  const files: FileSides[] = [];
  let current: FileSides | null = null;
  let newLine = 0;
  let inHunk = false;

  for (const line of text.split("\n")) {
    if (line.startsWith("diff --git ")) {
      const m = /^diff --git a\/(.*) b\/(.*)$/.exec(line);
      current = { path: m ? m[2] : null, oldPath: m ? m[1] : null, added: new Map(), context: new Map() };
      files.push(current);
      inHunk = false;
      continue;
    }
    if (!current) continue;
    if (!inHunk && line.startsWith("--- ")) {
      current.oldPath = stripPrefix(line.slice(4), "a/");
      continue;
    }
    if (!inHunk && line.startsWith("+++ ")) {
      current.path = stripPrefix(line.slice(4), "b/");
      continue;
    }
    const header = HUNK_HEADER.exec(line);
    if (header) {
      newLine = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith("+")) {
      current.added.set(newLine++, line.slice(1));
    } else if (line.startsWith(" ")) {
      current.context.set(newLine++, line.slice(1));
    }
    // "-" lines only advance the old side; "\ No newline at end of file" carries no line.
  }
  return files;
}

/** New-side lines that the diff adds, per path (deleted files are left out). */
export function addedLinesByPath(files: FileSides[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const f of files) {
    if (f.path) out.set(f.path, new Set(f.added.keys()));
  }
  return out;
}
