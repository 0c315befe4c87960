import type { RegexFlags } from "./regex-backtracking.js";
import { countMatchSteps } from "./regex-steps.js";
import { parseRegex, UnsupportedRegexError, type RegexNode } from "./regex-syntax.js";

/** A pattern whose matching time grows faster than its input, with an input that shows it. */
export interface GrowthReport {
  /** The repetition the attack pumps, e.g. `[\r\n]+`. */
  quantifier: string;
  /** Text before the pumped part, the pumped unit, and what ends the input. */
  prefix: string;
  pump: string;
  suffix: string;
  /** 2 for quadratic, 3 for cubic (or worse). */
  degree: number;
}

// Characters tried as pumped units and as input endings, most telling first.
const ALPHABET = [" ", "a", "1", ",", ".", "/", "-", "_", ":", ";", "=", "@", "#", "\t", "\n", "A", "{", "}", "[", "]", "(", ")", "<", ">", '"', "'", "*", "&", "%", "!", "\\", "+", "?", "x", "\r", "\0"];
const ENDINGS = ["\n", "!", "\0", "x", " ", "1", ""];
const PUMPS_PER_QUANTIFIER = 5;
// Budgets: the analysis of one pattern stays within a few milliseconds.
const RUN_LIMIT = 100_000;
const PATTERN_BUDGET = 1_000_000;
const MAX_QUANTIFIERS = 16;

/** A short string the node matches (empty when it can match nothing at all). */
function sampleOf(node: RegexNode): string | undefined {
  switch (node.kind) {
    case "char":
      return ALPHABET.find((c) => node.test(c)) ?? Array.from({ length: 95 }, (_, k) => String.fromCharCode(32 + k)).find((c) => node.test(c));
    case "seq": {
      let text = "";
      for (const item of node.items) {
        const part = sampleOf(item);
        if (part === undefined) return undefined;
        text += part;
      }
      return text;
    }
    case "alt": {
      const options = node.alts.map(sampleOf).filter((s): s is string => s !== undefined);
      return options.sort((a, b) => a.length - b.length)[0];
    }
    case "repeat": {
      if (node.min === 0) return "";
      const unit = sampleOf(node.body);
      return unit === undefined ? undefined : unit.repeat(node.min);
    }
    default:
      return "";
  }
}

interface Candidate {
  repeat: Extract<RegexNode, { kind: "repeat" }>;
  /** A string that leads the matcher from the pattern's start to the repetition. */
  prefix: string;
}

/** Every unbounded repetition, with a prefix that reaches it. */
function unboundedRepeats(node: RegexNode, prefix: string, out: Candidate[]): void {
  switch (node.kind) {
    case "seq": {
      let before = prefix;
      for (const item of node.items) {
        unboundedRepeats(item, before, out);
        const part = sampleOf(item);
        if (part === undefined) return;
        before += part;
      }
      return;
    }
    case "alt":
      for (const alt of node.alts) unboundedRepeats(alt, prefix, out);
      return;
    case "repeat":
      if (node.max === Infinity) out.push({ repeat: node, prefix });
      unboundedRepeats(node.body, prefix, out);
      return;
    default:
      return;
  }
}

/**
 * Units worth pumping through a repetition: characters (or a short string) its body accepts, and
 * the prefix itself when the body accepts it too (`\{.*\}` on "{{{{": every "{" starts a match).
 */
function pumpsFor(body: RegexNode, prefix: string): string[] {
  const pumps = body.kind === "char" ? ALPHABET.filter((c) => body.test(c)).slice(0, PUMPS_PER_QUANTIFIER) : [sampleOf(body) ?? ""];
  if (prefix && prefix.length <= 8 && body.kind === "char" && [...prefix].every((c) => body.test(c))) pumps.unshift(prefix);
  return [...new Set(pumps)].filter(Boolean);
}

/**
 * Looks for inputs on which a backtracking engine needs polynomially many steps (quadratic or
 * worse): an input made of one repeated unit, sized 32, 64 and 128, whose step count grows by a
 * factor of three or more per doubling. Exponential patterns are `analyzeBacktracking`'s job.
 * Undefined when no such input is found or the pattern uses syntax the step counter does not model.
 */
export function analyzeGrowth(pattern: string, flags: RegexFlags, sticky = false): GrowthReport | undefined {
  let root: RegexNode;
  try {
    root = parseRegex(pattern, flags);
  } catch (err) {
    if (err instanceof UnsupportedRegexError) return undefined;
    throw err;
  }
  const candidates: Candidate[] = [];
  unboundedRepeats(root, "", candidates);
  let budget = PATTERN_BUDGET;
  const steps = (input: string) => {
    const used = countMatchSteps(root, input, flags, Math.min(RUN_LIMIT, budget), sticky).steps;
    budget -= used;
    return used;
  };
  for (const { repeat, prefix } of candidates.slice(0, MAX_QUANTIFIERS)) {
    // With nothing before the repetition, an earlier alternative may match at the very start
    // (`^\s+|\s+$`): also try inputs that begin with a character the repetition rejects.
    const lead = prefix ? "" : ["x", "!", "\0"].find((c) => repeat.body.kind === "char" && !repeat.body.test(c));
    for (const start of lead ? [prefix, lead] : [prefix]) {
      for (const pump of pumpsFor(repeat.body, start)) {
        for (const suffix of ENDINGS) {
          if (budget <= 0) return undefined;
          const make = (n: number) => start + pump.repeat(n) + suffix;
          const small = steps(make(32));
          if (small * 8 >= RUN_LIMIT) continue;
          const medium = steps(make(64));
          if (medium < small * 2.8) continue;
          const large = steps(make(128));
          const ratio = large / medium;
          // Linear matching doubles; quadratic quadruples (allowing for constant overheads).
          if (ratio < 3.2 || large >= RUN_LIMIT) continue;
          return { quantifier: repeat.source, prefix: start, pump, suffix, degree: ratio >= 6 ? 3 : 2 };
        }
      }
    }
  }
  return undefined;
}
