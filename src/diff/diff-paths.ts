/**
 * How paths are spelled in diff headers: git's C-style quoting, the `a/` `b/` prefixes, the
 * `/dev/null` placeholder, and the three header forms that name a file (`diff --git`, `---`/`+++`,
 * `Binary files ... differ`).
 */

/** The placeholder a diff names on the side where a file does not exist. */
export const DEV_NULL = "/dev/null";

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
const utf8 = new TextDecoder("utf-8");

/**
 * Reads a C-quoted path starting at `text[start] === '"'`, as git writes names with special or
 * non-ASCII characters (`"a/caf\303\251.txt"`: octal escapes are UTF-8 bytes). Returns the
 * decoded path and the index just past the closing quote, or undefined when the quoting is broken.
 */
export function readQuotedPath(text: string, start: number): { value: string; end: number } | undefined {
  const bytes: number[] = [];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') return { value: utf8.decode(Uint8Array.from(bytes)), end: i + 1 };
    if (ch !== "\\") {
      const code = text.charCodeAt(i);
      if (code < 0x80) bytes.push(code);
      else {
        // Surrogate pairs: take the whole code point so it encodes as one UTF-8 sequence.
        const point = text.codePointAt(i) ?? code;
        if (point > 0xffff) i++;
        bytes.push(...Buffer.from(String.fromCodePoint(point), "utf8"));
      }
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) return undefined;
    if (next in ESCAPES) {
      bytes.push(ESCAPES[next]);
      i++;
    } else if (/^[0-3][0-7]{2}$/.test(text.slice(i + 1, i + 4))) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Reads the path of a `---`, `+++`, `rename from/to` or `copy from/to` line (the text after the
 * keyword). Unquoted names end at the first tab: `diff -u` puts a timestamp after it, and git adds
 * a lone tab after names that contain a space.
 */
export function readPathField(field: string): string | undefined {
  if (field.startsWith('"')) return readQuotedPath(field, 0)?.value;
  const tab = field.indexOf("\t");
  const path = tab === -1 ? field : field.slice(0, tab);
  return path === "" ? undefined : path;
}

/** Drops a leading `a/` / `b/`, as `git diff` (and `diff -u a/x b/x`) spell the two sides. */
function withoutPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** True when a pair of raw names carries git's default `a/` and `b/` prefixes. */
export function hasGitPrefixes(oldName: string | undefined, newName: string | undefined): boolean {
  const oldOk = oldName === undefined || oldName === DEV_NULL || oldName.startsWith("a/");
  const newOk = newName === undefined || newName === DEV_NULL || newName.startsWith("b/");
  const named = (oldName !== undefined && oldName !== DEV_NULL) || (newName !== undefined && newName !== DEV_NULL);
  return oldOk && newOk && named;
}

/** Strips the side's prefix from a raw name when the diff uses prefixes; keeps `/dev/null`. */
export function stripSidePrefix(name: string | undefined, side: "old" | "new", prefixed: boolean): string | undefined {
  if (name === undefined || name === DEV_NULL || !prefixed) return name;
  // A bare "b/" names no file; the caller falls back to another header.
  return withoutPrefix(name, side === "old" ? "a/" : "b/") || undefined;
}

/**
 * Splits `<old> <new>` (the rest of a `diff --git` line, or of `Binary files <old> and <new>
 * differ` with `separator` " and ") into its two names, still prefixed. Quoted names are exact.
 * Unquoted names are ambiguous when they contain the separator; then the split whose two names
 * agree once their prefixes are dropped wins, as git itself decides.
 */
export function splitNamePair(rest: string, separator = " "): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const first = readQuotedPath(rest, 0);
    if (!first || !rest.startsWith(separator, first.end)) return undefined;
    const tail = rest.slice(first.end + separator.length);
    const second = tail.startsWith('"') ? readQuotedPath(tail, 0) : undefined;
    if (tail.startsWith('"') && (!second || second.end !== tail.length)) return undefined;
    return [first.value, second ? second.value : tail];
  }
  const candidates: [string, string][] = [];
  for (let at = rest.indexOf(separator); at !== -1; at = rest.indexOf(separator, at + 1)) {
    const left = rest.slice(0, at);
    const right = rest.slice(at + separator.length);
    if (right.startsWith('"')) {
      const quoted = readQuotedPath(right, 0);
      if (quoted && quoted.end === right.length) return [left, quoted.value];
      continue;
    }
    if (left !== "" && right !== "") candidates.push([left, right]);
  }
  const same = candidates.find(([l, r]) => withoutPrefix(l, "a/") === withoutPrefix(r, "b/") || l === DEV_NULL || r === DEV_NULL);
  if (same) return same;
  return candidates.length === 1 ? candidates[0] : undefined;
}
