/** What trying a batch on its own told us. */
export type ProbeOutcome = { ok: true } | { ok: false; error: unknown };

export type Culprit<T> = { item: T; error: unknown };

/**
 * Finds items that make a batch fail, by halving. `batch` is known to fail with `failure`;
 * `probe` tries a sub-batch without lasting effects. Assumes each item passes or fails on its
 * own (GitHub validates every review comment separately), so once the left half passes the
 * right half must hold a culprit and is split further without being probed itself. Each culprit
 * comes back with the error of the smallest batch it failed in.
 *
 * `"first"` follows one failing half down to one culprit: ⌈log2 n⌉ probes, the cheapest when a
 * single item is bad (the usual case). `"all"` also probes the other half of every failing
 * split, finding every culprit in one pass: about 2·k·log2(n) probes for k culprits.
 */
export async function isolateFailures<T>(
  batch: T[],
  failure: unknown,
  probe: (items: T[]) => Promise<ProbeOutcome>,
  mode: "first" | "all" = "all",
): Promise<Array<Culprit<T>>> {
  if (batch.length === 0) return [];
  if (batch.length === 1) return [{ item: batch[0], error: failure }];
  const middle = Math.ceil(batch.length / 2);
  const left = batch.slice(0, middle);
  const right = batch.slice(middle);
  const leftOutcome = await probe(left);
  if (leftOutcome.ok) return isolateFailures(right, failure, probe, mode);
  const culprits = await isolateFailures(left, leftOutcome.error, probe, mode);
  if (mode === "first") return culprits;
  const rightOutcome = await probe(right);
  if (!rightOutcome.ok) culprits.push(...(await isolateFailures(right, rightOutcome.error, probe, mode)));
  return culprits;
}
