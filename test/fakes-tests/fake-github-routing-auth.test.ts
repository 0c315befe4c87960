import { Octokit } from "@octokit/rest";
import { createFakeGitHub, type FakeGitHub } from "../fakes/github/index.js";
import { expectHttpError, HEAD_SHA, octokitFor, seedShop, sendUntyped } from "./fake-github-fixture.js";

let fake: FakeGitHub;
const repo = { owner: "acme", repo: "shop" };
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
// Any three base64url segments pass as the App's JWT: the fake does not verify signatures.
const unsignedJwt = (claims: Record<string, unknown>) =>
  [{ alg: "RS256", typ: "JWT" }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".") + ".c2ln";
const appJwt = unsignedJwt({ iss: 1, iat: Math.floor(Date.now() / 1000) - 30, exp: Math.floor(Date.now() / 1000) + 540 });

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedShop(fake);
  fake.state.addInstallation({ id: 2, account: "other" });
  fake.state.addRepo({ fullName: "other/private", private: true, installationId: 2 });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  expect(fake.responseProblems.splice(0)).toEqual([]);
});

describe("routing and request validation", () => {
  it("answers 404 Not Found for a path GitHub does not have", async () => {
    const octokit = octokitFor(fake);
    const failure = await expectHttpError(() => octokit.request("GET /repos/acme/shop/no-such-thing"));
    expect(failure.status).toBe(404);
    expect(failure.data).toMatchObject({ message: "Not Found" });
    expect(fake.requests.at(-1)?.route).toBeUndefined();
  });

  it("answers 501 naming a real GitHub route the fake does not implement", async () => {
    const failure = await expectHttpError(() => octokitFor(fake).rest.repos.listBranches(repo));
    expect(failure.status).toBe(501);
    expect(String(failure.data.message)).toContain("GET /repos/{owner}/{repo}/branches (repos/list-branches)");
  });

  it("answers 422 in GitHub's shape for a body its schema refuses", async () => {
    const octokit = octokitFor(fake);
    const failure = await expectHttpError(() =>
      sendUntyped(octokit, "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        ...repo,
        pull_number: 7,
        event: "COMMENT",
        comments: [{ line: "3", body: "x" }],
      }),
    );
    expect(failure.status).toBe(422);
    expect(failure.data).toEqual({
      message: [
        "Invalid request.",
        "",
        `"path" wasn't supplied.`,
        `For 'properties/comments/items/properties/line', "3" is not an integer.`,
      ].join("\n"),
      documentation_url: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
      status: "422",
    });
    expect(fake.state.reviews("acme/shop", 7)).toEqual([]);
  });

  it("refuses keys a schema closes with additionalProperties: false, and bad query values", async () => {
    const octokit = octokitFor(fake);
    // Check-run `actions` items require a `description`.
    const badAction = await expectHttpError(() =>
      sendUntyped(octokit, "POST /repos/{owner}/{repo}/check-runs", {
        ...repo,
        name: "x",
        head_sha: HEAD_SHA,
        actions: [{ label: "Fix", identifier: "fix" }],
      }),
    );
    expect(badAction.data.message).toBe(`Invalid request.\n\n"description" wasn't supplied.`);
    // Validation runs before the fake looks for a handler, so any route of the description works.
    const extraKey = await expectHttpError(() =>
      octokit.request("POST /repos/{owner}/{repo}/code-scanning/sarifs", {
        ...repo,
        commit_sha: HEAD_SHA,
        ref: "refs/heads/main",
        sarif: "H4sI",
        tool: "patchwarden",
      }),
    );
    expect(extraKey.data.message).toBe(`Invalid request.\n\n"tool" is not a permitted key.`);
    const badQuery = await expectHttpError(() => octokit.request("GET /repos/acme/shop/pulls?state=merged"));
    expect(badQuery.status).toBe(422);
    expect(badQuery.data.message).toBe(`Invalid request.\n\nFor 'state', "merged" is not a member of ["open", "closed", "all"].`);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const token = fake.createInstallationToken();
    const response = await fetch(`${fake.url}/repos/acme/shop/issues/7/comments`, {
      method: "POST",
      headers: { authorization: `token ${token}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Problems parsing JSON" });
  });
});

describe("authentication", () => {
  it("issues an installation token for the App's JWT and echoes the permissions", async () => {
    const app = new Octokit({ auth: appJwt, baseUrl: fake.url, log: quiet });
    const { data: installation } = await app.rest.apps.getRepoInstallation(repo);
    expect(installation).toMatchObject({ id: 1, app_slug: "patchwarden", account: { login: "acme" } });
    const all = await app.rest.apps.createInstallationAccessToken({ installation_id: 1 });
    expect(all.status).toBe(201);
    expect(all.data.token).toMatch(/^ghs_/);
    expect(all.data.permissions).toEqual({
      metadata: "read",
      contents: "read",
      pull_requests: "write",
      issues: "write",
      checks: "write",
      actions: "write",
    });
    const narrow = await app.rest.apps.createInstallationAccessToken({ installation_id: 1, permissions: { checks: "write" } });
    expect(narrow.data.permissions).toEqual({ checks: "write" });
    const tooMuch = await expectHttpError(() =>
      app.rest.apps.createInstallationAccessToken({ installation_id: 1, permissions: { administration: "write" } }),
    );
    expect(tooMuch.status).toBe(422);
    const { data: appInfo } = await app.rest.apps.getAuthenticated();
    expect(appInfo).toMatchObject({ id: 1, slug: "patchwarden" });
  });

  it("requires the Bearer JWT on App routes and an issued token on installation routes", async () => {
    const withToken = octokitFor(fake);
    const tokenOnAppRoute = await expectHttpError(() => withToken.rest.apps.getRepoInstallation(repo));
    expect(tokenOnAppRoute).toMatchObject({ status: 401, data: { message: "A JSON web token could not be decoded" } });

    const jwtOnRepoRoute = await expectHttpError(() => new Octokit({ auth: appJwt, baseUrl: fake.url, log: quiet }).rest.pulls.get({ ...repo, pull_number: 7 }));
    expect(jwtOnRepoRoute.status).toBe(401);
    const anonymous = await expectHttpError(() => new Octokit({ baseUrl: fake.url, log: quiet }).rest.pulls.get({ ...repo, pull_number: 7 }));
    expect(anonymous.data.message).toBe("Requires authentication");
    const madeUp = await expectHttpError(() => octokitFor(fake, "ghs_madeup").rest.pulls.get({ ...repo, pull_number: 7 }));
    expect(madeUp.data.message).toBe("Bad credentials");

    const expired = unsignedJwt({ iss: 1, exp: Math.floor(Date.now() / 1000) - 60 });
    const late = await expectHttpError(() => new Octokit({ auth: expired, baseUrl: fake.url, log: quiet }).rest.apps.getAuthenticated());
    expect(late.status).toBe(401);
  });

  it("hides other installations' repositories and enforces the token's permissions", async () => {
    const octokit = octokitFor(fake);
    const hidden = await expectHttpError(() => octokit.rest.repos.get({ owner: "other", repo: "private" }));
    expect(hidden.status).toBe(404);
    const readOnly = octokitFor(fake, fake.createInstallationToken({ permissions: { pull_requests: "read", metadata: "read" } }));
    await readOnly.rest.pulls.get({ ...repo, pull_number: 7 });
    const forbidden = await expectHttpError(() =>
      readOnly.rest.pulls.createReview({ ...repo, pull_number: 7, event: "COMMENT", body: "x" }),
    );
    expect(forbidden).toMatchObject({ status: 403, data: { message: "Resource not accessible by integration" } });
    const limited = octokitFor(fake, fake.createInstallationToken({ repositories: ["elsewhere"] }));
    expect((await expectHttpError(() => limited.rest.repos.get(repo))).status).toBe(404);
  });

  it("records every request with its route and body", async () => {
    const octokit = octokitFor(fake);
    await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "recorded" });
    const request = fake.requestsTo("POST /repos/{owner}/{repo}/issues/{issue_number}/comments").at(-1);
    expect(request).toMatchObject({
      method: "POST",
      path: "/repos/acme/shop/issues/7/comments",
      operationId: "issues/create-comment",
      body: { body: "recorded" },
      status: 201,
    });
  });
});
