/**
 * Runs patchwarden through its CLI contract, exactly as another tool would:
 * `node bin/patchwarden.js review --diff FILE --repo DIR --format json --no-llm`.
 * Exit 0 and 1 are normal results; 2 is bad input and counts as an error of that case.
 */
import { execFile } from "node:child_process";
import type { PostedComment, Reviewer, ToolOutcome } from "./tool-outcome.js";

interface CliFinding {
  path?: unknown;
  line?: unknown;
  startLine?: unknown;
  side?: unknown;
  posted?: unknown;
  rule?: unknown;
  category?: unknown;
}

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

type RunReading = { posted: PostedComment[]; held: PostedComment[] } | { error: string } | { unreadable: string };

function runCli(binPath: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath, ...args],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== "number" ? error.message : "") });
      },
    );
  });
}

/** The new-side findings patchwarden reports, split by whether it posts them inline. */
export function rightSideFindings(output: unknown): { posted: PostedComment[]; held: PostedComment[] } {
  if (!output || typeof output !== "object" || !Array.isArray((output as { findings?: unknown }).findings)) {
    throw new Error("output has no findings array");
  }
  const findings = (output as { findings: CliFinding[] }).findings;
  const right = findings.filter((f) => f.side === "RIGHT" && typeof f.path === "string" && typeof f.line === "number");
  const toComment = (f: CliFinding): PostedComment => ({
    path: f.path as string,
    line: f.line as number,
    startLine: typeof f.startLine === "number" ? f.startLine : undefined,
    rule: typeof f.rule === "string" ? f.rule : "?",
    category: typeof f.category === "string" ? f.category : undefined,
  });
  return {
    posted: right.filter((f) => f.posted === true).map(toComment),
    held: right.filter((f) => f.posted !== true).map(toComment),
  };
}

/** Exit 2 (or a crash) is an error; exit 0/1 must come with the JSON result on stdout. */
function readRun(run: CliRun): RunReading {
  const firstStderrLine = run.stderr.trim().split("\n")[0] ?? "";
  if (run.code !== 0 && run.code !== 1) return { error: `exit ${run.code}: ${firstStderrLine || "(no message)"}` };
  try {
    return rightSideFindings(JSON.parse(run.stdout));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { unreadable: `exit ${run.code}, unreadable JSON (${reason})${firstStderrLine ? `: ${firstStderrLine}` : ""}` };
  }
}

/** The patchwarden CLI at `binPath` as a Reviewer. */
export function createPatchwardenReviewer(binPath: string): Reviewer {
  return {
    name: "patchwarden",
    async review(diffPath, repoDir): Promise<ToolOutcome> {
      const started = Date.now();
      const args = ["review", "--diff", diffPath, "--repo", repoDir, "--format", "json", "--no-llm"];
      const notes: string[] = [];
      let reading = readRun(await runCli(binPath, args));
      if ("unreadable" in reading) {
        // Node itself exits 1 when a module fails to load (e.g. dist/ rewritten by a concurrent
        // build in a shared checkout): try once more and say so.
        notes.push(`retried after: ${reading.unreadable}`);
        reading = readRun(await runCli(binPath, args));
      }
      const durationMs = Date.now() - started;
      if ("unreadable" in reading) return { comments: [], notes, durationMs, error: reading.unreadable };
      if ("error" in reading) return { comments: [], notes, durationMs, error: reading.error };
      return { comments: reading.posted, held: reading.held, notes, durationMs };
    },
  };
}
