import { loadWebhookExample } from "../fakes/github/index.js";

describe("loadWebhookExample", () => {
  it("adds the installation and points a pull_request payload at the fake's PR", () => {
    const payload = loadWebhookExample("pull_request.opened", {
      repo: "acme/shop",
      number: 7,
      headSha: "a".repeat(40),
      baseSha: "b".repeat(40),
      author: "alice",
    });
    expect(payload.action).toBe("opened");
    expect(payload.installation).toMatchObject({ id: 1 });
    expect(payload.number).toBe(7);
    expect(payload.repository).toMatchObject({ full_name: "acme/shop", name: "shop", owner: { login: "acme" } });
    expect(payload.pull_request).toMatchObject({
      number: 7,
      user: { login: "alice" },
      head: { sha: "a".repeat(40), repo: { full_name: "acme/shop" } },
      base: { sha: "b".repeat(40), repo: { full_name: "acme/shop" } },
    });
  });

  it("returns a deep copy each time", () => {
    const first = loadWebhookExample("pull_request.opened", { number: 1 });
    first.pull_request.title = "changed";
    const second = loadWebhookExample("pull_request.opened");
    expect(second.pull_request.title).not.toBe("changed");
    expect(second.installation).toMatchObject({ id: 1 });
  });

  it("builds a slash command on a PR conversation", () => {
    const payload = loadWebhookExample("issue_comment.created", {
      repo: "acme/shop",
      number: 7,
      installationId: 42,
      onPullRequest: true,
      comment: { id: 555, body: "/patchwarden review", user: "alice" },
    });
    expect(payload.installation).toMatchObject({ id: 42 });
    expect(payload.issue.number).toBe(7);
    expect(payload.issue.pull_request?.url).toBe("https://api.github.com/repos/acme/shop/pulls/7");
    expect(payload.comment).toMatchObject({ id: 555, body: "/patchwarden review", user: { login: "alice" } });
  });

  it("sets before/after on synchronize and head_sha on check_run events", () => {
    const sync = loadWebhookExample("pull_request.synchronize", { before: "1".repeat(40), headSha: "2".repeat(40) });
    expect([sync.before, sync.after, sync.pull_request.head.sha]).toEqual(["1".repeat(40), "2".repeat(40), "2".repeat(40)]);
    const rerun = loadWebhookExample("check_run.rerequested", { headSha: "3".repeat(40) });
    expect(rerun.check_run.head_sha).toBe("3".repeat(40));
  });

  it("fails clearly for an action without an example", () => {
    expect(() => loadWebhookExample("pull_request.edited")).toThrow('@octokit/webhooks-examples has no example for "pull_request.edited"');
  });
});
