/**
 * Why a running job's signal aborted, as `signal.reason`. A processor can read it to say so on the
 * job's check run ("superseded by abc1234") instead of reporting a failure.
 */
export class JobSupersededError extends Error {
  override readonly name = "JobSupersededError";

  constructor(
    /** The job that was stopped. */
    readonly jobId: string,
    /** The newer head commit of the same pull request that replaces it. */
    readonly byHeadSha: string,
  ) {
    super(`job ${jobId} superseded by head ${byHeadSha}`);
  }
}

/**
 * The queue is closing (deploy, scale-in). The job was not finished and not failed: the Redis
 * queue hands it to another worker, the memory queue leaves it to startup reconciliation.
 */
export class QueueShutdownError extends Error {
  override readonly name = "QueueShutdownError";

  constructor(readonly jobId: string) {
    super(`job ${jobId} stopped: queue closing`);
  }
}
