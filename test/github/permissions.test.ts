import { hasWriteAccess } from "../../src/github/permissions.js";
import { faults } from "../fakes/github/index.js";
import { startGitHub, type GitHubHarness } from "./github-harness.js";

const repo = { owner: "acme", repo: "shop" };
let gh: GitHubHarness;

beforeAll(async () => {
  gh = await startGitHub();
  gh.fake.state.addRepo({ fullName: "acme/shop", private: true });
  gh.fake.state.setCollaboratorPermission("ada", "admin");
  gh.fake.state.setCollaboratorPermission("wes", "write");
  gh.fake.state.setCollaboratorPermission("rita", "read");
});
afterAll(() => gh.close());
afterEach(() => expect(gh.fake.responseProblems.splice(0)).toEqual([]));

describe("hasWriteAccess", () => {
  it.each([
    ["ada", true],
    ["wes", true],
    ["rita", false],
    ["stranger", false],
  ])("%s → %s", async (username, expected) => {
    await expect(hasWriteAccess(gh.octokit, { ...repo, username })).resolves.toBe(expected);
  });

  it.each([
    ["maintain", "write", true],
    ["triage", "read", false],
  ])("reads the fine-grained role too: %s (permission %s) → %s", async (role, permission, expected) => {
    // The fake knows read/write/admin only; GitHub folds maintain into "write" and triage into "read".
    const undo = gh.intercept(/^GET \/repos\/acme\/shop\/collaborators\/[^/]+\/permission$/, () => ({
      status: 200,
      body: { permission, role_name: role, user: { login: "mo", type: "User" } },
    }));
    await expect(hasWriteAccess(gh.octokit, { ...repo, username: "mo" })).resolves.toBe(expected);
    undo();
  });

  it("answers false for a user GitHub does not know (404), and propagates outages", async () => {
    gh.fake.failNext("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { status: 404, body: { message: "Not Found", status: "404" } });
    await expect(hasWriteAccess(gh.octokit, { ...repo, username: "ghost" })).resolves.toBe(false);
    gh.fake.failNext("GET /repos/{owner}/{repo}/collaborators/{username}/permission", faults.serverError(503));
    await expect(hasWriteAccess(gh.octokit, { ...repo, username: "ada" })).rejects.toMatchObject({ status: 503 });
  });
});
