/** What trying a batch on its own told us. */
export type ProbeOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * Finds the items that make a batch fail, by halving. `batch` is known to fail with `failure`;
 * `probe` tries a sub-batch without side effects that last. Once the left half passes, the
 * right half must hold the culprit, so it is split further without being probed itself.
 * Assumes each item passes or fails on its own (GitHub validates every review comment
 * separately). Each culprit comes back with the error of the smallest batch it failed in.
 *
 * Probes for k culprits among n items: about 2·k·log2(n); 1 culprit among 10 takes 4-6.
 */
export async function isolateFailures<T>(
  batch: T[],
  failure: unknown,
  probe: (items: T[]) => Promise<ProbeOutcome>,
): Promise<Array<{ item: T; error: unknown }>> {
  if (batch.length === 0) return [];
  if (batch.length === 1) return [{ item: batch[0], error: failure }];
  const middle = Math.ceil(batch.length / 2);
  const left = batch.slice(0, middle);
  const right = batch.slice(middle);
  const leftOutcome = await probe(left);
  if (leftOutcome.ok) return isolateFailures(right, failure, probe);
  const culprits = await isolateFailures(left, leftOutcome.error, probe);
  const rightOutcome = await probe(right);
  if (!rightOutcome.ok) culprits.push(...(await isolateFailures(right, rightOutcome.error, probe)));
  return culprits;
}
