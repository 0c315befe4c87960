// Runs in its own Node process (see paced-intake.ts): the App with Probot's default write pacing
// takes one burst, then reports how fast the check runs of the accepted jobs were recorded.
// It exits with the paced backlog still queued, which a bench process sharing the runner could not.
import { Agent } from "node:http";
import { startAppServer } from "./app-server.js";
import { sendBurst } from "./delivery-client.js";
import { startGitHubStandIn } from "./github-stand-in.js";
import { summarizeBurst } from "./latency-stats.js";
import { buildOpenedBurst } from "./webhook-deliveries.js";

const SECRET = "patchwarden-bench-paced";
const REPO = "acme/paced";
const CHECK_RUN_CREATE = "POST /repos/{owner}/{repo}/check-runs";

async function main(args: string[]): Promise<void> {
  const [size, maxSockets, waitMs] = args.map(Number);
  if (![size, maxSockets, waitMs].every((n) => Number.isInteger(n) && n > 0)) throw new Error("usage: paced-intake-child BURST MAX_SOCKETS WAIT_MS");
  const standIn = await startGitHubStandIn();
  const app = await startAppServer({ baseUrl: standIn.url, secret: SECRET, workerMode: "producer", paced: true });
  const agent = new Agent({ keepAlive: true, maxSockets });
  // A warm-up burst first, as the in-process rounds have (JIT, the installation token).
  await sendBurst(agent, app.webhookUrl, buildOpenedBurst({ secret: SECRET, repo: REPO, size, firstNumber: 1000 }).deliveries);
  const burst = await sendBurst(agent, app.webhookUrl, buildOpenedBurst({ secret: SECRET, repo: REPO, size, firstNumber: 2000 }).deliveries);
  const answeredAt = performance.now();
  const recorded: Array<{ afterMs: number; checkRuns: number }> = [];
  for (const afterMs of [1000, waitMs]) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, answeredAt + afterMs - performance.now())));
    recorded.push({ afterMs, checkRuns: standIn.requests.filter((r) => r.route === CHECK_RUN_CREATE).length });
  }
  const result = {
    ...summarizeBurst(burst.answers.map((a) => a.ms), burst.wallMs),
    non2xx: burst.answers.filter((a) => a.status < 200 || a.status > 299).length,
    accepted: app.events.filter((e) => e.type === "queued").length,
    recorded,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

main(process.argv.slice(2)).then(
  // The paced check runs still queued would keep this process alive for minutes.
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
