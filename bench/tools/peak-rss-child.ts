/**
 * Child process for peak-memory measurement: runs one tool once on a corpus and prints
 * `{"tool", "maxRssKb", "findings"}` as its last stdout line. Each tool gets a fresh process, and
 * only that tool's modules are imported (dynamically), so the numbers do not mix.
 *
 *   node dist/bench/tools/peak-rss-child.js <patchwarden|eslint|baseline> <rootDir> <corpusDir> <sourceType>
 */
import { loadCorpus } from "../corpus.js";

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
    // maxRSS is in kilobytes (getrusage ru_maxrss on Linux).
    process.stdout.write(JSON.stringify({ tool, maxRssKb: process.resourceUsage().maxRSS, findings }) + "\n");
  },
  (err: unknown) => {
    process.stderr.write(`peak-rss-child: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
