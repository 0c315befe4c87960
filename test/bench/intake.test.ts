import { Webhooks } from "@octokit/webhooks";
import { buildWritesTable } from "../../bench/sections/intake-table.js";
import type { ReviewWrites } from "../../bench/sections/intake-writes.js";
import { splitDiffIntoPatches } from "../../bench/tools/example-pulls.js";
import { percentile, summarizeBurst } from "../../bench/tools/latency-stats.js";
import { compileRoute } from "../../bench/tools/route-template.js";
import { buildOpenedBurst, buildPullRequestOpened, signWebhookBody } from "../../bench/tools/webhook-deliveries.js";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
  it.each([
    [50, 50],
    [99, 99],
    [100, 100],
    [1, 1],
  ])("p%p of 1..100 is %p", (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it("takes the 198th of 200 samples for p99, an observed value", () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 0.5);
    expect(percentile(samples, 99)).toBe(197.5);
  });

  it("is NaN without samples and refuses a p outside (0, 100]", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it("summarizes a burst: throughput is requests per second of wall time", () => {
    const stats = summarizeBurst([10, 20, 30, 40], 500);
    expect(stats).toEqual({ requests: 4, p50Ms: 20, p99Ms: 40, maxMs: 40, perSecond: 8 });
  });
});

describe("webhook signing", () => {
  it("matches GitHub's documented example (secret 'It's a Secret to Everybody', body 'Hello, World!')", () => {
    // https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    expect(signWebhookBody("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("signs the exact body so that @octokit/webhooks (what Probot verifies with) accepts the delivery", async () => {
    const delivery = buildPullRequestOpened({ secret: "s3cret", repo: "acme/shop", number: 7, headSha: "a".repeat(40), baseSha: "b".repeat(40), installationId: 9 });
    const webhooks = new Webhooks({ secret: "s3cret" });
    await expect(webhooks.verify(delivery.body, delivery.signature)).resolves.toBe(true);
    await expect(new Webhooks({ secret: "other" }).verify(delivery.body, delivery.signature)).resolves.toBe(false);
    const payload = JSON.parse(delivery.body);
    expect(payload).toMatchObject({ action: "opened", number: 7, installation: { id: 9 }, repository: { full_name: "acme/shop", name: "shop", owner: { login: "acme" } } });
    expect(payload.pull_request).toMatchObject({ number: 7, state: "open", head: { sha: "a".repeat(40) }, base: { sha: "b".repeat(40) } });
  });

  it("builds bursts with no two deliveries alike (delivery id, PR, head)", () => {
    const burst = buildOpenedBurst({ secret: "s", repo: "acme/intake", size: 20, firstNumber: 1000 });
    const heads = burst.deliveries.map((d) => JSON.parse(d.body).pull_request.head.sha);
    expect(new Set(burst.deliveries.map((d) => d.id)).size).toBe(20);
    expect(new Set(heads).size).toBe(20);
    expect(burst.pulls.slice(0, 2)).toEqual(["acme/intake#1000", "acme/intake#1001"]);
  });
});

describe("compileRoute", () => {
  it("matches one segment per parameter and decodes it", () => {
    const route = compileRoute("/repos/{owner}/{repo}/pulls/{pull_number}");
    expect(route.match("/repos/acme/shop/pulls/7")).toEqual({ owner: "acme", repo: "shop", pull_number: "7" });
    expect(route.match("/repos/acme/shop/pulls/7/files")).toBeUndefined();
  });

  it("lets a `+` parameter take the rest of the path, and names the template as GitHub does", () => {
    const route = compileRoute("/repos/{owner}/{repo}/contents/{path+}");
    expect(route.template).toBe("/repos/{owner}/{repo}/contents/{path}");
    expect(route.match("/repos/acme/shop/contents/.github%2Fpatchwarden.yml")?.path).toBe(".github/patchwarden.yml");
    expect(route.match("/repos/acme/shop/contents/src/cart.ts")?.path).toBe("src/cart.ts");
  });
});

describe("splitDiffIntoPatches", () => {
  it("keeps each file's hunks without headers, as pulls.listFiles gives `patch`", () => {
    const diff = [
      "diff --git a/a.ts b/a.ts",
      "index 1..2 100644",
      "--- a/a.ts",
      "+++ b/a.ts",
      "@@ -1,2 +1,2 @@",
      " keep",
      "-old",
      "+new",
      "diff --git a/b.ts b/b.ts",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/b.ts",
      "@@ -0,0 +1 @@",
      "+added",
      "",
    ].join("\n");
    expect(splitDiffIntoPatches(diff)).toEqual([
      { filename: "a.ts", status: "modified", patch: "@@ -1,2 +1,2 @@\n keep\n-old\n+new", additions: 1, deletions: 1 },
      { filename: "b.ts", status: "added", patch: "@@ -0,0 +1 @@\n+added", additions: 1, deletions: 0 },
    ]);
  });
});

describe("buildWritesTable", () => {
  const review = (label: string, findings: number, writes: Record<string, number>): ReviewWrites => ({
    label,
    files: 4,
    outcome: "completed",
    findings,
    inlineComments: 0,
    annotations: 0,
    writes,
    writesTotal: Object.values(writes).reduce((a, b) => a + b, 0),
    reads: 0,
    accessTokens: 0,
    unmatched: [],
  });
  const usual = {
    "POST /repos/{owner}/{repo}/check-runs": 1,
    "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": 2,
    "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews": 1,
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": 1,
  };

  it("meets the goal when both reviews make the same expected writes", () => {
    expect(buildWritesTable([review("small", 20, usual), review("large", 200, usual)]).goal.met).toBe(true);
  });

  it("misses it when writes grow with the findings or an unexpected write appears", () => {
    const more = { ...usual, "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": 4 };
    expect(buildWritesTable([review("small", 20, usual), review("large", 200, more)]).goal.met).toBe(false);
    const odd = { ...usual, "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments": 1 };
    const { table, goal } = buildWritesTable([review("small", 20, odd), review("large", 200, odd)]);
    expect(goal.met).toBe(false);
    expect(table.rows.map((row) => row[0])).toContain("unexpected: POST /repos/{owner}/{repo}/pulls/{pull_number}/comments");
  });
});
