import { Agent } from "node:http";
import type { BenchContext, BenchSection, SectionReport } from "../bench-section.js";
import { collectGarbage } from "../measure.js";
import { noopApp, startAppServer, startProbotServer, type RunningAppServer } from "../tools/app-server.js";
import { startBareServer } from "../tools/bare-server.js";
import { sendBurst, type BurstResult } from "../tools/delivery-client.js";
import { startGitHubStandIn } from "../tools/github-stand-in.js";
import { summarizeBurst } from "../tools/latency-stats.js";
import { buildOpenedBurst, type OpenedBurst } from "../tools/webhook-deliveries.js";
import { buildIntakeTable, buildWritesTable, type AppStats, type IntakeRound, type ServerStats } from "./intake-table.js";
import { measureWritesPerReview } from "./intake-writes.js";

/**
 * Rounds at the least: one burst's p99 is nearly its slowest answer, so a single round swings
 * with a GC pause or a scheduler hiccup; the median of the per-round ratios needs a few more.
 */
const MIN_ROUNDS = 9;
/** Deliveries sent at once, and sockets the client may open to each server. */
const BURST = 200;
const MAX_SOCKETS = 50;
/** The issue's goal: the App's p99 within 1.5× of a server that only answers 202. */
export const TARGET_P99_RATIO = 1.5;
const SECRET = "patchwarden-bench-secret";
const REPO = "acme/intake";

type Target = "app" | "appOnProbot" | "probot" | "bare";
const TARGETS: Target[] = ["app", "appOnProbot", "probot", "bare"];

const non2xx = (burst: BurstResult) => burst.answers.filter((a) => a.status < 200 || a.status > 299).length;
const statsOf = (burst: BurstResult): ServerStats => ({ ...summarizeBurst(burst.answers.map((a) => a.ms), burst.wallMs), non2xx: non2xx(burst) });

/** One burst to an App server: latencies, and how many deliveries had no job once the answers were in. */
async function burstToApp(app: RunningAppServer, agent: Agent, burst: OpenedBurst): Promise<AppStats> {
  const eventsFrom = app.events.length;
  const result = await sendBurst(agent, app.webhookUrl, burst.deliveries);
  // The handlers enqueue (journal written) before the answer, so every job is in the queue once the answers are.
  const queued = new Set(app.events.slice(eventsFrom).flatMap((e) => (e.type === "queued" ? [e.pull] : [])));
  return { ...statsOf(result), withoutJob: burst.pulls.filter((pull) => !queued.has(pull)).length };
}

/**
 * Warm-up and measured rounds; in each, the same burst goes to the App (its own server with the
 * webhook front), to the same App loaded into Probot's Server, to a no-op Probot app and to the
 * bare server, the order rotating between rounds so none always runs on another's leftovers.
 */
async function measureIntake(ctx: BenchContext): Promise<{ rounds: IntakeRound[]; intakeRequests: number }> {
  const standIn = await startGitHubStandIn();
  const app = await startAppServer({ baseUrl: standIn.url, secret: SECRET, workerMode: "producer", server: "front" });
  const appOnProbot = await startAppServer({ baseUrl: standIn.url, secret: SECRET, workerMode: "producer", server: "probot" });
  const probot = await startProbotServer({ baseUrl: standIn.url, secret: SECRET }, noopApp);
  const bare = await startBareServer();
  // Identical client settings for every server; one agent each so none reuses another's sockets.
  const agents = Object.fromEntries(TARGETS.map((t) => [t, new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS })])) as Record<Target, Agent>;
  const rounds: IntakeRound[] = [];
  try {
    const roundsToMeasure = Math.max(ctx.rounds, MIN_ROUNDS);
    for (let round = 0; round < ctx.warmups + roundsToMeasure; round++) {
      const measured = round >= ctx.warmups;
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]);
      const stats: Partial<IntakeRound> = {};
      for (const [i, target] of order.entries()) {
        // Fresh PR numbers per server: the two App servers must not see each other's deliveries as duplicates.
        const burst = buildOpenedBurst({ secret: SECRET, repo: REPO, size: BURST, firstNumber: (round + 1) * 10_000 + i * 1000 });
        collectGarbage();
        if (target === "app") stats.app = await burstToApp(app, agents.app, burst);
        else if (target === "appOnProbot") stats.appOnProbot = await burstToApp(appOnProbot, agents.appOnProbot, burst);
        else if (target === "probot") stats.probot = statsOf(await sendBurst(agents.probot, probot.webhookUrl, burst.deliveries));
        else stats.bare = statsOf(await sendBurst(agents.bare, bare.url, burst.deliveries));
      }
      if (!stats.app || !stats.appOnProbot || !stats.probot || !stats.bare) throw new Error("a round missed a server");
      const line = (name: string, s: ServerStats) => `${name} ${s.p50Ms.toFixed(1)}/${s.p99Ms.toFixed(1)}`;
      ctx.progress(
        `intake: ${measured ? `round ${round - ctx.warmups + 1}/${roundsToMeasure}` : "warm-up"}: p50/p99 ms ${line("App", stats.app)}, ${line("App on Probot", stats.appOnProbot)}, ${line("Probot no-op", stats.probot)}, ${line("bare", stats.bare)}; ${stats.app.withoutJob} without a job`,
      );
      if (measured) rounds.push({ order: order.join(" → "), app: stats.app, appOnProbot: stats.appOnProbot, probot: stats.probot, bare: stats.bare });
    }
  } finally {
    for (const agent of Object.values(agents)) agent.destroy();
    await app.close();
    await appOnProbot.close();
    await probot.stop();
    await bare.close();
    await standIn.close();
  }
  // Intake alone (producer mode, no worker): any request to the stand-in came from the request path.
  return { rounds, intakeRequests: standIn.requests.length };
}

async function runIntake(ctx: BenchContext): Promise<SectionReport> {
  const { rounds, intakeRequests } = await measureIntake(ctx);
  const intake = buildIntakeTable({ burst: BURST, maxSockets: MAX_SOCKETS, rounds, warmups: ctx.warmups, intakeRequests, targetP99Ratio: TARGET_P99_RATIO });
  const reviews = await measureWritesPerReview(ctx, SECRET);
  const writes = buildWritesTable(reviews);
  return {
    tables: [intake.table, writes.table],
    goals: [...intake.goals, writes.goal],
    results: { burst: BURST, maxSockets: MAX_SOCKETS, targetP99Ratio: TARGET_P99_RATIO, p99Ratio: intake.ratio, rounds, intakeRequests, reviews },
  };
}

/** Webhook intake of the running App vs a bare HTTP server, and GitHub writes per review. */
export const intakeSection: BenchSection = {
  id: "intake",
  title: "Webhook intake (ack latency, throughput) and GitHub writes per review",
  run: runIntake,
};
