import { reviewDiff } from "../../src/review/pipeline.js";
import { DEFAULT_SLICE_MS } from "../../src/review/cooperative.js";
import { createMemoryRepo, type Corpus } from "../corpus.js";

/** One review and how long the event loop went without a turn during it. */
export interface StallRun {
  reviewMs: number;
  longestStallMs: number;
  turns: number;
}

/**
 * Reviews the corpus while a setImmediate ticker records the gaps between event-loop turns: the
 * longest gap is how long a webhook answer or a health check could wait behind the review.
 */
export async function measureStall(corpus: Corpus, sliceMs: number | undefined): Promise<StallRun> {
  let last = performance.now();
  let longest = 0;
  let turns = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  await reviewDiff({ diffText: corpus.diffText, repo: createMemoryRepo(corpus), sliceMs });
  const reviewMs = performance.now() - started;
  running = false;
  // The gap that ends with the review is seen by the next turn.
  await new Promise((resolve) => setImmediate(resolve));
  return { reviewMs, longestStallMs: longest, turns };
}

export { DEFAULT_SLICE_MS };
