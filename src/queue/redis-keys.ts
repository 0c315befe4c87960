/**
 * The Redis keys the BullMQ queue keeps beside BullMQ's own (`bull:<queueName>:*`). All of them
 * start with `pw:<queueName>:`, so one queue's state can be found (and deleted) by that prefix.
 */
export interface PullKeys {
  /** `SET NX EX` marker of an accepted webhook delivery. */
  delivery(deliveryId: string): string;
  /** The head commit of the newest job accepted for a pull request. */
  latest(pull: string): string;
  /** Hash of the PR's accepted, unsettled jobs: job id → head sha. */
  pending(pull: string): string;
  /** Lock held by the one job of the PR that runs right now (value: the BullMQ job token). */
  running(pull: string): string;
  /** Prefix of every key above. */
  readonly prefix: string;
}

/** Keys of one queue. */
export function pullKeys(queueName: string): PullKeys {
  const prefix = `pw:${queueName}:`;
  return {
    prefix,
    delivery: (deliveryId) => `${prefix}delivery:${deliveryId}`,
    latest: (pull) => `${prefix}latest:${pull}`,
    pending: (pull) => `${prefix}pending:${pull}`,
    running: (pull) => `${prefix}running:${pull}`,
  };
}

/**
 * A `jobIdOf` id as a BullMQ job id. BullMQ 6 rejects custom ids with a ':' unless they split into
 * exactly three parts (a legacy repeatable-job key shape), and a full review's id holds
 * `:full:<deliveryId>` where the delivery id is free text. Percent-encoding '%' and ':' keeps the
 * id readable and reversible.
 */
export function toBullmqJobId(jobId: string): string {
  return jobId.replace(/%/g, "%25").replace(/:/g, "%3A");
}
