import type { Redis } from "ioredis";
import type { PullKeys } from "./redis-keys.js";

/** How long a delivery id is remembered: GitHub redelivers within hours, not days. */
const deliveryTtlSeconds = 86_400;
/** How long a PR's head and pending jobs are kept without news (a PR idle for a week needs none). */
const pullTtlSeconds = 7 * 86_400;

// Sets the PR's newest head and takes the jobs of other heads out of its pending hash in one step,
// so two enqueues racing on different machines cannot both miss each other's jobs.
const claimHeadScript = `
redis.call("SET", KEYS[1], ARGV[1], "EX", ARGV[3])
local older = {}
local entries = redis.call("HGETALL", KEYS[2])
for i = 1, #entries, 2 do
  if entries[i + 1] ~= ARGV[1] then
    table.insert(older, entries[i])
    redis.call("HDEL", KEYS[2], entries[i])
  end
end
redis.call("HSET", KEYS[2], ARGV[2], ARGV[1])
redis.call("EXPIRE", KEYS[2], ARGV[3])
return older`;

// Compare-and-act on the PR lock: only the run that took it may extend or release it.
const renewLockScript = `
if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
return 0`;
const releaseLockScript = `
if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end
return 0`;

/**
 * The cross-machine state of pull requests kept beside BullMQ: delivery dedupe, the newest head
 * per PR (what running jobs compare themselves with), the PR's pending jobs (what a newer head
 * removes) and the per-PR run lock (one job of a PR at a time, across workers).
 */
export class PullState {
  constructor(
    private readonly redis: Redis,
    readonly keys: PullKeys,
  ) {}

  /** True the first time a delivery id is seen (within a day). */
  async acceptDelivery(deliveryId: string): Promise<boolean> {
    return (await this.redis.set(this.keys.delivery(deliveryId), "1", "EX", deliveryTtlSeconds, "NX")) === "OK";
  }

  /** Lets a delivery be accepted again (its enqueue failed half-way: a redelivery should retry). */
  async forgetDelivery(deliveryId: string): Promise<void> {
    await this.redis.del(this.keys.delivery(deliveryId));
  }

  /**
   * Records `headSha` as the PR's newest head and `jobId` as pending; returns the ids of the PR's
   * pending jobs at other heads, which no longer count as pending.
   */
  async claimHead(pull: string, headSha: string, jobId: string): Promise<string[]> {
    const older = await this.redis.eval(claimHeadScript, 2, this.keys.latest(pull), this.keys.pending(pull), headSha, jobId, pullTtlSeconds);
    return older as string[];
  }

  /** The PR's newest head, if any job of it was accepted lately. */
  latestHead(pull: string): Promise<string | null> {
    return this.redis.get(this.keys.latest(pull));
  }

  /** Forgets a settled job (completed, failed for good, or superseded). */
  async settle(pull: string, jobId: string): Promise<void> {
    await this.redis.hdel(this.keys.pending(pull), jobId);
  }

  /** Takes the PR's run lock for `owner` (a job token) unless another run holds it. */
  async lockPull(pull: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.keys.running(pull), owner, "PX", ttlMs, "NX")) === "OK";
  }

  /** Extends the lock; false when it expired or another run took it meanwhile. */
  async renewPull(pull: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(renewLockScript, 1, this.keys.running(pull), owner, ttlMs)) === 1;
  }

  /** Releases the lock if `owner` still holds it. */
  async unlockPull(pull: string, owner: string): Promise<void> {
    await this.redis.eval(releaseLockScript, 1, this.keys.running(pull), owner);
  }
}
