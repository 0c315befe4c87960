import { createFakeGitHub, loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { BASE_SHA, HEAD_SHA, REPO, seedExamplePull, startApp, type RunningApp } from "./app-fixture.js";

let fake: FakeGitHub;
let running: RunningApp | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => process.off("unhandledRejection", onUnhandled));
beforeEach(async () => {
  fake = await createFakeGitHub({ preloadSpec: true });
  seedExamplePull(fake);
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  // Every response the fake gave matched GitHub's schema, and no promise was left rejected.
  expect(fake.responseProblems.splice(0)).toEqual([]);
  await fake.close();
  expect(unhandled.splice(0)).toEqual([]);
});

function opened(id = "delivery-open-1") {
  return {
    id,
    name: "pull_request" as const,
    payload: loadWebhookExample("pull_request.opened", { repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA }),
  };
}

const writes = () => fake.requests.filter((r) => r.method !== "GET" && !r.path.includes("access_tokens"));

describe("App: pull request review end to end", () => {
  it("answers the webhook, then posts one review, a sticky summary and a completed check run", async () => {
    running = await startApp(fake);
    await running.probot.receive(opened());
    await running.waitFor((e) => e.type === "completed");

    const reviews = fake.state.reviews(REPO, 7);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ state: "COMMENTED", author: "patchwarden[bot]" });
    const comments = reviews[0]!.comments;
    expect(comments.length).toBeGreaterThanOrEqual(4);
    for (const c of comments) expect(c.body).toMatch(/<!-- patchwarden:fp=[0-9a-f]{16} -->/);
    expect(comments.map((c) => c.path)).toEqual(expect.arrayContaining(["src/orders.ts", "src/cart.ts"]));
    // A committable suggestion where the fix is exact.
    expect(comments.some((c) => c.body.includes("```suggestion\n  if (Number.isNaN(percent)) {"))).toBe(true);

    const summaries = fake.state.issueComments(REPO, 7).filter((c) => c.body.includes("<!-- patchwarden:summary -->"));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain(`<!-- patchwarden:reviewed=${HEAD_SHA} -->`);

    const [check] = fake.state.checkRuns(REPO);
    expect(check).toMatchObject({ name: "patchwarden", status: "completed", conclusion: "failure", headSha: HEAD_SHA });

    // Writes per review: check run created + started + completed, one review, one summary.
    expect(writes().map((r) => r.route)).toEqual([
      "POST /repos/{owner}/{repo}/check-runs",
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
    ]);
  });

  it("processes a redelivery of the same delivery once", async () => {
    running = await startApp(fake);
    await running.probot.receive(opened("same-delivery"));
    await running.probot.receive(opened("same-delivery"));
    await running.waitFor((e) => e.type === "completed");
    await running.idle();
    expect(running.events.filter((e) => e.type === "duplicate")).toHaveLength(1);
    expect(fake.state.reviews(REPO, 7)).toHaveLength(1);
    expect(fake.state.checkRuns(REPO)).toHaveLength(1);
  });

  it("never posts the same finding twice across pushes, and reviews only what a push changed", async () => {
    running = await startApp(fake);
    await running.probot.receive(opened());
    await running.waitFor((e) => e.type === "completed");
    const first = fake.state.reviews(REPO, 7)[0]!.comments.length;

    // A push that adds one new defect to cart.ts.
    const newHead = "d00d".padEnd(40, "3");
    const files = (await import("./app-fixture.js")).exampleFiles();
    const cart = files.find((f) => f.filename === "src/cart.ts")!;
    cart.contents = `${cart.contents}\nexport function half(x: number): boolean {\n  return x / 2 === NaN;\n}\n`;
    cart.patch = `${cart.patch}\n@@ -13,0 +23,4 @@\n+\n+export function half(x: number): boolean {\n+  return x / 2 === NaN;\n+}`;
    fake.state.pushToPullRequest({
      repo: REPO,
      number: 7,
      headSha: newHead,
      files,
      pushedFiles: [{ filename: "src/cart.ts", status: "modified", patch: "@@ -22,0 +23,4 @@\n+\n+export function half(x: number): boolean {\n+  return x / 2 === NaN;\n+}", contents: cart.contents }],
    });
    await running.probot.receive({
      id: "delivery-sync-1",
      name: "pull_request",
      payload: loadWebhookExample("pull_request.synchronize", { repo: REPO, number: 7, headSha: newHead, baseSha: BASE_SHA, before: HEAD_SHA }),
    });
    await running.waitFor((e) => e.type === "completed" && e.jobId.includes(newHead));

    const reviews = fake.state.reviews(REPO, 7);
    expect(reviews).toHaveLength(2);
    expect(first).toBeGreaterThan(1);
    // Only the new defect: nothing from the first review again.
    expect(reviews[1]!.comments.map((c) => [c.path, c.line])).toEqual([["src/cart.ts", 25]]);
    // Still one summary comment, now recording the new head.
    const summaries = fake.state.issueComments(REPO, 7).filter((c) => c.body.includes("<!-- patchwarden:summary -->"));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain(`<!-- patchwarden:reviewed=${newHead} -->`);
  });

  it("skips bot senders and closed pull requests without a job", async () => {
    running = await startApp(fake);
    const fromBot = opened("bot-delivery");
    fromBot.payload.sender.login = "dependabot[bot]";
    fromBot.payload.sender.type = "Bot";
    await running.probot.receive(fromBot);
    const closed = opened("closed-delivery");
    closed.payload.pull_request.state = "closed";
    await running.probot.receive(closed);
    await running.idle();
    expect(running.events).toEqual([]);
    expect(fake.state.checkRuns(REPO)).toEqual([]);
  });

  it("turns an invalid .github/patchwarden.yml into a neutral check run naming the bad fields", async () => {
    fake.state.setFile("main", ".github/patchwarden.yml", "review:\n  thresholds:\n    security: 3\n  colour: blue\n", { repo: REPO });
    running = await startApp(fake);
    await running.probot.receive(opened());
    await running.waitFor((e) => e.type === "completed");
    const [check] = fake.state.checkRuns(REPO);
    expect(check).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(check!.output?.title).toBe("Invalid .github/patchwarden.yml");
    expect(check!.output?.summary).toContain("review.thresholds.security");
    expect(check!.output?.summary).toContain("colour");
    expect(fake.state.reviews(REPO, 7)).toEqual([]);
  });
});
