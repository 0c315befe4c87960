import { JobSupersededError } from "./abort-reasons.js";
import type { RunningJob } from "./bullmq-job-runner.js";
import type { PullState } from "./pull-state.js";
import type { QueueEvent, QueueLogger } from "./queue-events.js";

/** Options of {@link watchRunningJobs}. */
export interface SupersedeWatchOptions {
  state: PullState;
  running: Map<string, RunningJob>;
  intervalMs: number;
  pullLockTtlMs: number;
  log?: QueueLogger;
  emit(event: QueueEvent): void;
}

/**
 * Every `intervalMs`, compares each running job's head with its PR's newest head in Redis (the
 * newer job may have been accepted by another machine) and aborts the job's signal with a
 * JobSupersededError when they differ; also extends the PR run locks of the running jobs.
 * Polling instead of pub/sub: a message missed during a reconnect would leave a stale review
 * running, a poll cannot miss. Returns a function that stops the watch.
 */
export function watchRunningJobs(options: SupersedeWatchOptions): () => void {
  const { state, running, log } = options;
  let busy = false;

  async function check(entry: RunningJob): Promise<void> {
    const [latest, held] = await Promise.all([
      state.latestHead(entry.pull),
      state.renewPull(entry.pull, entry.token, options.pullLockTtlMs),
    ]);
    if (!held && !entry.reason) {
      log?.warn({ jobId: entry.id, pull: entry.pull }, "lost the pull request's run lock (Redis unreachable for too long?)");
    }
    if (latest === null || latest === entry.headSha || entry.reason) return;
    entry.reason = "superseded";
    entry.byHeadSha = latest;
    entry.controller.abort(new JobSupersededError(entry.id, latest));
    options.emit({ type: "superseded", jobId: entry.id, pull: entry.pull, by: `${entry.pull}@${latest}`, state: "active" });
  }

  async function tick(): Promise<void> {
    // A slow Redis must not pile up overlapping rounds.
    if (busy || running.size === 0) return;
    busy = true;
    try {
      const results = await Promise.allSettled([...running.values()].map(check));
      for (const result of results) {
        if (result.status === "rejected") log?.warn({ err: result.reason }, "could not check a running job for a newer head");
      }
    } finally {
      busy = false;
    }
  }

  const timer = setInterval(() => void tick(), options.intervalMs);
  // The watch alone must not keep a process alive; close() stops it anyway.
  timer.unref();
  return () => clearInterval(timer);
}
