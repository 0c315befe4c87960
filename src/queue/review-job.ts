/** Why a review job exists. */
export type ReviewTrigger = "pull_request" | "command" | "rerequest" | "reconcile";

/** One review of one pull request at one head commit. Plain JSON: it travels through Redis. */
export interface ReviewJob {
  /** Delivery id of the webhook that created the job (`X-GitHub-Delivery`), or a synthetic id. */
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  baseSha: string;
  trigger: ReviewTrigger;
  /** Review the whole PR (a `/review` command, a rerequested check) instead of only what is new. */
  full: boolean;
  /** The check run that records this job on GitHub, once created. */
  checkRunId?: number;
  /** Who asked (a `/review` command's author), for the summary. */
  requestedBy?: string;
  /** ISO time the job was accepted. */
  enqueuedAt: string;
}

/** `owner/repo#number`: jobs of one PR supersede each other. */
export function pullKey(job: Pick<ReviewJob, "owner" | "repo" | "pullNumber">): string {
  return `${job.owner}/${job.repo}#${job.pullNumber}`.toLowerCase();
}

/**
 * Identity for idempotency: the same head commit is reviewed once per trigger kind, except that
 * an explicit full review (command, rerequest) is its own job per delivery.
 */
export function jobIdOf(job: ReviewJob): string {
  const base = `${pullKey(job)}@${job.headSha}`;
  return job.full ? `${base}:full:${job.deliveryId}` : base;
}

/** What happened to an enqueue request. */
export type EnqueueOutcome =
  /** Accepted (and, when `superseded` is set, it replaced older pending jobs of the same PR). */
  | { status: "queued"; jobId: string; superseded: string[] }
  /** The same delivery or the same job id was already accepted: nothing to do. */
  | { status: "duplicate"; jobId: string };

/** Runs one job. Must honour `signal`: it aborts when a newer commit supersedes the job or on shutdown. */
export type JobProcessor = (job: ReviewJob, signal: AbortSignal) => Promise<void>;

/** The queue the App's webhook handlers write to and its workers read from. */
export interface JobQueue {
  readonly kind: "memory" | "redis";
  /** Accepts a job; fast (no GitHub calls), safe to call from a webhook handler. */
  enqueue(job: ReviewJob): Promise<EnqueueOutcome>;
  /** Starts processing with bounded concurrency. */
  start(processor: JobProcessor): Promise<void>;
  /** Jobs waiting plus running. */
  depth(): Promise<{ waiting: number; active: number }>;
  /** Stops taking jobs, aborts running ones (they are retried later / reconciled), releases connections. */
  close(): Promise<void>;
  /**
   * A running job learnt something a replay must reuse (its check run id): queues that persist
   * jobs themselves (the journaled memory queue) record it at once, so even a hard crash mid-job
   * replays onto the same check run. Optional: Redis keeps the job object itself.
   */
  recordProgress?(job: ReviewJob): void | Promise<void>;
}
