import type { BenchGoal, BenchTable, Cell } from "../bench-section.js";
import { median } from "../measure.js";
import type { BurstStats } from "../tools/latency-stats.js";
import type { PacedIntake } from "../tools/paced-intake.js";
import type { ReviewWrites } from "./intake-writes.js";

/** One server's answers to one burst. */
export type ServerStats = BurstStats & { non2xx: number };

/** One measured round: the same burst sent to the App, to a no-op Probot app and to the bare server. */
export interface IntakeRound {
  /** The order the three servers took the burst in, e.g. `app → probot → bare`. */
  order: string;
  app: ServerStats & { withoutJob: number; checkRunsRecorded: number };
  probot: ServerStats;
  bare: ServerStats;
}

export interface IntakeMeasurements {
  burst: number;
  maxSockets: number;
  rounds: IntakeRound[];
  warmups: number;
  /** Access-token requests the App made during the whole intake run (warm-ups included). */
  accessTokens: number;
  /** The App with Probot's default write pacing, measured in a child process. */
  paced: PacedIntake | { error: string };
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

function pacedNote(paced: IntakeMeasurements["paced"]): string {
  if ("error" in paced) return `App with Probot's default write pacing: not measured (${paced.error})`;
  const recorded = paced.recorded.map((r) => `${r.checkRuns} after ${r.afterMs / 1000} s`).join(", ");
  return `App with Probot's default write pacing (its own process, 1 burst after 1 warm-up; not paired with the bare server): the recorder's check runs of the ${paced.accepted} accepted jobs, counted from the last answer: ${recorded} — they queue behind Probot's pacing of about one write a second per installation`;
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
  const non2xx = sum(m.rounds.map((r) => r.app.non2xx + r.probot.non2xx + r.bare.non2xx));
  const recorded = sum(m.rounds.map((r) => r.app.checkRunsRecorded));
  const accepted = m.rounds.length * m.burst - withoutJob;
  const rows: Cell[][] = [
    row("patchwarden App (Probot Server)", (r) => r.app, withoutJob),
    row("Probot Server, no-op handler", (r) => r.probot),
    row("bare node:http, 202 only", (r) => r.bare),
    ratioRow("App / bare", (r) => r.app),
    ratioRow("Probot no-op / bare", (r) => r.probot),
  ];
  if (!("error" in m.paced)) {
    const p = m.paced;
    rows.push(["App, Probot's write pacing on (1 burst)", p.p50Ms, p.p99Ms, p.maxMs, p.perSecond, p.non2xx, undefined]);
  }
  const table: BenchTable = {
    title: `Intake: ${m.burst} concurrent signed pull_request.opened deliveries (ack latency)`,
    columns: ["server", "p50 ms", "p99 ms", "max ms", "deliveries/s", "non-2xx", "deliveries without a job"],
    rows,
    notes: [
      `median of ${m.rounds.length} rounds after ${m.warmups} warm-up(s), the servers' order rotating; latency = send → end of answer, one keep-alive http.Agent per server (maxSockets ${m.maxSockets}); client and servers in this process on 127.0.0.1`,
      `target: App p99 ≤ ${m.targetP99Ratio}× the bare server's (per-round ratios: ${ratios.map((r) => r.toFixed(2)).join(", ")}); the no-op Probot app is what any Probot app pays (verify, parse, Context + Octokit per event)`,
      `deliveries without a job = ${m.burst} − PRs the queue reported "queued" for once the answers were in; check runs the recorder created after the answers: ${recorded} of ${accepted}; access-token requests: ${m.accessTokens} in all`,
      "App: WORKER_MODE=producer (no reviews), in-memory queue, Probot's write pacing off so the recorder's check runs all run during the burst, in this process",
      pacedNote(m.paced),
    ],
  };
  const goals: BenchGoal[] = [
    {
      goal: `intake p99 ≤ ${m.targetP99Ratio}× a bare node:http server's (${m.burst} concurrent signed deliveries)`,
      met: Number.isFinite(ratio) ? ratio <= m.targetP99Ratio : undefined,
      detail: `App p99 ${med((r) => r.app.p99Ms).toFixed(1)} ms vs bare ${med((r) => r.bare.p99Ms).toFixed(1)} ms: ${ratio.toFixed(2)}× (a no-op Probot app: ${med((r) => r.probot.p99Ms / r.bare.p99Ms).toFixed(2)}×)`,
    },
    {
      goal: "zero deliveries without a job",
      met: withoutJob === 0 && non2xx === 0,
      detail: `${withoutJob} of ${m.rounds.length * m.burst} deliveries got no job; ${non2xx} answers were not 2xx`,
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
