import { ConfigError } from "../../src/config/config-error.js";
import { readEnv } from "../../src/config/env.js";

describe("readEnv", () => {
  it("defaults to the embedded setup: memory queue, both roles, reconciliation on", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ QUEUE: "memory", WORKER_MODE: "both", RECONCILE_ON_START: true, REVIEW_CONCURRENCY: 2, CHECK_NAME: "patchwarden" });
    expect(env.DATA_DIR).toMatch(/\.patchwarden$/);
  });

  it.each([
    [{ QUEUE: "redis" }, /QUEUE=redis needs REDIS_URL/],
    [{ QUEUE: "kafka" }, /QUEUE/],
    [{ REVIEW_CONCURRENCY: "0" }, /REVIEW_CONCURRENCY/],
    [{ WORKER_MODE: "producer" }, /WORKER_MODE=producer/],
    [{ INTAKE_THREADS: "-1" }, /INTAKE_THREADS/],
    [{ INTAKE_THREADS: "two" }, /INTAKE_THREADS/],
  ])("fails fast on %j, naming the variable", (env, message) => {
    expect(() => readEnv(env)).toThrow(ConfigError);
    expect(() => readEnv(env)).toThrow(message);
  });

  it("reads INTAKE_THREADS, an empty value meaning the default", () => {
    expect(readEnv({ INTAKE_THREADS: "0" }).INTAKE_THREADS).toBe(0);
    expect(readEnv({ INTAKE_THREADS: "2" }).INTAKE_THREADS).toBe(2);
    expect(readEnv({ INTAKE_THREADS: "" }).INTAKE_THREADS).toBeUndefined();
    expect(readEnv({}).INTAKE_THREADS).toBeUndefined();
  });

  it("accepts a Redis producer", () => {
    expect(readEnv({ QUEUE: "redis", REDIS_URL: "redis://127.0.0.1:6379", WORKER_MODE: "producer" }).WORKER_MODE).toBe("producer");
  });
});
