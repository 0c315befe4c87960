import { DiffParseError, quoteInput } from "./diff-error.js";
import { readPathField, splitNamePair } from "./diff-paths.js";

/** One hunk as scanned: its header, and its body lines without the "\ No newline" markers. */
export interface RawHunk {
  /** 1-based input line of the `@@` header. */
  headerLine: number;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  heading: string;
  /** Body lines with their marker (' ', '-', '+'; '' for a blank context line), CR stripped. */
  body: string[];
  /** Indexes into `body` of lines followed by "\ No newline at end of file". */
  noNewlineAfter: number[];
}

/** One file's section of the input: everything its headers said, names still raw. */
export interface RawFile {
  /** 1-based input line where the section starts. */
  startLine: number;
  /** Started by `diff --git` (extended headers follow) rather than by `---`/`+++` or `diff -u`. */
  git: boolean;
  gitNames?: [string, string];
  minusName?: string;
  plusName?: string;
  /** True once the `---`/`+++` pair was read (hunks may follow). */
  patchHeader: boolean;
  renameFrom?: string;
  renameTo?: string;
  copyFrom?: string;
  copyTo?: string;
  similarity?: number;
  oldMode?: string;
  newMode?: string;
  indexMode?: string;
  newFile: boolean;
  deletedFile: boolean;
  binary: boolean;
  binaryNames?: [string, string];
  hunks: RawHunk[];
}

// Digits are capped so line numbers stay exact integers (a 17-digit "line" would not).
const HUNK_HEADER = /^@@ -(\d{1,9})(?:,(\d{1,9}))? \+(\d{1,9})(?:,(\d{1,9}))? @@(.*)$/;

/** git's extended header lines, read only between `diff --git` and the first `---`/hunk. */
const EXTENDED: [string, (file: RawFile, rest: string) => void][] = [
  ["old mode ", (f, r) => (f.oldMode = r.trim())],
  ["new mode ", (f, r) => (f.newMode = r.trim())],
  ["new file mode ", (f, r) => ((f.newFile = true), (f.newMode = r.trim()))],
  ["deleted file mode ", (f, r) => ((f.deletedFile = true), (f.oldMode = r.trim()))],
  ["rename from ", (f, r) => (f.renameFrom = readPathField(r))],
  ["rename to ", (f, r) => (f.renameTo = readPathField(r))],
  ["copy from ", (f, r) => (f.copyFrom = readPathField(r))],
  ["copy to ", (f, r) => (f.copyTo = readPathField(r))],
  ["similarity index ", (f, r) => (f.similarity = percent(r))],
  ["index ", (f, r) => (f.indexMode = /^\S+ (\d{6})$/.exec(r)?.[1] ?? f.indexMode)],
  ["GIT binary patch", (f) => (f.binary = true)],
];

function percent(text: string): number | undefined {
  const m = /^(\d{1,3})%$/.exec(text.trim());
  return m ? Math.min(100, Number(m[1])) : undefined;
}

function newFile(startLine: number, git: boolean): RawFile {
  return { startLine, git, patchHeader: false, newFile: false, deletedFile: false, binary: false, hunks: [] };
}

function readBinaryLine(file: RawFile, line: string): void {
  file.binary = true;
  const m = /^Binary files (.*) differ$/.exec(line);
  if (m) file.binaryNames = splitNamePair(m[1], " and ");
}

function parseHunkHeader(line: string, lineNo: number): RawHunk {
  const m = HUNK_HEADER.exec(line);
  if (!m) throw new DiffParseError(`malformed hunk header at line ${lineNo}: ${quoteInput(line)}`, lineNo);
  const [oldStart, oldLines, newStart, newLines] = [m[1], m[2] ?? "1", m[3], m[4] ?? "1"].map(Number);
  if (oldLines + newLines === 0) throw new DiffParseError(`hunk header at line ${lineNo} declares no lines: ${quoteInput(line)}`, lineNo);
  // Start 0 only means "before the first line", which a side with lines cannot be.
  if ((oldStart === 0 && oldLines > 0) || (newStart === 0 && newLines > 0)) {
    throw new DiffParseError(`hunk header at line ${lineNo} starts at line 0: ${quoteInput(line)}`, lineNo);
  }
  const heading = m[5].startsWith(" ") ? m[5].slice(1) : m[5];
  return { headerLine: lineNo, oldStart, oldLines, newStart, newLines, heading, body: [], noNewlineAfter: [] };
}

function describe(h: RawHunk): string {
  return `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@ at line ${h.headerLine}`;
}

/**
 * Splits a diff into file sections, reading the headers parse-diff ignores (renames, copies,
 * binary markers, quoted names) and walking every hunk by its header's line counts.
 *
 * Counts are trusted the way `git apply` trusts them: they are the only way to tell a deleted
 * line "-- x" from the next file's "--- x" header. A body that ends before its counts are met,
 * or a +/-/space line right after they are met, is a DiffParseError rather than a silent
 * misreading (parse-diff would swallow the next file's header as context, or drop the lines).
 * Text before the first header and between sections (mail headers, `diff -r`'s "Only in" lines,
 * a format-patch signature after "-- ") is ignored.
 */
export function scanDiff(lines: string[]): RawFile[] {
  const files: RawFile[] = [];
  let file: RawFile | undefined;
  let hunk: RawHunk | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  // After a hunk's last line, a +/-/space line means the header under-counted.
  let afterHunk = false;
  // A "\ No newline" marker must follow a body line directly.
  let lastWasBody = false;

  const finish = () => {
    if (file) files.push(file);
    file = undefined;
    hunk = undefined;
    afterHunk = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i];
    const first = line[0];

    if (hunk && (oldLeft > 0 || newLeft > 0)) {
      if (first === "\\") {
        if (!lastWasBody) throw new DiffParseError(`stray "\\" marker at line ${lineNo} inside ${describe(hunk)}`, lineNo);
        hunk.noNewlineAfter.push(hunk.body.length - 1);
        lastWasBody = false;
        continue;
      }
      const takesOld = first === " " || first === "-" || line === "";
      const takesNew = first === " " || first === "+" || line === "";
      if (!takesOld && !takesNew) {
        throw new DiffParseError(
          `hunk ${describe(hunk)} ends early at line ${lineNo}: ${oldLeft} old and ${newLeft} new line(s) missing before ${quoteInput(line)}`,
          lineNo,
        );
      }
      if ((takesOld && oldLeft === 0) || (takesNew && newLeft === 0)) {
        throw new DiffParseError(`line ${lineNo} is more than hunk ${describe(hunk)} counts: ${quoteInput(line)}`, lineNo);
      }
      if (takesOld) oldLeft--;
      if (takesNew) newLeft--;
      hunk.body.push(line);
      lastWasBody = true;
      afterHunk = oldLeft === 0 && newLeft === 0;
      continue;
    }

    if (first === "\\" && afterHunk && lastWasBody && hunk) {
      hunk.noNewlineAfter.push(hunk.body.length - 1);
      lastWasBody = false;
      continue;
    }
    lastWasBody = false;

    if (line.startsWith("diff --git ")) {
      finish();
      file = newFile(lineNo, true);
      file.gitNames = splitNamePair(line.slice("diff --git ".length));
    } else if (line.startsWith("diff --cc ") || line.startsWith("diff --combined ") || (file && line.startsWith("@@@"))) {
      throw new DiffParseError(`combined (merge) diffs are not supported: line ${lineNo} is ${quoteInput(line)}`, lineNo);
    } else if (line.startsWith("diff ")) {
      // `diff -ru old new` names its sections this way; the ---/+++ pair that follows has the paths.
      finish();
      file = newFile(lineNo, false);
    } else if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
      if (!file || file.patchHeader || file.binary || file.hunks.length > 0) {
        finish();
        file = newFile(lineNo, false);
      }
      file.minusName = readPathField(line.slice(4));
      file.plusName = readPathField(lines[i + 1].slice(4));
      file.patchHeader = true;
      i++;
    } else if (line.startsWith("@@")) {
      if (!file) throw new DiffParseError(`hunk header at line ${lineNo} comes before any file header`, lineNo);
      if (!file.patchHeader) throw new DiffParseError(`hunk header at line ${lineNo} has no ---/+++ file header before it`, lineNo);
      hunk = parseHunkHeader(line, lineNo);
      file.hunks.push(hunk);
      oldLeft = hunk.oldLines;
      newLeft = hunk.newLines;
      afterHunk = false;
    } else if (afterHunk && line === "-- ") {
      // git format-patch's signature separator: what follows is the mail trailer.
      afterHunk = false;
    } else if (afterHunk && (first === "+" || first === "-" || first === " ")) {
      throw new DiffParseError(`line ${lineNo} follows hunk ${describe(hunk!)} but is more than its header counts: ${quoteInput(line)}`, lineNo);
    } else if (file && !file.patchHeader && !file.binary && file.hunks.length === 0) {
      if (line.startsWith("Binary files ")) readBinaryLine(file, line);
      else if (file.git) {
        const entry = EXTENDED.find(([prefix]) => line.startsWith(prefix));
        entry?.[1](file, line.slice(entry[0].length));
      }
    }
  }
  if (hunk && (oldLeft > 0 || newLeft > 0)) {
    throw new DiffParseError(
      `diff ends inside hunk ${describe(hunk)}: ${oldLeft} old and ${newLeft} new line(s) missing (truncated?)`,
      lines.length,
    );
  }
  finish();
  return files;
}
