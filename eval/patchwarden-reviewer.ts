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

/** Keeps the findings patchwarden says it posts inline on the new side. */
export function postedComments(output: unknown): PostedComment[] {
  if (!output || typeof output !== "object" || !Array.isArray((output as { findings?: unknown }).findings)) {
    throw new Error("output has no findings array");
  }
  const findings = (output as { findings: CliFinding[] }).findings;
  return findings
    .filter((f) => f.posted === true && f.side === "RIGHT")
    .filter((f) => typeof f.path === "string" && typeof f.line === "number")
    .map((f) => ({
      path: f.path as string,
      line: f.line as number,
      startLine: typeof f.startLine === "number" ? f.startLine : undefined,
      rule: typeof f.rule === "string" ? f.rule : "?",
      category: typeof f.category === "string" ? f.category : undefined,
    }));
}

/** The patchwarden CLI at `binPath` as a Reviewer. */
export function createPatchwardenReviewer(binPath: string): Reviewer {
  return {
    name: "patchwarden",
    async review(diffPath, repoDir): Promise<ToolOutcome> {
      const started = Date.now();
      const run = await runCli(binPath, ["review", "--diff", diffPath, "--repo", repoDir, "--format", "json", "--no-llm"]);
      const durationMs = Date.now() - started;
      const firstStderrLine = run.stderr.trim().split("\n")[0] ?? "";
      if (run.code !== 0 && run.code !== 1) {
        return { comments: [], notes: [], durationMs, error: `exit ${run.code}: ${firstStderrLine || "(no message)"}` };
      }
      try {
        return { comments: postedComments(JSON.parse(run.stdout)), notes: [], durationMs };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return { comments: [], notes: [], durationMs, error: `unreadable JSON (${reason})` };
      }
    },
  };
}
