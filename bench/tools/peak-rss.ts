import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Peak resident set size of a child process in MiB, or why it could not be measured. */
export type PeakRss = { mb: number } | { error: string };

const CHILD_SCRIPT = fileURLToPath(new URL("./peak-rss-child.js", import.meta.url));
const GNU_TIME = "/usr/bin/time";

/** Runs one tool once in its own Node process (see peak-rss-child.ts) and reads its maxRSS. */
export function measureToolPeakRss(tool: "patchwarden" | "eslint" | "baseline", rootDir: string, corpusDir: string, sourceType: string): PeakRss {
  const child = spawnSync(process.execPath, [CHILD_SCRIPT, tool, rootDir, corpusDir, sourceType], { encoding: "utf8" });
  const last = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !last.startsWith("{")) return { error: child.stderr.trim().split("\n")[0] || `exit ${child.status}` };
  return { mb: (JSON.parse(last) as { maxRssKb: number }).maxRssKb / 1024 };
}

/**
 * Peak RSS of an arbitrary command (the CLI fallback) via GNU time's `%M` (KiB), when
 * /usr/bin/time is installed. Exit codes 0 and 1 both count as a completed run.
 */
export function measureCommandPeakRss(command: string, args: string[]): PeakRss {
  if (!existsSync(GNU_TIME)) return { error: "/usr/bin/time not installed" };
  const child = spawnSync(GNU_TIME, ["-f", "%M", command, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const kb = Number(child.stderr.trim().split("\n").pop());
  if ((child.status !== 0 && child.status !== 1) || !Number.isFinite(kb)) return { error: `exit ${child.status}` };
  return { mb: kb / 1024 };
}
