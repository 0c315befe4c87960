import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BurstStats } from "./latency-stats.js";

/** What the paced child reports: one measured burst, and check runs recorded since its last answer. */
export interface PacedIntake extends BurstStats {
  non2xx: number;
  /** Jobs queued over the warm-up and the measured burst. */
  accepted: number;
  recorded: Array<{ afterMs: number; checkRuns: number }>;
}

const CHILD_SCRIPT = fileURLToPath(new URL("./paced-intake-child.js", import.meta.url));

/**
 * Runs the App with Probot's default write pacing in a child process (paced-intake-child.ts):
 * a warm-up burst and a measured one, then counts the check runs recorded `waitMs` later.
 */
export function measurePacedIntake(burst: number, maxSockets: number, waitMs: number): Promise<PacedIntake | { error: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CHILD_SCRIPT, String(burst), String(maxSockets), String(waitMs)],
      { timeout: waitMs + 60_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const last = stdout.trim().split("\n").pop() ?? "";
        if (err || !last.startsWith("{")) resolve({ error: stderr.trim().split("\n")[0] || (err ? err.message : "no result") });
        else resolve(JSON.parse(last) as PacedIntake);
      },
    );
  });
}
