/**
 * Child process for peak-memory measurement: runs one tool once on a corpus and prints
 * `{"tool", "maxRssKb", "findings"}` as its last stdout line. Each tool gets a fresh process, and
 * only that tool's modules are imported (dynamically), so the numbers do not mix.
 *
 *   node dist/bench/tools/peak-rss-child.js <patchwarden|eslint|baseline> <rootDir> <corpusDir> <sourceType>
 */
import { readFileSync } from "node:fs";
import { loadCorpus } from "../corpus.js";

/**
 * This process's own peak RSS in KiB. Linux's VmHWM belongs to the process image and starts over
 * at exec; getrusage's maxRSS does not (a child spawned by a 400 MiB parent starts at 400 MiB),
 * so maxRSS is only the fallback where /proc is missing.
 */
function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

async function runTool(tool: string, rootDir: string, corpusDir: string, sourceType: "commonjs" | "module"): Promise<number> {
  const corpus = loadCorpus(corpusDir);
  if (tool === "baseline") return 0;
  if (tool === "patchwarden") {
    const { createApiRunner } = await import("./patchwarden-review.js");
    const runner = await createApiRunner(rootDir, corpus);
    if (typeof runner === "string") throw new Error(runner);
    return (await runner.run()).findings;
  }
  if (tool === "eslint") {
    const { runEslintSecurity, lintablePaths } = await import("./eslint-security.js");
    return (await runEslintSecurity(corpus, lintablePaths(corpus), sourceType)).findings;
  }
  throw new Error(`unknown tool ${tool}`);
}

const [tool = "", rootDir = "", corpusDir = "", sourceType = "commonjs"] = process.argv.slice(2);
runTool(tool, rootDir, corpusDir, sourceType === "module" ? "module" : "commonjs").then(
  (findings) => {
    process.stdout.write(JSON.stringify({ tool, maxRssKb: peakRssKb(), findings }) + "\n");
  },
  (err: unknown) => {
    process.stderr.write(`peak-rss-child: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
