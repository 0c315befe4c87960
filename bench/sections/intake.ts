import { Agent } from "node:http";
import type { BenchContext, BenchSection, SectionReport } from "../bench-section.js";
import { collectGarbage } from "../measure.js";
import { noopApp, startAppServer, startProbotServer, type RunningAppServer } from "../tools/app-server.js";
import { startBareServer } from "../tools/bare-server.js";
import { sendBurst, type BurstResult } from "../tools/delivery-client.js";
import { startGitHubStandIn, type GitHubStandIn } from "../tools/github-stand-in.js";
import { summarizeBurst } from "../tools/latency-stats.js";
import { measurePacedIntake } from "../tools/paced-intake.js";
import { buildOpenedBurst, type OpenedBurst } from "../tools/webhook-deliveries.js";
import { buildIntakeTable, buildWritesTable, type IntakeRound, type ServerStats } from "./intake-table.js";
import { ACCESS_TOKEN_ROUTE, measureWritesPerReview } from "./intake-writes.js";

/** Deliveries sent at once, and sockets the client may open to each server. */
const BURST = 200;
const MAX_SOCKETS = 50;
/** The issue's goal: the App's p99 within 1.5× of a server that only answers 202. */
export const TARGET_P99_RATIO = 1.5;
const SECRET = "patchwarden-bench-secret";
const REPO = "acme/intake";
const CHECK_RUN_CREATE = "POST /repos/{owner}/{repo}/check-runs";
/** How long the recorder's check runs of one burst may take to reach the stand-in (unpaced: well under a second). */
const RECORD_TIMEOUT_MS = 60_000;
/** How long after its burst the paced child counts the recorded check runs. */
const PACED_WAIT_MS = 10_000;

type Target = "app" | "probot" | "bare";
const TARGETS: Target[] = ["app", "probot", "bare"];

const non2xx = (burst: BurstResult) => burst.answers.filter((a) => a.status < 200 || a.status > 299).length;
const statsOf = (burst: BurstResult): ServerStats => ({ ...summarizeBurst(burst.answers.map((a) => a.ms), burst.wallMs), non2xx: non2xx(burst) });

/** Waits (bounded) until the stand-in has seen `expected` check-run creations; returns how many it saw. */
async function waitForCheckRuns(standIn: GitHubStandIn, from: number, expected: number): Promise<number> {
  const deadline = Date.now() + RECORD_TIMEOUT_MS;
  for (;;) {
    const seen = standIn.requests.slice(from).filter((r) => r.route === CHECK_RUN_CREATE).length;
    if (seen >= expected || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One burst to the App: latencies, which deliveries got a job, and the recorder's check runs. */
async function burstToApp(app: RunningAppServer, standIn: GitHubStandIn, agent: Agent, burst: OpenedBurst): Promise<IntakeRound["app"]> {
  const eventsFrom = app.events.length;
  const requestsFrom = standIn.requests.length;
  const result = await sendBurst(agent, app.webhookUrl, burst.deliveries);
  // The handlers enqueue before Probot answers, so every job is in the queue once the answers are.
  const queued = new Set(app.events.slice(eventsFrom).flatMap((e) => (e.type === "queued" ? [e.pull] : [])));
  const withoutJob = burst.pulls.filter((pull) => !queued.has(pull)).length;
  // Let the recorder finish before the next burst, so no server is measured on its leftovers.
  const checkRunsRecorded = await waitForCheckRuns(standIn, requestsFrom, burst.pulls.length - withoutJob);
  return { ...statsOf(result), withoutJob, checkRunsRecorded };
}

/**
 * Warm-up and measured rounds; in each, the same burst goes to the App, to a no-op Probot app and
 * to the bare server, the order rotating between rounds so none always runs on another's leftovers.
 */
async function measureIntake(ctx: BenchContext): Promise<{ rounds: IntakeRound[]; accessTokens: number }> {
  const standIn = await startGitHubStandIn();
  const app = await startAppServer({ baseUrl: standIn.url, secret: SECRET, workerMode: "producer" });
  const probot = await startProbotServer({ baseUrl: standIn.url, secret: SECRET }, noopApp);
  const bare = await startBareServer();
  // Identical client settings for every server; one agent each so none reuses another's sockets.
  const agents = Object.fromEntries(TARGETS.map((t) => [t, new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS })])) as Record<Target, Agent>;
  const rounds: IntakeRound[] = [];
  try {
    for (let round = 0; round < ctx.warmups + ctx.rounds; round++) {
      const measured = round >= ctx.warmups;
      const burst = buildOpenedBurst({ secret: SECRET, repo: REPO, size: BURST, firstNumber: (round + 1) * 1000 });
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]);
      const stats: Partial<IntakeRound> = {};
      for (const target of order) {
        collectGarbage();
        if (target === "app") stats.app = await burstToApp(app, standIn, agents.app, burst);
        else if (target === "probot") stats.probot = statsOf(await sendBurst(agents.probot, probot.webhookUrl, burst.deliveries));
        else stats.bare = statsOf(await sendBurst(agents.bare, bare.url, burst.deliveries));
      }
      if (!stats.app || !stats.probot || !stats.bare) throw new Error("a round missed a server");
      const line = (name: string, s: ServerStats) => `${name} ${s.p50Ms.toFixed(1)}/${s.p99Ms.toFixed(1)}`;
      ctx.progress(
        `intake: ${measured ? `round ${round - ctx.warmups + 1}/${ctx.rounds}` : "warm-up"}: p50/p99 ms ${line("App", stats.app)}, ${line("Probot no-op", stats.probot)}, ${line("bare", stats.bare)}; ${stats.app.withoutJob} without a job`,
      );
      if (measured) rounds.push({ order: order.join(" → "), app: stats.app, probot: stats.probot, bare: stats.bare });
    }
  } finally {
    for (const agent of Object.values(agents)) agent.destroy();
    await app.close();
    await probot.stop();
    await bare.close();
    await standIn.close();
  }
  return { rounds, accessTokens: standIn.requests.filter((r) => r.route === ACCESS_TOKEN_ROUTE).length };
}

async function runIntake(ctx: BenchContext): Promise<SectionReport> {
  const { rounds, accessTokens } = await measureIntake(ctx);
  ctx.progress(`intake: the App with Probot's default write pacing, in a child process (${PACED_WAIT_MS / 1000} s)`);
  const paced = await measurePacedIntake(BURST, MAX_SOCKETS, PACED_WAIT_MS);
  const intake = buildIntakeTable({ burst: BURST, maxSockets: MAX_SOCKETS, rounds, warmups: ctx.warmups, accessTokens, paced, targetP99Ratio: TARGET_P99_RATIO });
  const reviews = await measureWritesPerReview(ctx, SECRET);
  const writes = buildWritesTable(reviews);
  return {
    tables: [intake.table, writes.table],
    goals: [...intake.goals, writes.goal],
    results: { burst: BURST, maxSockets: MAX_SOCKETS, targetP99Ratio: TARGET_P99_RATIO, p99Ratio: intake.ratio, rounds, accessTokens, paced, reviews },
  };
}

/** Webhook intake of the running App vs a bare HTTP server, and GitHub writes per review. */
export const intakeSection: BenchSection = {
  id: "intake",
  title: "Webhook intake (ack latency, throughput) and GitHub writes per review",
  run: runIntake,
};
