import { isolateFailures, type ProbeOutcome } from "../../src/github/isolate-failures.js";

/** A probe over numbers where the `bad` ones fail; counts its calls. */
function probeWith(bad: number[]) {
  const calls: number[][] = [];
  const probe = async (items: number[]): Promise<ProbeOutcome> => {
    calls.push(items);
    const culprit = items.find((i) => bad.includes(i));
    return culprit === undefined ? { ok: true } : { ok: false, error: `fails at ${culprit}` };
  };
  return { probe, calls };
}

const ten = Array.from({ length: 10 }, (_, i) => i);

describe("isolateFailures", () => {
  it.each<[number[], "first" | "all", number[], number]>([
    [[6], "first", [6], 4],
    [[0], "first", [0], 4],
    [[6], "all", [6], 6],
    [[1, 7], "first", [1], 4],
    [[1, 7], "all", [1, 7], 10],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "all", ten, 18],
  ])("bad %j, mode %s → culprits %j in %i probes", async (bad, mode, culprits, probes) => {
    const { probe, calls } = probeWith(bad);
    const found = await isolateFailures(ten, "batch failed", probe, mode);
    expect(found.map((c) => c.item)).toEqual(culprits);
    expect(calls).toHaveLength(probes);
  });

  it("reports each culprit with the error of the smallest batch it failed in", async () => {
    const { probe } = probeWith([6]);
    const [culprit] = await isolateFailures(ten, "batch failed", probe, "first");
    expect(culprit).toEqual({ item: 6, error: "fails at 6" });
  });

  it("never probes a single item or an empty batch", async () => {
    const { probe, calls } = probeWith([]);
    expect(await isolateFailures([42], "e", probe)).toEqual([{ item: 42, error: "e" }]);
    expect(await isolateFailures([], "e", probe)).toEqual([]);
    expect(calls).toEqual([]);
  });
});
