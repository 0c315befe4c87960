import { QueueConfigError, createQueue, selectQueue } from "../../src/queue/create-queue.js";
import { makeJob } from "./queue-test-helpers.js";

describe("queue selection", () => {
  it.each([
    [{}, { kind: "memory" }],
    [{ QUEUE: "" }, { kind: "memory" }],
    [{ QUEUE: "memory" }, { kind: "memory" }],
    [{ REDIS_URL: "redis://cache:6379" }, { kind: "memory" }], // redis is opt-in
    [{ QUEUE: "redis", REDIS_URL: "redis://cache:6379" }, { kind: "redis", redisUrl: "redis://cache:6379" }],
    [{ QUEUE: " Redis ", REDIS_URL: "redis://cache:6379" }, { kind: "redis", redisUrl: "redis://cache:6379" }],
  ])("%j selects %j", (env, expected) => {
    expect(selectQueue(env)).toEqual(expected);
  });

  it.each([
    [{ QUEUE: "redis" }, "QUEUE=redis needs REDIS_URL"],
    [{ QUEUE: "redis", REDIS_URL: "  " }, "QUEUE=redis needs REDIS_URL"],
    [{ QUEUE: "kafka" }, 'QUEUE must be "memory" or "redis", got "kafka"'],
  ])("%j is a QueueConfigError naming the variable", (env, message) => {
    expect(() => selectQueue(env)).toThrow(QueueConfigError);
    expect(() => selectQueue(env)).toThrow(message);
  });

  it("creates a working memory queue by default", async () => {
    const queue = await createQueue({}, { concurrency: 1 });
    expect(queue.kind).toBe("memory");
    const seen: number[] = [];
    await queue.start(async (job) => void seen.push(job.pullNumber));
    await queue.enqueue(makeJob({ pullNumber: 42 }));
    await queue.close();
    expect(seen).toEqual([42]);
  });
});
