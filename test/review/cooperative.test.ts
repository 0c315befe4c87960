import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFsRepoReader } from "../../src/cli/fs-repo-reader.js";
import { runInSlices, runToEnd, type Steps } from "../../src/review/cooperative.js";
import { reviewDiff } from "../../src/review/pipeline.js";

/** Steps that each keep the thread busy for about `ms`, counting how often the event loop got a turn meanwhile. */
function* busySteps(count: number, ms: number): Steps<number> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy: a parse or a rule over a large file
    }
    yield;
  }
  return count;
}

async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work();
  running = false;
  return { value, turns };
}

describe("cooperative steps", () => {
  it("straight through, the event loop gets no turn until the end", async () => {
    const { value, turns } = await turnsDuring(async () => runToEnd(busySteps(30, 2)));
    expect(value).toBe(30);
    expect(turns).toBe(0);
  });

  it("in slices, the event loop gets a turn every slice", async () => {
    // 60 ms of work in slices of 5 ms: at least one turn per slice (more on a slower machine).
    const { value, turns } = await turnsDuring(() => runInSlices(busySteps(30, 2), 5));
    expect(value).toBe(30);
    expect(turns).toBeGreaterThanOrEqual(8);
  });

  it("a review in slices finds exactly what a review straight through finds", async () => {
    const example = join(process.cwd(), "examples", "shop");
    const diffText = readFileSync(join(example, "change.diff"), "utf8");
    const repo = createFsRepoReader(join(example, "repo"));
    const straight = await reviewDiff({ diffText, repo });
    const sliced = await reviewDiff({ diffText, repo, sliceMs: 0 });
    expect(sliced.findings.length).toBeGreaterThan(10);
    expect(sliced.findings).toEqual(straight.findings);
    expect(sliced.summary).toEqual(straight.summary);
  });
});

describe("cooperative steps and cancellation", () => {
  it("stop at the first slice after the signal is aborted, with its reason", async () => {
    const controller = new AbortController();
    let stepsRun = 0;
    function* counted(): Steps<string> {
      for (let i = 0; i < 1000; i++) {
        stepsRun++;
        if (i === 10) controller.abort(new Error("superseded by a newer push"));
        yield;
      }
      return "finished";
    }
    await expect(runInSlices(counted(), 0, controller.signal)).rejects.toThrow("superseded by a newer push");
    expect(stepsRun).toBe(11);
  });
});
