import type { RegexFlags } from "./regex-backtracking.js";
import type { RegexNode } from "./regex-syntax.js";

const WORD = /\w/;
const LINE_END = /[\n\r\u2028\u2029]/;

class StepLimit extends Error {}

/** What one search cost, and whether it found a match (undefined when it stopped at the limit). */
export interface StepCount {
  steps: number;
  matched?: boolean;
}

/**
 * Runs a parsed pattern the way a backtracking engine (V8's irregexp, Python's re) does: every
 * start position in turn, alternatives and repetitions tried in order, backtracking on failure.
 * (`sticky`: only at the start.) Counts the matching steps the search takes until the first match
 * (or until every start failed), stopping at `limit`. Deterministic, unlike timing the real engine.
 */
export function countMatchSteps(root: RegexNode, input: string, flags: RegexFlags, limit: number, sticky = false): StepCount {
  let steps = 0;
  const atLineStart = (pos: number) => pos === 0 || (flags.multiLine && LINE_END.test(input[pos - 1]));
  const atLineEnd = (pos: number) => pos === input.length || (flags.multiLine && LINE_END.test(input[pos]));
  const isWord = (pos: number) => pos >= 0 && pos < input.length && WORD.test(input[pos]);

  // Continuation-passing matcher: `next` receives the position after `node` and says whether the
  // rest of the pattern matched from there.
  const match = (node: RegexNode, pos: number, next: (pos: number) => boolean): boolean => {
    if (++steps >= limit) throw new StepLimit();
    switch (node.kind) {
      case "char":
        return pos < input.length && node.test(input[pos]) && next(pos + 1);
      case "seq": {
        const run = (index: number, at: number): boolean =>
          index === node.items.length ? next(at) : match(node.items[index], at, (after) => run(index + 1, after));
        return run(0, pos);
      }
      case "alt":
        return node.alts.some((alt) => match(alt, pos, next));
      case "assert": {
        const ok =
          node.what === "start" ? atLineStart(pos) : node.what === "end" ? atLineEnd(pos) : (isWord(pos - 1) !== isWord(pos)) === (node.what === "word");
        return ok && next(pos);
      }
      case "look": {
        // Lookarounds are atomic: once they succeed, nothing inside is retried.
        const found = match(node.body, pos, () => true);
        return found !== node.negate && next(pos);
      }
      case "repeat": {
        const iterate = (count: number, at: number): boolean => {
          const more = () =>
            count < node.max &&
            // An iteration that matches nothing ends the loop (as in ECMAScript).
            match(node.body, at, (after) => (after === at && count >= node.min ? false : iterate(count + 1, after)));
          if (count < node.min) return more();
          return node.lazy ? next(at) || more() : more() || next(at);
        };
        return iterate(0, pos);
      }
    }
  };

  try {
    // A sticky pattern is tried at its start position only.
    for (let start = 0; start <= (sticky ? 0 : input.length); start++) if (match(root, start, () => true)) return { steps, matched: true };
  } catch (err) {
    if (err instanceof StepLimit) return { steps: limit };
    throw err;
  }
  return { steps, matched: false };
}
