import { existsSync, readFileSync } from "node:fs";
import { resolve, join } from "node:path";
import { parseArgs } from "node:util";
import { parseUnifiedDiff } from "../diff/parse-unified-diff.js";
import type { DiffModel } from "../diff/diff-model.js";
import { loadConfigFile, defaultConfig } from "../config/load-config.js";
import { reviewDiff } from "../review/pipeline.js";
import { allRules } from "../review/reviewers/index.js";
import { renderText } from "../review/render/text.js";
import { renderSarif } from "../review/render/sarif.js";
import { renderCommentBody } from "../review/render/comment-body.js";
import { renderSummaryMarkdown } from "../review/render/summary-markdown.js";
import type { ReportedFinding, ReviewResult } from "../review/review-result.js";
import { createFsRepoReader } from "./fs-repo-reader.js";
import { defaultBase, diffAgainstBase, gitTopLevel } from "./git.js";
import { UsageError } from "./usage-error.js";
import { packageVersion } from "./package-version.js";
import { createLlmFromEnv, type LlmEnv } from "../llm/create-llm.js";

export const REVIEW_USAGE = `Usage: patchwarden review [--diff FILE|-] [--repo DIR] [--base REF]
                         [--format text|json|sarif|markdown] [--no-llm] [--config FILE]

Reviews a change with patchwarden's reviewers and prints what would be posted on the PR.
  --diff FILE   unified diff to review ('-' reads stdin). Without it, inside a git repository,
                reviews merge-base(BASE, HEAD)..HEAD.
  --repo DIR    checkout of the change's head (files after the change); default: current directory
  --base REF    base branch for the git mode; default: origin/HEAD, main or master
  --format F    text (default), json, sarif (2.1.0, for code scanning) or markdown
  --no-llm      static reviewers only (no LLM calls even when OPENAI_API_KEY is set)
  --config FILE patchwarden config (default: <repo>/.github/patchwarden.yml when present)

Exit status: 0 nothing blocking, 1 blocking findings, 2 bad input or usage.`;

const FORMATS = ["text", "json", "sarif", "markdown"] as const;
type Format = (typeof FORMATS)[number];

function readDiffText(diffArg: string, stdin: () => string): string {
  if (diffArg === "-") return stdin();
  try {
    return readFileSync(diffArg, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read diff ${diffArg}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** Maps a deleted line to the new-side line where the deletion happened (for SARIF locations). */
function newSideLineFor(diff: DiffModel, finding: ReportedFinding): number {
  const file = diff.files.find((f) => f.path === finding.path);
  for (const hunk of file?.hunks ?? []) {
    let lastNew = Math.max(1, hunk.newStart);
    for (const line of hunk.lines) {
      if (line.newLine !== undefined) lastNew = line.newLine;
      if (line.kind === "del" && line.oldLine === finding.line) return lastNew;
    }
  }
  return 1;
}

function render(format: Format, result: ReviewResult, diff: DiffModel): string {
  switch (format) {
    case "json":
      return JSON.stringify(result, null, 2) + "\n";
    case "sarif":
      return JSON.stringify(renderSarif(result, { rules: allRules.map((r) => r.meta), version: packageVersion(), newSideLine: (f) => newSideLineFor(diff, f) }), null, 2) + "\n";
    case "markdown": {
      const comments = result.findings
        .filter((f) => f.posted)
        .map((f) => `#### \`${f.path}\` line ${f.startLine ? `${f.startLine}–` : ""}${f.line}${f.side === "LEFT" ? " (deleted)" : ""}\n\n${renderCommentBody(f)}`);
      return [renderSummaryMarkdown(result), ...comments].join("\n---\n\n") + "\n";
    }
    case "text":
      return renderText(result, diff);
  }
}

/** The LLM settings of the environment (operator settings, as the App reads them). */
function llmEnvOf(env: NodeJS.ProcessEnv): LlmEnv {
  const { OPENAI_API_KEY, OPENAI_BASE_URL, LLM_ALLOWED_BASE_URLS, LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD } = env;
  return { OPENAI_API_KEY, OPENAI_BASE_URL, LLM_ALLOWED_BASE_URLS, LLM_MAX_COST_PER_INSTALLATION_PER_DAY_USD };
}

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: () => string;
  cwd: string;
}

/** `patchwarden review`: returns the exit status. */
export async function runReviewCommand(argv: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        diff: { type: "string" },
        repo: { type: "string" },
        base: { type: "string" },
        format: { type: "string", default: "text" },
        "no-llm": { type: "boolean", default: false },
        config: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split("\n")[0]);
  }
  if (values.help) {
    io.stdout(REVIEW_USAGE + "\n");
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${values.format}' (expected ${FORMATS.join(", ")})`);
  const repoDir = resolve(io.cwd, values.repo ?? ".");
  if (!existsSync(repoDir)) throw new UsageError(`--repo ${repoDir} does not exist`);

  let diffText: string;
  if (values.diff !== undefined) {
    diffText = readDiffText(values.diff === "-" ? "-" : resolve(io.cwd, values.diff), io.stdin);
  } else {
    const top = gitTopLevel(repoDir);
    if (!top) throw new UsageError(`no --diff given and ${repoDir} is not inside a git repository`);
    diffText = diffAgainstBase(top, values.base ?? defaultBase(top));
  }

  const configPath = values.config ? resolve(io.cwd, values.config) : join(repoDir, ".github", "patchwarden.yml");
  const config = values.config || existsSync(configPath) ? await loadConfigFile(configPath) : defaultConfig();

  const diff = parseUnifiedDiff(diffText);
  // LLM reviewers join only when an endpoint is configured (OPENAI_API_KEY) and not --no-llm.
  const port = values["no-llm"] ? undefined : createLlmFromEnv(llmEnvOf(process.env), config.llm);
  const result = await reviewDiff({
    diff,
    repo: createFsRepoReader(repoDir),
    config,
    ...(port ? { llm: { port, model: config.llm.model } } : {}),
  });
  const llmNote = port?.summaryNote();
  if (llmNote) result.summary.notes.push(llmNote);
  io.stdout(render(format, result, diff));
  return result.summary.verdict === "blocking" ? 1 : 0;
}
