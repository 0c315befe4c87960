import type { Octokit } from "@octokit/rest";
import { createFakeGitHub, faults, type FakeGitHub } from "../fakes/github/index.js";
import { expectHttpError, HEAD_SHA, octokitFor, REPO, seedShop } from "./fake-github-fixture.js";

let fake: FakeGitHub;
let octokit: Octokit;
const repo = { owner: "acme", repo: "shop" };
const createCheck = () => octokit.rest.checks.create({ ...repo, name: "patchwarden", head_sha: HEAD_SHA });

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedShop(fake);
  octokit = octokitFor(fake);
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.setLatency(0);
  fake.state.checkRunsById.clear();
  expect(fake.responseProblems.splice(0)).toEqual([]);
});

describe("failNext", () => {
  it("fails the next matching request once, stores nothing, then lets requests through", async () => {
    fake.failNext({ method: "POST", path: "/repos/{owner}/{repo}/check-runs" }, faults.serverError(500));
    const failure = await expectHttpError(createCheck);
    expect(failure).toMatchObject({ status: 500, data: { message: "Server Error" } });
    expect(fake.state.checkRuns(REPO)).toEqual([]);
    await createCheck();
    expect(fake.state.checkRuns(REPO)).toHaveLength(1);
  });

  it("matches a concrete path, a RegExp or the string shorthand, `times` times, and only that method", async () => {
    fake.failNext({ path: "/repos/acme/shop/pulls/7" }, faults.serverError(502), 2);
    await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    expect((await expectHttpError(() => octokit.rest.pulls.get({ ...repo, pull_number: 7 }))).status).toBe(502);
    expect((await expectHttpError(() => octokit.rest.pulls.get({ ...repo, pull_number: 7 }))).status).toBe(502);
    await octokit.rest.pulls.get({ ...repo, pull_number: 7 });

    fake.failNext({ path: /\/check-runs$/ }, faults.serverError(503));
    expect((await expectHttpError(createCheck)).status).toBe(503);

    fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}", faults.serverError(504));
    await createCheck();
    expect((await expectHttpError(() => octokit.rest.pulls.get({ ...repo, pull_number: 7 }))).status).toBe(504);
  });

  it("answers a secondary rate limit the way GitHub does", async () => {
    fake.failNext("POST /repos/{owner}/{repo}/check-runs", faults.secondaryRateLimit(7));
    const failure = await expectHttpError(createCheck);
    expect(failure.status).toBe(403);
    expect(failure.headers["retry-after"]).toBe("7");
    expect(String(failure.data.message)).toMatch(/^You have exceeded a secondary rate limit/);
  });

  it("answers the primary rate limit and 429 with their headers", async () => {
    fake.failNext("POST /repos/{owner}/{repo}/check-runs", faults.primaryRateLimit(1_900_000_000));
    const primary = await expectHttpError(createCheck);
    expect(primary.headers).toMatchObject({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1900000000" });
    fake.failNext("POST /repos/{owner}/{repo}/check-runs", faults.tooManyRequests(3));
    const tooMany = await expectHttpError(createCheck);
    expect([tooMany.status, tooMany.headers["retry-after"]]).toEqual([429, "3"]);
  });

  it("answers a scripted 422 with the given body", async () => {
    const body = { message: "Unprocessable Entity", errors: ["Something GitHub said"], status: "422" };
    fake.failNext("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { status: 422, body });
    const failure = await expectHttpError(() =>
      octokit.rest.pulls.createReview({ ...repo, pull_number: 7, event: "COMMENT", body: "x" }),
    );
    expect(failure).toMatchObject({ status: 422, data: body });
  });
});

describe("latency", () => {
  it("delays every answer by the configured latency, and a fault by its own delay", async () => {
    fake.setLatency(150);
    let started = Date.now();
    await octokit.rest.pulls.get({ ...repo, pull_number: 7 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    fake.setLatency(0);
    fake.failNext("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...faults.serverError(502), delayMs: 200 });
    started = Date.now();
    await expectHttpError(() => octokit.rest.pulls.get({ ...repo, pull_number: 7 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
