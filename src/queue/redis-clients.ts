import { Redis } from "ioredis";
import type { QueueLogger } from "./queue-events.js";

/** The Redis connections of one queue instance, with one log line per outage instead of one per retry. */
export class RedisClients {
  private readonly clients: Redis[] = [];
  private down = new Set<Redis>();

  constructor(
    private readonly url: string,
    private readonly log: QueueLogger | undefined,
  ) {}

  /**
   * A new connection. `maxRetriesPerRequest` bounds how long a command waits through a Redis
   * outage (`null`: forever, which BullMQ requires of a worker's connections).
   */
  open(maxRetriesPerRequest: number | null): Redis {
    const client = new Redis(this.url, { maxRetriesPerRequest });
    // ioredis retries a lost connection every few hundred ms, each time with an error event
    // (reported as unhandled without a listener); one warning per outage is enough.
    client.on("error", (err: unknown) => {
      if (!this.down.has(client)) this.log?.warn({ err }, "redis connection lost; reconnecting");
      this.down.add(client);
    });
    client.on("ready", () => {
      if (this.down.delete(client)) this.log?.info({}, "redis connection restored");
    });
    this.clients.push(client);
    return client;
  }

  /** True while any connection is between a failure and its reconnect. */
  get degraded(): boolean {
    return this.down.size > 0;
  }

  /** Quits every connection (disconnects those that are not connected). */
  async closeAll(): Promise<void> {
    await Promise.all(this.clients.map(quit));
    this.down.clear();
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status === "ready") {
    try {
      await client.quit();
      return;
    } catch {
      // fall through to a hard disconnect
    }
  }
  client.disconnect();
}
