/** Median of the samples (mean of the two middle ones for an even count). */
export function median(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a full collection when Node was started with --expose-gc, so that one tool's garbage is
 * not collected on the next tool's clock. A no-op otherwise.
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** True when `collectGarbage` really collects (the runner reports it). */
export function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}

/** Wall time of one call in milliseconds (high-resolution clock). */
export async function timeCall<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
