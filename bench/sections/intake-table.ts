import type { BenchGoal, BenchTable, Cell } from "../bench-section.js";
import { median } from "../measure.js";
import type { BurstStats } from "../tools/latency-stats.js";
import type { ReviewWrites } from "./intake-writes.js";

/** One server's answers to one burst. */
export type ServerStats = BurstStats & { non2xx: number };

/** An App server's answers, and the deliveries that had no job once they were in. */
export type AppStats = ServerStats & { withoutJob: number };

/** One measured round: a burst of the same shape sent to each server. */
export interface IntakeRound {
  /** The order the servers took their burst in, e.g. `app → appOnProbot → probot → bare`. */
  order: string;
  /** The App on its own server (webhook front), as `npm start` runs it with credentials. */
  app: AppStats;
  /** The same App loaded into Probot's Server (the path the front replaced). */
  appOnProbot: AppStats;
  probot: ServerStats;
  bare: ServerStats;
}

export interface IntakeMeasurements {
  burst: number;
  maxSockets: number;
  rounds: IntakeRound[];
  warmups: number;
  /** Requests to the api.github.com stand-in during the intake run (warm-ups included); intake should make none. */
  intakeRequests: number;
  targetP99Ratio: number;
}

/** Requests GitHub counts as writes that a review is expected to make, whatever its findings. */
export const EXPECTED_WRITE_ROUTES = new Set([
  "POST /repos/{owner}/{repo}/check-runs",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
]);

const WRITE_LABELS: Record<string, string> = {
  "POST /repos/{owner}/{repo}/check-runs": "check run created (POST check-runs)",
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": "check run updated (PATCH check-runs/{id})",
  "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews": "createReview (POST pulls/{n}/reviews)",
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": "summary created (POST issues/{n}/comments)",
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": "summary edited (PATCH issues/comments/{id})",
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The per-round ratio of the App's p99 to the bare server's, paired within a round. */
export function p99Ratios(rounds: IntakeRound[]): number[] {
  return rounds.map((round) => round.app.p99Ms / round.bare.p99Ms);
}

/** The intake table (medians over rounds) and its two goals. */
export function buildIntakeTable(m: IntakeMeasurements): { table: BenchTable; goals: BenchGoal[]; ratio: number } {
  const med = (pick: (round: IntakeRound) => number) => median(m.rounds.map(pick));
  const row = (label: string, pick: (round: IntakeRound) => ServerStats, withoutJob?: number): Cell[] => [
    label,
    med((r) => pick(r).p50Ms),
    med((r) => pick(r).p99Ms),
    med((r) => pick(r).maxMs),
    med((r) => pick(r).perSecond),
    sum(m.rounds.map((r) => pick(r).non2xx)),
    withoutJob,
  ];
  const ratioRow = (label: string, pick: (round: IntakeRound) => ServerStats): Cell[] => [
    label,
    med((r) => pick(r).p50Ms / r.bare.p50Ms),
    med((r) => pick(r).p99Ms / r.bare.p99Ms),
    undefined,
    med((r) => pick(r).perSecond / r.bare.perSecond),
    undefined,
    undefined,
  ];
  const ratios = p99Ratios(m.rounds);
  const ratio = median(ratios);
  const withoutJob = sum(m.rounds.map((r) => r.app.withoutJob));
  const withoutJobOnProbot = sum(m.rounds.map((r) => r.appOnProbot.withoutJob));
  const non2xx = sum(m.rounds.map((r) => r.app.non2xx + r.appOnProbot.non2xx + r.probot.non2xx + r.bare.non2xx));
  const rows: Cell[][] = [
    row("patchwarden App (its server, webhook front)", (r) => r.app, withoutJob),
    row("same App on Probot's Server (before the front)", (r) => r.appOnProbot, withoutJobOnProbot),
    row("Probot Server, no-op handler", (r) => r.probot),
    row("bare node:http, 202 only", (r) => r.bare),
    ratioRow("App / bare", (r) => r.app),
    ratioRow("App on Probot's Server / bare", (r) => r.appOnProbot),
    ratioRow("Probot no-op / bare", (r) => r.probot),
  ];
  const table: BenchTable = {
    title: `Intake: ${m.burst} concurrent signed pull_request.opened deliveries (ack latency)`,
    columns: ["server", "p50 ms", "p99 ms", "max ms", "deliveries/s", "non-2xx", "deliveries without a job"],
    rows,
    notes: [
      `median of ${m.rounds.length} rounds after ${m.warmups} warm-up(s), the servers' order rotating; latency = send → end of answer, one keep-alive http.Agent per server (maxSockets ${m.maxSockets}); client and servers in this process on 127.0.0.1`,
      `target: App p99 ≤ ${m.targetP99Ratio}× the bare server's (per-round ratios: ${ratios.map((r) => r.toFixed(2)).join(", ")}); the no-op Probot app is what any Probot app pays on Probot's path (verify, parse, Context + Octokit per event)`,
      `deliveries without a job = ${m.burst} − PRs the queue reported "queued" for once the answers were in; requests from intake to the api.github.com stand-in: ${m.intakeRequests}`,
      "both App servers: WORKER_MODE=producer (no reviews), the default queue (in memory, each job written to the DATA_DIR journal before the answer), each burst with its own PR numbers; every Probot-based server logs at info (as in production) into a stream that drops the lines",
    ],
  };
  const goals: BenchGoal[] = [
    {
      goal: `intake p99 ≤ ${m.targetP99Ratio}× a bare node:http server's (${m.burst} concurrent signed deliveries)`,
      met: Number.isFinite(ratio) ? ratio <= m.targetP99Ratio : undefined,
      detail: `App p99 ${med((r) => r.app.p99Ms).toFixed(1)} ms vs bare ${med((r) => r.bare.p99Ms).toFixed(1)} ms: ${ratio.toFixed(2)}× (the App on Probot's Server: ${med((r) => r.appOnProbot.p99Ms / r.bare.p99Ms).toFixed(2)}×; a no-op Probot app: ${med((r) => r.probot.p99Ms / r.bare.p99Ms).toFixed(2)}×)`,
    },
    {
      goal: "zero deliveries without a job",
      met: withoutJob === 0 && withoutJobOnProbot === 0 && non2xx === 0 && m.intakeRequests === 0,
      detail: `${withoutJob} of ${m.rounds.length * m.burst} deliveries to the App got no job (${withoutJobOnProbot} on Probot's Server); ${non2xx} answers were not 2xx; intake made ${m.intakeRequests} GitHub requests`,
    },
  ];
  return { table, goals, ratio };
}

/** The writes-per-review table (one column per PR) and its goal. */
export function buildWritesTable(reviews: ReviewWrites[]): { table: BenchTable; goal: BenchGoal } {
  const routes = [...new Set([...EXPECTED_WRITE_ROUTES, ...reviews.flatMap((r) => Object.keys(r.writes))])];
  const rows: Cell[][] = [
    ["findings", ...reviews.map((r) => r.findings)],
    ["inline comments", ...reviews.map((r) => r.inlineComments)],
    ["check-run annotations", ...reviews.map((r) => r.annotations)],
    ...routes.map((route) => [WRITE_LABELS[route] ?? `unexpected: ${route}`, ...reviews.map((r) => r.writes[route] ?? 0)]),
    ["= GitHub writes", ...reviews.map((r) => r.writesTotal)],
    ["reads (GET)", ...reviews.map((r) => r.reads)],
    ["access tokens", ...reviews.map((r) => r.accessTokens)],
    ["job / check conclusion", ...reviews.map((r) => `${r.outcome} / ${r.conclusion ?? "none"}`)],
  ];
  const unexpected = reviews.flatMap((r) => Object.keys(r.writes).filter((route) => !EXPECTED_WRITE_ROUTES.has(route)));
  const unmatched = [...new Set(reviews.flatMap((r) => r.unmatched))];
  const createReviews = reviews.map((r) => r.writes["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"] ?? 0);
  const constant = reviews.every((r) => r.writesTotal === reviews[0].writesTotal);
  const completed = reviews.every((r) => r.outcome === "completed");
  const table: BenchTable = {
    title: "GitHub requests per review (worker on, one delivery per PR)",
    columns: ["", ...reviews.map((r) => r.label)],
    rows,
    notes: [
      "writes = the App's non-GET requests to the api.github.com stand-in between the delivery and the job's end; the installation token exchange is listed apart",
      "the stand-in accepts every review anchor (no 422): a rejected comment would add the probes described in src/github/review-poster.ts",
      ...(unmatched.length ? [`routes the stand-in did not serve (404): ${unmatched.join(", ")}`] : []),
    ],
  };
  const goal: BenchGoal = {
    goal: "GitHub writes per review do not grow with the findings (one createReview + check-run writes + the sticky summary)",
    met: reviews.length < 2 || !completed ? undefined : constant && unexpected.length === 0 && createReviews.every((n) => n === 1),
    detail: `${reviews.map((r) => `${r.label}: ${r.findings ?? "?"} findings → ${r.writesTotal} writes`).join("; ")}${unexpected.length ? `; unexpected writes: ${unexpected.join(", ")}` : ""}${completed ? "" : "; a review did not complete"}`,
  };
  return { table, goal };
}
