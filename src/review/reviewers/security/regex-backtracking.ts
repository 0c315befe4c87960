import { isSafePattern, type RedosDetectorResult, type RedosDetectorTrailEntry, type RedosDetectorTrailEntrySide } from "redos-detector";
import { analyzeGrowth, type GrowthReport } from "./regex-growth.js";

/** Flags that change what a pattern matches (JavaScript letters). */
export interface RegexFlags {
  caseInsensitive: boolean;
  unicode: boolean;
  dotAll: boolean;
  multiLine: boolean;
}

/** Why a pattern backtracks exponentially, with an input that shows it. */
export interface BacktrackingReport {
  /** The quantified group that can split the same text in many ways, e.g. `(a+)+`. */
  quantifier: string;
  /** An input that makes a backtracking engine explode, or undefined when none was built. */
  attack?: string;
}

// Analysis limits: the detector's own step cap plus a wall-clock cap per pattern.
const MAX_STEPS = 20_000;
const TIMEOUT_MS = 250;
const MAX_PATTERN_LENGTH = 1_000;
const UNBOUNDED = /(\*|\+|\{\d+,\})\??$/;
const ATTACK_LENGTH = 30;

interface ExponentialTrail {
  trail: readonly RedosDetectorTrailEntry[];
  /** Steps [at, end) of the trail consume text that can be repeated to pump the backtracking. */
  at: number;
  end: number;
  quantifier: string;
}

type QuantifierIteration = RedosDetectorTrailEntrySide["quantifierIterations"][number];

function quantifierKey(q: QuantifierIteration): string {
  return `${q.node.start.offset}:${q.node.source}`;
}

function iterationOf(side: RedosDetectorTrailEntrySide, key: string): number | undefined {
  return side.quantifierIterations.find((q) => quantifierKey(q) === key)?.iteration;
}

/**
 * Finds, in the detector's trails, the mark of exponential backtracking: one unbounded
 * quantifier that can consume the same text in two different ways and then carry on. Either
 * the two ways sit in different iterations of it with another unbounded quantifier inside
 * (`(a+)+`), or two alternatives inside one iteration both finish it (`(a|a)*`). The detector
 * also reports polynomial (mostly quadratic) patterns such as `\s*,\s*`; those are left out on
 * purpose, because they are everywhere and rarely matter at the lengths we see.
 */
function findExponentialTrail(result: RedosDetectorResult): ExponentialTrail | undefined {
  for (const { trail } of result.trails) {
    for (let k = 0; k < trail.length; k++) {
      // The two ways must agree up to here; a trail whose sides are shifted by an earlier
      // ambiguity (often the implicit `[^]*?` prefix of an unanchored pattern) shows a
      // polynomial overlap, not two ways through one repetition.
      if (k > 0 && trail[k - 1].a.node.start.offset !== trail[k - 1].b.node.start.offset) break;
      const { a, b } = trail[k];
      for (let i = 0; i < a.quantifierIterations.length; i++) {
        const q = a.quantifierIterations[i];
        if (!UNBOUNDED.test(q.node.source)) continue;
        const key = quantifierKey(q);
        const j = b.quantifierIterations.findIndex((x) => quantifierKey(x) === key);
        if (j < 0) continue;
        if (q.iteration !== b.quantifierIterations[j].iteration) {
          const nested =
            a.quantifierIterations.slice(i + 1).some((x) => UNBOUNDED.test(x.node.source)) ||
            b.quantifierIterations.slice(j + 1).some((x) => UNBOUNDED.test(x.node.source));
          // One character the inner repetition takes is enough to pump: "aaaa…".
          if (nested) return { trail, at: k, end: k + 1, quantifier: q.node.source };
        } else if (a.node.start.offset !== b.node.start.offset) {
          for (let m = k + 1; m < trail.length; m++) {
            const ia = iterationOf(trail[m].a, key);
            const ib = iterationOf(trail[m].b, key);
            // The text from k to m is one iteration's worth that both alternatives accept.
            if (ia !== undefined && ib !== undefined && ia > q.iteration && ib > q.iteration) return { trail, at: k, end: m, quantifier: q.node.source };
          }
        }
      }
    }
  }
  return undefined;
}

const CANDIDATES = ["a", "0", " ", "A", "_", "-", ".", "x", "1", "@", "/"];
const BREAKERS = ["!", "#", "~", "%", "\u0000"];

function matchesAtom(source: string, ch: string, flags: string): boolean {
  try {
    return new RegExp(`^(?:${source})$`, flags).test(ch);
  } catch {
    return false;
  }
}

/** A character both sides of a trail step accept, or undefined. */
function sharedCharacter(entry: RedosDetectorTrailEntry, flags: string): string | undefined {
  const pool = [...CANDIDATES, ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
  return pool.find((ch) => matchesAtom(entry.a.node.source, ch, flags) && matchesAtom(entry.b.node.source, ch, flags));
}

function buildAttack(found: ExponentialTrail, flags: string): string | undefined {
  const chars: string[] = [];
  for (const entry of found.trail.slice(0, found.end)) {
    const ch = sharedCharacter(entry, flags);
    if (ch === undefined) return undefined;
    chars.push(ch);
  }
  const prefix = chars.slice(0, found.at).join("");
  const pump = chars.slice(found.at).join("");
  if (!pump) return undefined;
  const pumpAtoms = found.trail.slice(found.at, found.end).flatMap((e) => [e.a.node.source, e.b.node.source]);
  const breaker = BREAKERS.find((ch) => !pumpAtoms.some((atom) => matchesAtom(atom, ch, flags))) ?? "!";
  return prefix + pump.repeat(Math.ceil(ATTACK_LENGTH / pump.length)) + breaker;
}

/** redos-detector's verdict (bounded in steps and time); undefined when it cannot read the pattern. */
function detect(pattern: string, flags: RegexFlags): RedosDetectorResult | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return undefined;
  try {
    return isSafePattern(pattern, { ...flags, maxSteps: MAX_STEPS, timeout: TIMEOUT_MS });
  } catch {
    return undefined; // syntax the detector does not support
  }
}

function exponentialReport(result: RedosDetectorResult, flags: RegexFlags): BacktrackingReport | undefined {
  const found = findExponentialTrail(result);
  if (!found) return undefined;
  const letters = `${flags.caseInsensitive ? "i" : ""}${flags.unicode ? "u" : ""}${flags.dotAll ? "s" : ""}`;
  return { quantifier: found.quantifier, attack: buildAttack(found, letters) };
}

/**
 * Analyses a JavaScript-syntax pattern with redos-detector (bounded in steps and time) and
 * reports exponential backtracking; undefined when safe, only polynomial, or not analysable.
 */
export function analyzeBacktracking(pattern: string, flags: RegexFlags): BacktrackingReport | undefined {
  const result = detect(pattern, flags);
  return result && !result.safe ? exponentialReport(result, flags) : undefined;
}

/** How badly a pattern can backtrack: exponentially, or polynomially (with an input that shows it). */
export type RegexVerdict = { kind: "exponential"; report: BacktrackingReport } | { kind: "polynomial"; growth: GrowthReport };

/**
 * Exponential backtracking as `analyzeBacktracking` finds it; otherwise, when redos-detector sees
 * two ways to match the same text, whether that actually costs polynomial time, measured by
 * counting a backtracking matcher's steps on pumped inputs (`analyzeGrowth`). Ambiguity alone is
 * not enough: `^(.*!)([^!]*)$` is ambiguous and still linear.
 */
export function judgeRegex(pattern: string, flags: RegexFlags, sticky = false): RegexVerdict | undefined {
  const result = detect(pattern, flags);
  if (!result || result.safe) return undefined;
  const report = exponentialReport(result, flags);
  if (report) return { kind: "exponential", report };
  const growth = analyzeGrowth(pattern, flags, sticky);
  return growth ? { kind: "polynomial", growth } : undefined;
}
