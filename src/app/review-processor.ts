import type { Logger } from "probot";
import type { PatchwardenConfig } from "../config/schema.js";
import { ConfigError } from "../config/config-error.js";
import { completeCheckRun, createCheckRun, startCheckRun, type CheckConclusion } from "../github/check-runs.js";
import { describeGitHubError, isRetryableGitHubError, retryAfterMs } from "../github/github-errors.js";
import { readPostedFingerprints } from "../github/posted-fingerprints.js";
import { fetchPullRequestChange } from "../github/pr-source.js";
import { prefetchRepoReader } from "../github/repo-reader.js";
import { postReview } from "../github/review-poster.js";
import { findSummaryComment, upsertSummaryComment } from "../github/summary-comment.js";
import { annotationsFor } from "../github/check-annotations.js";
import { rankOf } from "../review/finding.js";
import type { JobProcessor, ReviewJob } from "../queue/review-job.js";
import { RetryableJobError } from "../queue/retry-policy.js";
import { JobSupersededError } from "../queue/abort-reasons.js";
import { DEFAULT_SLICE_MS } from "../review/cooperative.js";
import { reviewDiff } from "../review/pipeline.js";
import { renderSummaryMarkdown } from "../review/render/summary-markdown.js";
import type { ReviewResult } from "../review/review-result.js";
import { loadRepoConfig } from "./repo-config.js";
import type { AppMetrics } from "./metrics.js";
import { instrumentOctokit } from "./metrics.js";
import { readReviewedSha, reviewedShaMarker } from "./reviewed-marker.js";
import type { GitHubClient } from "../github/github-client.js";
import { createLlmFromEnv, type LlmEnv } from "../llm/create-llm.js";

export interface ReviewProcessorDeps {
  /** An installation-authenticated octokit (Probot's `app.auth(id)`). */
  octokitFor(installationId: number): Promise<GitHubClient>;
  log: Logger;
  metrics: AppMetrics;
  checkName: string;
  /** Operator environment for the LLM reviewers (OPENAI_API_KEY, ...); static only without a key. */
  llmEnv?: LlmEnv;
  /** Called when the job learns its check run id (the queue persists it for replays). */
  onProgress?(job: ReviewJob): void | Promise<void>;
}

/** GitHub takes 50 annotations per request; more would cost extra writes per review. */
const MAX_ANNOTATIONS = 50;

function conclusionFor(result: ReviewResult, config: PatchwardenConfig): CheckConclusion {
  if (result.summary.verdict === "blocking") return config.checks.onBlocking;
  if (result.summary.verdict === "comments") return config.checks.onComments;
  return "success";
}

function checkTitle(result: ReviewResult): string {
  const { summary } = result;
  const total = result.findings.length;
  if (total === 0) return "No findings";
  return `${summary.verdict === "blocking" ? "Blocking findings" : "Comments"}: ${summary.posted} inline, ${summary.summaryOnly} in the summary`;
}

/**
 * The review worker: turns one ReviewJob into one review on GitHub.
 *
 * 1. check run in_progress  2. repo config  3. PR still open at this head?  4. files + contents
 * 5. fingerprints already posted  6. engine  7. one createReview  8. sticky summary  9. check run done
 */
export function createReviewProcessor(deps: ReviewProcessorDeps): JobProcessor {
  return async function processReviewJob(job: ReviewJob, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const log = deps.log.child({ pr: `${job.owner}/${job.repo}#${job.pullNumber}`, sha: job.headSha.slice(0, 12), delivery: job.deliveryId });
    const octokit = await deps.octokitFor(job.installationId);
    instrumentOctokit(octokit, deps.metrics);
    const repoRef = { owner: job.owner, repo: job.repo };
    let checkRunId = job.checkRunId;
    let outcome = "error";
    try {
      // 2. Config first: a disabled repository gets no check run at all.
      let config: PatchwardenConfig;
      try {
        config = await loadRepoConfig(octokit, repoRef);
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        checkRunId ??= await createCheckRun(octokit, { ...repoRef, headSha: job.headSha, name: deps.checkName, externalId: job.deliveryId });
        await completeCheckRun(octokit, {
          ...repoRef,
          checkRunId,
          conclusion: "neutral",
          title: "Invalid .github/patchwarden.yml",
          summary: `patchwarden did not review this change because its configuration is invalid:\n\n${err.issues.map((i) => `- \`${i.split(":")[0]}\`:${i.slice(i.indexOf(":") + 1)}`).join("\n")}`,
          annotations: [],
        });
        outcome = "invalid-config";
        return;
      }

      // 3. The PR as it is now: closed, moved on, or a draft the config skips.
      const { data: pr } = await octokit.rest.pulls.get({ ...repoRef, pull_number: job.pullNumber });
      const skip =
        !config.review.enabled ? "reviews are disabled in .github/patchwarden.yml"
        : pr.state !== "open" ? "the pull request is closed"
        : pr.draft && !config.review.drafts && job.trigger === "pull_request" ? "draft pull requests are not reviewed (review.drafts: false)"
        : pr.head.sha !== job.headSha ? `a newer commit (${pr.head.sha.slice(0, 7)}) replaced ${job.headSha.slice(0, 7)}`
        : undefined;
      if (skip) {
        if (checkRunId) await completeCheckRun(octokit, { ...repoRef, checkRunId, conclusion: "skipped", title: "Not reviewed", summary: `Not reviewed: ${skip}.`, annotations: [] });
        log.info({ reason: skip }, "review skipped");
        outcome = "skipped";
        return;
      }

      // 1. The check run is the durable record of the job (reconciled after a crash).
      checkRunId ??= await createCheckRun(octokit, { ...repoRef, headSha: job.headSha, name: deps.checkName, externalId: job.deliveryId });
      // A retry of this job (same object in the memory queue) reuses the run instead of adding
      // one, and a persisting queue records it so a replay after a crash does too.
      if (job.checkRunId !== checkRunId) {
        job.checkRunId = checkRunId;
        await deps.onProgress?.(job);
      }
      await startCheckRun(octokit, { ...repoRef, checkRunId });
      signal.throwIfAborted();

      // 4. What to review: incremental after the last reviewed commit unless a full review was asked.
      // The sticky summary records the last reviewed commit; it is read once and updated in step 8.
      const summaryComment = (await findSummaryComment(octokit, { ...repoRef, issueNumber: job.pullNumber })) ?? null;
      const lastReviewed = job.full ? undefined : readReviewedSha(summaryComment?.body ?? "");
      const change = await fetchPullRequestChange(octokit, { ...repoRef, pullNumber: job.pullNumber, headSha: job.headSha, sinceSha: lastReviewed });
      const repo = await prefetchRepoReader(octokit, {
        ...repoRef,
        ref: job.headSha,
        paths: change.diff.files.filter((f) => f.status !== "deleted" && !f.binary).map((f) => f.path),
        listing: true,
      });
      signal.throwIfAborted();

      // 5-6. Never the same comment twice; then the engine.
      const alreadyPosted = await readPostedFingerprints(octokit, { ...repoRef, pullNumber: job.pullNumber });
      const port = deps.llmEnv ? createLlmFromEnv(deps.llmEnv, config.llm, { installationId: job.installationId }) : undefined;
      const result = await reviewDiff({
        diff: change.diff,
        repo,
        config,
        alreadyPosted,
        skipped: change.skipped,
        focusLines: change.incremental?.addedLines,
        // Webhook answers, /healthz and the other jobs share this thread: give it back every 10 ms.
        sliceMs: DEFAULT_SLICE_MS,
        signal,
        // PR title and body are untrusted text: the LLM reviewers delimit and sanitise them.
        ...(port ? { llm: { port, signal, title: pr.title, body: pr.body ?? undefined, model: config.llm.model } } : {}),
      });
      const llmNote = port?.summaryNote();
      if (llmNote) result.summary.notes.push(llmNote);
      if (result.stats.llm) {
        deps.metrics.llmTokens.inc({ kind: "prompt" }, result.stats.llm.promptTokens);
        deps.metrics.llmTokens.inc({ kind: "completion" }, result.stats.llm.completionTokens);
        if (result.stats.llm.costUsd) deps.metrics.llmCostUsd.inc(result.stats.llm.costUsd);
      }
      if (change.truncated) result.summary.notes.push("GitHub lists at most 3,000 files of a pull request; files past that were not reviewed");
      if (change.incremental) result.summary.notes.push(`Incremental review of the commits after ${change.incremental.sinceSha.slice(0, 7)}`);
      signal.throwIfAborted();

      // 7. One review with every inline comment; comments GitHub rejects move to the summary.
      const inline = result.findings.filter((f) => f.posted);
      const posted = await postReview(octokit, { ...repoRef, pullNumber: job.pullNumber, commitId: job.headSha, findings: inline });
      for (const { finding, reason } of posted.rejected) {
        const reported = result.findings.find((f) => f.fingerprint === finding.fingerprint);
        if (reported) reported.posted = false;
        result.summary.notes.push(`GitHub rejected the comment on ${finding.path}:${finding.line} (${reason}); it is listed here instead`);
      }
      result.summary.posted = result.findings.filter((f) => f.posted).length;
      result.summary.summaryOnly = result.findings.length - result.summary.posted;
      for (const f of posted.posted) deps.metrics.findingsPosted.inc({ category: f.category });

      // 8. The sticky summary, edited in place; it also remembers the reviewed commit.
      await upsertSummaryComment(octokit, {
        ...repoRef,
        issueNumber: job.pullNumber,
        existing: summaryComment,
        body: `${renderSummaryMarkdown(result)}\n${reviewedShaMarker(job.headSha)}`,
      });

      // 9. Done.
      await completeCheckRun(octokit, {
        ...repoRef,
        checkRunId,
        conclusion: conclusionFor(result, config),
        title: checkTitle(result),
        summary: renderSummaryMarkdown(result),
        // One request's worth (50), most important first: the write count per review stays
        // fixed however many findings there are; the summary lists them all.
        annotations: annotationsFor([...result.findings].sort((a, b) => Number(b.posted) - Number(a.posted) || rankOf(b) - rankOf(a))).slice(0, MAX_ANNOTATIONS),
      });
      outcome = result.summary.verdict;
      log.info({ posted: result.summary.posted, summaryOnly: result.summary.summaryOnly, verdict: result.summary.verdict }, "review posted");
    } catch (err) {
      outcome = await handleFailure(err, { deps, job, octokit, checkRunId, signal, log });
      if (outcome === "retry") throw new RetryableJobError(describeGitHubError(err), { retryAfterMs: retryAfterMs(err), cause: err });
    } finally {
      deps.metrics.jobDuration.observe({ outcome }, (performance.now() - started) / 1000);
    }
  };
}

interface FailureContext {
  deps: ReviewProcessorDeps;
  job: ReviewJob;
  octokit: GitHubClient;
  checkRunId?: number;
  signal: AbortSignal;
  log: Logger;
}

/** Superseded → check run cancelled; shutdown → left for reconciliation; GitHub hiccup → retry; else → check says what failed. */
async function handleFailure(err: unknown, ctx: FailureContext): Promise<string> {
  const { job, octokit, checkRunId, signal, log } = ctx;
  const repoRef = { owner: job.owner, repo: job.repo };
  if (signal.aborted) {
    if (signal.reason instanceof JobSupersededError && checkRunId) {
      const summary = `A newer commit (${signal.reason.byHeadSha.slice(0, 7)}) replaced this one; its review supersedes this run.`;
      await completeCheckRun(octokit, { ...repoRef, checkRunId, conclusion: "cancelled", title: "Superseded", summary, annotations: [] }).catch(() => undefined);
      return "superseded";
    }
    log.info("review interrupted; the check run stays open for reconciliation");
    return "interrupted";
  }
  if (isRetryableGitHubError(err)) {
    log.warn({ err: describeGitHubError(err) }, "GitHub is failing; the review will be retried");
    return "retry";
  }
  const reason = err instanceof Error ? describeGitHubError(err) : String(err);
  log.error({ err: reason }, "review failed");
  if (checkRunId) {
    await completeCheckRun(octokit, {
      ...repoRef,
      checkRunId,
      conclusion: "neutral",
      title: "patchwarden could not finish this review",
      summary: `The review failed: ${reason}\n\nComment \`/review\` to try again.`,
      annotations: [],
    }).catch((e: unknown) => log.error({ err: describeGitHubError(e) }, "could not record the failure on the check run"));
  }
  return "failed";
}
