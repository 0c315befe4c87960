import { annotationsFor, findingToAnnotation } from "../../src/github/check-annotations.js";
import { completeCheckRun, createCheckRun, findUnfinishedCheckRuns, startCheckRun } from "../../src/github/check-runs.js";
import type { Finding } from "../../src/review/finding.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const HEAD = "a".repeat(40);
const repo = { owner: "acme", repo: "shop" };
let gh: GitHubHarness;

beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo("acme/shop");
  gh.fake.state.addPullRequest({ number: 7, headSha: HEAD, baseSha: "b".repeat(40), files: [] });
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.fake.state.checkRunsById.clear();
  gh.resetCounts();
});
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

function finding(line: number, extra: Partial<Finding> = {}): Finding {
  return {
    path: "src/a.ts",
    line,
    side: "RIGHT",
    category: "security",
    severity: "warning",
    confidence: 0.8,
    rule: "security/example",
    message: `finding ${line}`,
    fingerprint: "0123456789abcdef",
    ...extra,
  };
}

describe("check runs", () => {
  it("creates a queued run with the job's external id, then starts it", async () => {
    const id = await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "delivery-1" });
    expect(gh.fake.state.checkRuns("acme/shop")).toMatchObject([{ id, name: "patchwarden", status: "queued", externalId: "delivery-1", headSha: HEAD }]);
    await startCheckRun(gh.octokit, { ...repo, checkRunId: id });
    expect(gh.fake.state.checkRuns("acme/shop")[0].status).toBe("in_progress");
  });

  it("completes with 120 annotations in 3 requests, title and summary each time", async () => {
    const id = await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "delivery-2", status: "in_progress" });
    gh.resetCounts();
    const annotations = annotationsFor(Array.from({ length: 120 }, (_, i) => finding(i + 1)));
    await completeCheckRun(gh.octokit, { ...repo, checkRunId: id, conclusion: "neutral", title: "3 findings", summary: "See the review.", text: "details", annotations });
    expect(gh.requests).toEqual([`PATCH /repos/acme/shop/check-runs/${id}`, `PATCH /repos/acme/shop/check-runs/${id}`, `PATCH /repos/acme/shop/check-runs/${id}`]);
    const [run] = gh.fake.state.checkRuns("acme/shop");
    expect(run).toMatchObject({ status: "completed", conclusion: "neutral", output: { title: "3 findings", summary: "See the review.", text: "details" } });
    expect(run.annotations.map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const bodies = run.requests as Array<{ conclusion?: string; output: { title: string; summary: string; annotations: unknown[] } }>;
    expect(bodies.slice(-3).map((b) => [b.conclusion, b.output.title, b.output.summary, b.output.annotations.length])).toEqual([
      ["neutral", "3 findings", "See the review.", 50],
      [undefined, "3 findings", "See the review.", 50],
      [undefined, "3 findings", "See the review.", 20],
    ]);
  });

  it("completes without annotations in one request and caps summary and text at 65,535 characters", async () => {
    const id = await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "delivery-3" });
    gh.resetCounts();
    await completeCheckRun(gh.octokit, { ...repo, checkRunId: id, conclusion: "success", title: "Clean", summary: "s".repeat(70_000), text: "t".repeat(66_000) });
    expect(gh.requests).toHaveLength(1);
    const [run] = gh.fake.state.checkRuns("acme/shop");
    expect(run.output.summary?.length).toBe(65_535);
    expect(run.output.text?.length).toBe(65_535);
    expect(run.output.summary).toMatch(/truncated/);
  });

  it("finds the runs left queued or in progress, for start-up reconciliation", async () => {
    const queued = await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "q" });
    const started = await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "s", status: "in_progress" });
    const done = await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "d" });
    await completeCheckRun(gh.octokit, { ...repo, checkRunId: done, conclusion: "success", title: "t", summary: "s" });
    await createCheckRun(gh.octokit, { ...repo, headSha: HEAD, externalId: "other", name: "another-check" });
    const runs = await findUnfinishedCheckRuns(gh.octokit, { ...repo, ref: HEAD, name: "patchwarden" });
    expect(runs.map((r) => [r.id, r.status, r.externalId, r.headSha]).sort()).toEqual(
      [
        [queued, "queued", "q", HEAD],
        [started, "in_progress", "s", HEAD],
      ].sort(),
    );
  });
});

describe("annotations from findings", () => {
  it.each<[string, Partial<Finding>, unknown]>([
    ["blocking → failure", { severity: "blocking" }, { annotation_level: "failure", start_line: 5, end_line: 5 }],
    ["warning → warning", { severity: "warning" }, { annotation_level: "warning" }],
    ["suggestion → notice", { severity: "suggestion" }, { annotation_level: "notice" }],
    ["a range spans start to end", { startLine: 2 }, { start_line: 2, end_line: 5 }],
    ["the rule is the title", { rule: "security/sql-injection" }, { title: "security/sql-injection", path: "src/a.ts", message: "finding 5" }],
  ])("%s", (_name, extra, expected) => {
    expect(findingToAnnotation(finding(5, extra))).toMatchObject(expected as object);
  });

  it("skips LEFT-side findings: deleted lines have no place in the head commit", () => {
    expect(findingToAnnotation(finding(5, { side: "LEFT" }))).toBeUndefined();
    expect(annotationsFor([finding(1), finding(2, { side: "LEFT" }), finding(3)]).map((a) => a.start_line)).toEqual([1, 3]);
  });
});
