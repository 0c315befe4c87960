/**
 * The p-th percentile of the samples by the nearest-rank method: the smallest sample with at
 * least p % of the samples at or below it. With 200 samples p99 is the 198th smallest, a value
 * that was really observed (no interpolation between two requests).
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** What one burst of requests is reported as. */
export interface BurstStats {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests answered per second of the burst's wall time (first send to last answer). */
  perSecond: number;
}

/** Summarizes one burst from its per-request latencies and its wall time. */
export function summarizeBurst(latenciesMs: readonly number[], wallMs: number): BurstStats {
  return {
    requests: latenciesMs.length,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    maxMs: latenciesMs.length ? Math.max(...latenciesMs) : Number.NaN,
    perSecond: wallMs > 0 ? latenciesMs.length / (wallMs / 1000) : Number.NaN,
  };
}
