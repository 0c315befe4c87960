import { Agent } from "node:http";
import type { BenchContext } from "../bench-section.js";
import { startAppServer } from "../tools/app-server.js";
import { postDelivery } from "../tools/delivery-client.js";
import { examplePull, type ExamplePull } from "../tools/example-pulls.js";
import { countByRoute, startGitHubStandIn, type RecordedRequest } from "../tools/github-stand-in.js";
import { buildPullRequestOpened } from "../tools/webhook-deliveries.js";

/** The token exchange is authentication, not a write to the repository; it is counted apart. */
export const ACCESS_TOKEN_ROUTE = "POST /app/installations/{installation_id}/access_tokens";

/** What one review cost in GitHub requests. */
export interface ReviewWrites {
  label: string;
  files: number;
  /** How the job ended (`completed`, `failed`, or `timeout`). */
  outcome: string;
  /** From the sticky summary's "N inline comment(s) · M more in this summary". */
  findings?: number;
  inlineComments: number;
  annotations: number;
  conclusion?: string;
  /** Non-GET requests by route, access tokens excluded. */
  writes: Record<string, number>;
  writesTotal: number;
  reads: number;
  accessTokens: number;
  /** Routes the stand-in did not serve (a sign it is missing something the worker calls). */
  unmatched: string[];
}

/** A review waits at most this long (the engine on 40 files takes well under a second). */
const REVIEW_TIMEOUT_MS = 120_000;

function summarizeRequests(pull: ExamplePull, outcome: string, requests: RecordedRequest[]): ReviewWrites {
  const writes: Record<string, number> = {};
  for (const [route, count] of countByRoute(requests.filter((r) => r.method !== "GET" && r.route !== ACCESS_TOKEN_ROUTE))) writes[route] = count;
  const bodiesOf = (route: string) => requests.filter((r) => r.route === route).map((r) => r.body ?? {});
  const checkUpdates = bodiesOf("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}");
  const summaries = [...bodiesOf("POST /repos/{owner}/{repo}/issues/{issue_number}/comments"), ...bodiesOf("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}")];
  const counted = /(\d+) inline comment\(s\) · (\d+) more in this summary/.exec(String(summaries.at(-1)?.body ?? ""));
  const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  return {
    label: pull.label,
    files: pull.repo.pulls[0].files.length,
    outcome,
    findings: counted ? Number(counted[1]) + Number(counted[2]) : undefined,
    inlineComments: bodiesOf("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews").reduce((sum, body) => sum + lengthOf(body.comments), 0),
    annotations: checkUpdates.reduce((sum, body) => sum + lengthOf((body.output as { annotations?: unknown } | undefined)?.annotations), 0),
    conclusion: checkUpdates.map((body) => body.conclusion).filter((c): c is string => typeof c === "string").at(-1),
    writes,
    writesTotal: Object.values(writes).reduce((sum, n) => sum + n, 0),
    reads: requests.filter((r) => r.method === "GET").length,
    accessTokens: requests.filter((r) => r.route === ACCESS_TOKEN_ROUTE).length,
    unmatched: [...new Set(requests.filter((r) => r.route.includes("(unmatched)")).map((r) => r.route))],
  };
}

/**
 * Writes per review: the App with its worker on (`WORKER_MODE=both`) reviews two PRs one after
 * the other — the bundled example and the same change in ten packages (ten times the findings) —
 * each triggered by a signed delivery, and the stand-in's requests between the delivery and the
 * job's end are counted by route.
 */
export async function measureWritesPerReview(ctx: BenchContext, secret: string): Promise<ReviewWrites[]> {
  const pulls = [examplePull(ctx.rootDir, 1, 7), examplePull(ctx.rootDir, 10, 8)];
  const standIn = await startGitHubStandIn(pulls.map((pull) => pull.repo));
  const app = await startAppServer({ baseUrl: standIn.url, secret, workerMode: "both" });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const results: ReviewWrites[] = [];
  try {
    for (const pull of pulls) {
      const from = standIn.requests.length;
      const delivery = buildPullRequestOpened({ secret, repo: pull.repo.fullName, number: pull.number, headSha: pull.headSha, baseSha: pull.baseSha, installationId: 1 });
      const answer = await postDelivery(agent, app.webhookUrl, delivery);
      if (answer.status < 200 || answer.status > 299) throw new Error(`the App answered ${answer.status} to the delivery for ${pull.label}`);
      const key = `${pull.repo.fullName}#${pull.number}`.toLowerCase();
      const outcome = await app
        .waitFor((e) => e.pull === key && (e.type === "completed" || e.type === "failed"), REVIEW_TIMEOUT_MS)
        .then((e) => e.type, () => "timeout");
      const measured = summarizeRequests(pull, outcome, standIn.requests.slice(from));
      ctx.progress(`intake: ${pull.label}: ${outcome}, ${measured.findings ?? "?"} findings, ${measured.writesTotal} writes, ${measured.reads} reads`);
      results.push(measured);
    }
  } finally {
    agent.destroy();
    await app.close();
    await standIn.close();
  }
  return results;
}
