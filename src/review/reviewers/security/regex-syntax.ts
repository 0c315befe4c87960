import type { RegexFlags } from "./regex-backtracking.js";

/** One node of a parsed pattern: the subset of JavaScript regex syntax the step counter runs. */
export type RegexNode =
  | { kind: "char"; test: (ch: string) => boolean }
  | { kind: "seq"; items: RegexNode[] }
  | { kind: "alt"; alts: RegexNode[] }
  | { kind: "repeat"; body: RegexNode; min: number; max: number; lazy: boolean; source: string }
  | { kind: "assert"; what: "start" | "end" | "word" | "notWord" }
  | { kind: "look"; body: RegexNode; negate: boolean };

/** Syntax outside the supported subset (backreferences, lookbehind, unicode properties ...). */
export class UnsupportedRegexError extends Error {
  override name = "UnsupportedRegexError";
}

const WORD = /\w/;
const DIGIT = /\d/;
const SPACE = /\s/;
const LINE_END = /[\n\r\u2028\u2029]/;
const SIMPLE: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v", "0": "\0" };

type CharTest = (ch: string) => boolean;

function classEscape(letter: string): CharTest | undefined {
  switch (letter) {
    case "d":
      return (c) => DIGIT.test(c);
    case "D":
      return (c) => !DIGIT.test(c);
    case "w":
      return (c) => WORD.test(c);
    case "W":
      return (c) => !WORD.test(c);
    case "s":
      return (c) => SPACE.test(c);
    case "S":
      return (c) => !SPACE.test(c);
    default:
      return undefined;
  }
}

/**
 * Parses a JavaScript pattern (without slashes) into RegexNodes. Throws UnsupportedRegexError for
 * constructs the step counter does not model, and for invalid syntax.
 */
export function parseRegex(pattern: string, flags: RegexFlags): RegexNode {
  let i = 0;
  const fold = (test: CharTest): CharTest =>
    flags.caseInsensitive ? (c) => test(c) || test(c.toLowerCase()) || test(c.toUpperCase()) : test;
  const literal = (ch: string): RegexNode => ({ kind: "char", test: fold((c) => c === ch) });
  const fail = (why: string): never => {
    throw new UnsupportedRegexError(`${why} at ${i} in /${pattern}/`);
  };

  // `\x`: the character it stands for, or a class test for \d \w \s and their negations.
  const readEscape = (inClass: boolean): string | CharTest => {
    const ch = pattern[i++];
    if (ch === undefined) return fail("trailing backslash");
    const cls = classEscape(ch);
    if (cls) return cls;
    if (ch in SIMPLE && !(ch === "0" && /\d/.test(pattern[i] ?? ""))) return SIMPLE[ch];
    if (ch === "b" && inClass) return "\b";
    if (/[1-9]/.test(ch) || ch === "k") return fail("backreference");
    if (ch === "p" || ch === "P") return fail("unicode property");
    if (ch === "x" && /^[0-9a-fA-F]{2}/.test(pattern.slice(i))) {
      i += 2;
      return String.fromCharCode(parseInt(pattern.slice(i - 2, i), 16));
    }
    if (ch === "u") {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i));
      if (braced && flags.unicode) {
        i += braced[0].length;
        return String.fromCodePoint(parseInt(braced[1], 16));
      }
      if (/^[0-9a-fA-F]{4}/.test(pattern.slice(i))) {
        i += 4;
        return String.fromCharCode(parseInt(pattern.slice(i - 4, i), 16));
      }
    }
    if (ch === "c" && /[A-Za-z]/.test(pattern[i] ?? "")) return String.fromCharCode(pattern.charCodeAt(i++) % 32);
    return ch; // identity escape: `\.`, `\/`, `\-`
  };

  const readClass = (): RegexNode => {
    const negate = pattern[i] === "^";
    if (negate) i++;
    const tests: CharTest[] = [];
    // In JavaScript `[]` matches nothing and `[^]` anything: a leading `]` closes the class.
    while (i < pattern.length && pattern[i] !== "]") {
      let low: string | CharTest = pattern[i++];
      if (low === "\\") low = readEscape(true);
      if (pattern[i] === "-" && pattern[i + 1] !== "]" && i + 1 < pattern.length && typeof low === "string") {
        i++;
        let high: string | CharTest = pattern[i++];
        if (high === "\\") high = readEscape(true);
        if (typeof high !== "string") return fail("class escape as range end");
        const from = low.charCodeAt(0);
        const to = high.charCodeAt(0);
        if (from > to) return fail("range out of order");
        tests.push((c) => c.charCodeAt(0) >= from && c.charCodeAt(0) <= to);
      } else if (typeof low === "string") {
        const ch = low;
        tests.push((c) => c === ch);
      } else {
        tests.push(low);
      }
    }
    if (pattern[i] !== "]") return fail("unterminated class");
    i++;
    const any = fold((c) => tests.some((t) => t(c)));
    return { kind: "char", test: negate ? (c) => !any(c) : any };
  };

  const readQuantifier = (): { min: number; max: number } | undefined => {
    const ch = pattern[i];
    if (ch === "*") return i++, { min: 0, max: Infinity };
    if (ch === "+") return i++, { min: 1, max: Infinity };
    if (ch === "?") return i++, { min: 0, max: 1 };
    const braced = ch === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
    if (!braced) return undefined;
    i += braced[0].length;
    const min = Number(braced[1]);
    const max = braced[2] === undefined ? min : braced[3] === "" ? Infinity : Number(braced[3]);
    return { min, max };
  };

  const readAtom = (): RegexNode => {
    const ch = pattern[i++];
    if (ch === "(") {
      let look: { negate: boolean } | undefined;
      if (pattern.startsWith("?:", i)) i += 2;
      else if (pattern.startsWith("?=", i) || pattern.startsWith("?!", i)) {
        look = { negate: pattern[i + 1] === "!" };
        i += 2;
      } else if (pattern.startsWith("?<=", i) || pattern.startsWith("?<!", i)) return fail("lookbehind");
      else if (pattern.startsWith("?<", i)) {
        const close = pattern.indexOf(">", i);
        if (close < 0) return fail("unterminated group name");
        i = close + 1;
      } else if (pattern[i] === "?") return fail("group modifier");
      const body = readAlternation();
      if (pattern[i] !== ")") return fail("unterminated group");
      i++;
      return look ? { kind: "look", body, negate: look.negate } : body;
    }
    if (ch === "[") return readClass();
    if (ch === ".") return { kind: "char", test: flags.dotAll ? () => true : (c) => !LINE_END.test(c) };
    if (ch === "^") return { kind: "assert", what: "start" };
    if (ch === "$") return { kind: "assert", what: "end" };
    if (ch === "\\") {
      if (pattern[i] === "b" || pattern[i] === "B") return { kind: "assert", what: pattern[i++] === "b" ? "word" : "notWord" };
      const escaped = readEscape(false);
      return typeof escaped === "string" ? literal(escaped) : { kind: "char", test: fold(escaped) };
    }
    if (ch === ")" || ch === "*" || ch === "+" || ch === "?") return fail(`unexpected ${ch}`);
    return literal(ch);
  };

  const readSequence = (): RegexNode => {
    const items: RegexNode[] = [];
    while (i < pattern.length && pattern[i] !== "|" && pattern[i] !== ")") {
      const start = i;
      const atom = readAtom();
      const quantifier = readQuantifier();
      if (!quantifier) {
        items.push(atom);
        continue;
      }
      const lazy = pattern[i] === "?";
      if (lazy) i++;
      if (atom.kind === "assert") return fail("quantified assertion");
      items.push({ kind: "repeat", body: atom, ...quantifier, lazy, source: pattern.slice(start, i) });
    }
    return items.length === 1 ? items[0] : { kind: "seq", items };
  };

  const readAlternation = (): RegexNode => {
    const alts = [readSequence()];
    while (pattern[i] === "|") {
      i++;
      alts.push(readSequence());
    }
    return alts.length === 1 ? alts[0] : { kind: "alt", alts };
  };

  const root = readAlternation();
  if (i < pattern.length) fail("unbalanced )");
  return root;
}
