import type { Octokit } from "@octokit/rest";
import { createFakeGitHub, type FakeGitHub } from "../fakes/github/index.js";
import { expectHttpError, HEAD_SHA, octokitFor, REPO, seedShop, sendUntyped } from "./fake-github-fixture.js";

let fake: FakeGitHub;
let octokit: Octokit;
const repo = { owner: "acme", repo: "shop" };

beforeAll(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedShop(fake);
  octokit = octokitFor(fake);
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  expect(fake.responseProblems.splice(0)).toEqual([]);
});

function annotations(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    path: "src/cart.ts",
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: "warning" as const,
    message: `finding ${i}`,
  }));
}

describe("check runs", () => {
  it("creates, updates with annotations in batches of 50, and lists by ref", async () => {
    const created = await octokit.rest.checks.create({ ...repo, name: "patchwarden", head_sha: HEAD_SHA, status: "in_progress" });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: "patchwarden", head_sha: HEAD_SHA, status: "in_progress", conclusion: null });
    expect(created.data.pull_requests.map((p) => p.number)).toEqual([7]);

    const id = created.data.id;
    await octokit.rest.checks.update({ ...repo, check_run_id: id, output: { title: "t", summary: "s", annotations: annotations(50) } });
    const done = await octokit.rest.checks.update({
      ...repo,
      check_run_id: id,
      conclusion: "neutral",
      output: { title: "Review", summary: "2 findings", annotations: annotations(10) },
    });
    // Providing a conclusion completes the run; annotations from each request are appended.
    expect(done.data).toMatchObject({ status: "completed", conclusion: "neutral", output: { annotations_count: 60 } });
    const [run] = fake.state.checkRuns(REPO);
    expect(run?.annotations).toHaveLength(60);
    expect(run?.output).toEqual({ title: "Review", summary: "2 findings", text: null });

    await octokit.rest.checks.create({ ...repo, name: "patchwarden", head_sha: HEAD_SHA, status: "queued" });
    const latest = await octokit.rest.checks.listForRef({ ...repo, ref: "feature-7" });
    expect(latest.data.total_count).toBe(1);
    const all = await octokit.rest.checks.listForRef({ ...repo, ref: HEAD_SHA, filter: "all" });
    expect(all.data.check_runs.map((r) => r.status)).toEqual(["queued", "completed"]);
    const listed = await octokit.rest.checks.listAnnotations({ ...repo, check_run_id: id, per_page: 100 });
    expect(listed.data).toHaveLength(60);
  });

  it("refuses 51 annotations in one request with 422 and stores nothing", async () => {
    const before = fake.state.checkRuns(REPO).length;
    const failure = await expectHttpError(() =>
      octokit.rest.checks.create({
        ...repo,
        name: "too-many",
        head_sha: HEAD_SHA,
        output: { title: "t", summary: "s", annotations: annotations(51) },
      }),
    );
    expect(failure.status).toBe(422);
    expect(failure.data.message).toContain("Invalid request.");
    expect(failure.data.message).toContain("properties/output/properties/annotations");
    expect(fake.state.checkRuns(REPO)).toHaveLength(before);
  });

  it("refuses a completed status without conclusion, an unknown head sha, and a bad annotation level", async () => {
    const noConclusion = await expectHttpError(() =>
      octokit.rest.checks.create({ ...repo, name: "x", head_sha: HEAD_SHA, status: "completed" }),
    );
    expect(noConclusion.data.message).toBe('Invalid request.\n\n"conclusion" wasn\'t supplied.');
    const unknownSha = await expectHttpError(() => octokit.rest.checks.create({ ...repo, name: "x", head_sha: "0".repeat(40) }));
    expect(unknownSha.status).toBe(422);
    const badLevel = await expectHttpError(() =>
      sendUntyped(octokit, "POST /repos/{owner}/{repo}/check-runs", {
        ...repo,
        name: "x",
        head_sha: HEAD_SHA,
        output: { title: "t", summary: "s", annotations: [{ ...annotations(1)[0], annotation_level: "error" }] },
      }),
    );
    expect(badLevel.data.message).toContain('"error" is not a member of ["notice", "warning", "failure"]');
  });
});

describe("issue comments and reactions", () => {
  it("creates, lists, updates and deletes a sticky comment on a PR conversation", async () => {
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "<!-- patchwarden:summary -->\nv1" });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`${fake.url}/repos/acme/shop/issues/comments/${created.data.id}`);
    await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: "<!-- patchwarden:summary -->\nv2" });
    const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 7 });
    expect(listed.data.map((c) => [c.user?.login, c.body])).toEqual([["patchwarden[bot]", "<!-- patchwarden:summary -->\nv2"]]);
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });
    expect(fake.state.issueComments(REPO, 7)).toEqual([]);
  });

  it("refuses an empty body, a body over 65,536 characters, and an unknown issue", async () => {
    const empty = await expectHttpError(() => octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "" }));
    expect(empty.status).toBe(422);
    const long = await expectHttpError(() => octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: "x".repeat(65537) }));
    expect(long.data.errors).toEqual([
      { resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" },
    ]);
    const missing = await expectHttpError(() => octokit.rest.issues.createComment({ ...repo, issue_number: 99, body: "x" }));
    expect(missing.status).toBe(404);
  });

  it("lists seeded reactions and adds the bot's own once", async () => {
    const comment = fake.state.addIssueComment({ issueNumber: 7, body: "/patchwarden review", author: "alice" });
    fake.state.addReaction({ subject: { kind: "issue_comment", id: comment.id }, content: "+1", user: "bob" });
    const first = await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "eyes" });
    const again = await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "eyes" });
    expect([first.status, again.status]).toEqual([201, 200]);
    const { data } = await octokit.rest.reactions.listForIssueComment({ ...repo, comment_id: comment.id });
    expect(data.map((r) => [r.user?.login, r.content])).toEqual([
      ["bob", "+1"],
      ["patchwarden[bot]", "eyes"],
    ]);
    const thumbs = await octokit.rest.reactions.listForIssueComment({ ...repo, comment_id: comment.id, content: "+1" });
    expect(thumbs.data).toHaveLength(1);
  });
});

describe("collaborators and workflow dispatch", () => {
  it("reports seeded permissions and read for anyone else on a public repository", async () => {
    fake.state.setCollaboratorPermission("alice", "admin");
    const alice = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "alice" });
    expect(alice.data).toMatchObject({ permission: "admin", user: { login: "alice" } });
    const stranger = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "mallory" });
    expect(stranger.data.permission).toBe("read");
  });

  it("dispatches a seeded workflow and refuses unknown workflows, refs and inputs", async () => {
    fake.state.addWorkflow({ path: ".github/workflows/patchwarden-fix.yml", inputs: ["issue"] });
    const ok = await octokit.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: "patchwarden-fix.yml",
      ref: "main",
      inputs: { issue: "12" },
    });
    expect(ok.status).toBe(204);
    expect(fake.state.workflowDispatches(REPO)).toMatchObject([{ workflowPath: ".github/workflows/patchwarden-fix.yml", ref: "main", inputs: { issue: "12" } }]);
    const unknown = await expectHttpError(() => octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: "nope.yml", ref: "main" }));
    expect(unknown.status).toBe(404);
    const badRef = await expectHttpError(() =>
      octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: "patchwarden-fix.yml", ref: "gone" }),
    );
    expect(badRef.data.message).toBe("No ref found for: gone");
    const badInput = await expectHttpError(() =>
      octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: "patchwarden-fix.yml", ref: "main", inputs: { evil: "1" } }),
    );
    expect(badInput.data.message).toBe('Unexpected inputs provided: ["evil"]');
  });
});
