import { signWebhookBody } from "../../bench/tools/webhook-deliveries.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Probot } from "probot";
import { createPatchwardenApp, type AppRuntime } from "../../src/app/index.js";
import { startAppServer } from "../../src/app/server.js";
import { readEnv } from "../../src/config/env.js";
import { openJournaledMemoryQueue } from "../../src/queue/journaled-memory-queue.js";
import { createMemoryQueue, type MemoryQueueOptions } from "../../src/queue/memory-queue.js";
import type { QueueEvent } from "../../src/queue/queue-events.js";
import type { JobQueue } from "../../src/queue/review-job.js";
import { createFakeGitHub, createTestProbot, type FakeGitHub, type PullFileInput } from "../fakes/github/index.js";

export const REPO = "acme/shop";
export const HEAD_SHA = "c0ffee".padEnd(40, "1");
export const BASE_SHA = "ba5e".padEnd(40, "2");
const EXAMPLE = join(process.cwd(), "examples", "shop");

/** The bundled example PR as GitHub's "list PR files" would give it: one patch per file. */
export function exampleFiles(): PullFileInput[] {
  const diff = readFileSync(join(EXAMPLE, "change.diff"), "utf8");
  return diff
    .split(/^diff --git /m)
    .filter(Boolean)
    .map((chunk) => {
      const path = /^\+\+\+ b\/(.+)$/m.exec(chunk)?.[1] ?? "";
      const patch = chunk.slice(chunk.indexOf("\n@@") + 1).replace(/\n$/, "");
      return { filename: path, status: "modified" as const, patch, contents: readFileSync(join(EXAMPLE, "repo", path), "utf8") };
    });
}

/** Seeds the example PR #7 into the fake. */
export function seedExamplePull(fake: FakeGitHub, files = exampleFiles()): void {
  if (!fake.state.findRepo("acme", "shop")) fake.state.addRepo(REPO);
  fake.state.addPullRequest({ repo: REPO, number: 7, headSha: HEAD_SHA, baseSha: BASE_SHA, title: "Export orders", files });
}

export interface RunningApp {
  probot: Probot;
  runtime: AppRuntime;
  events: QueueEvent[];
  /** Resolves when the queue reports an event matching `predicate` (already seen or later). */
  waitFor(predicate: (e: QueueEvent) => boolean, timeoutMs?: number): Promise<QueueEvent>;
  /** Waits until no job is waiting or running. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface StartOptions {
  env?: Record<string, string>;
  queue?: JobQueue;
  retryBackoffMs?: number;
  dataDir?: string;
}

/** The App's queue (watched) and the App function built on it, as both ways of starting use them. */
function buildApp(options: StartOptions) {
  const events: QueueEvent[] = [];
  const listeners = new Set<() => void>();
  const queueOptions: MemoryQueueOptions = {
    concurrency: 2,
    retry: { attempts: 3, backoffMs: options.retryBackoffMs ?? 50, maxBackoffMs: 2000 },
    onEvent: (e) => {
      events.push(e);
      for (const l of listeners) l();
    },
  };
  const queue =
    options.queue ?? (options.dataDir ? openJournaledMemoryQueue(options.dataDir, queueOptions) : createMemoryQueue(queueOptions));
  const { app, runtime } = createPatchwardenApp({
    env: readEnv({ RECONCILE_ON_START: "false", ...options.env }),
    queue,
    defaultMetrics: false,
  });
  return { app, runtime, events, listeners };
}

function watch(rt: AppRuntime, events: QueueEvent[], listeners: Set<() => void>) {
  const waitFor = (predicate: (e: QueueEvent) => boolean, timeoutMs = 15_000) =>
    new Promise<QueueEvent>((resolve, reject) => {
      const check = () => {
        const hit = events.find(predicate);
        if (hit) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve(hit);
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for a queue event; saw ${events.map((e) => e.type).join(", ")}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  const idle = async (timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const depth = await rt.queue.depth();
      if (depth.waiting + depth.active === 0) return;
      if (Date.now() > deadline) throw new Error(`queue not idle: ${JSON.stringify(depth)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { waitFor, idle };
}

/**
 * Starts the App against the fake, on a memory queue whose events the test can watch; with
 * `dataDir`, the memory queue is journaled there as the App's default queue is on DATA_DIR.
 */
export async function startApp(fake: FakeGitHub, options: StartOptions = {}): Promise<RunningApp> {
  const { app, runtime, events, listeners } = buildApp(options);
  const probot = createTestProbot(fake);
  await probot.load(app, { cwd: process.cwd(), addHandler: () => undefined });
  const rt = await runtime;
  return { probot, runtime: rt, events, ...watch(rt, events, listeners), close: () => rt.close() };
}

export const WEBHOOK_SECRET = "fixture-webhook-secret";

/** The App on its own HTTP server (as `npm start` runs it with credentials), on 127.0.0.1. */
export interface RunningHttpApp extends RunningApp {
  url: string;
  webhookUrl: string;
  /** Signs and posts a delivery as GitHub would; resolves with the answer. */
  deliver(name: string, payload: unknown, id?: string): Promise<{ status: number; body: unknown }>;
}

/** GitHub's `X-Hub-Signature-256` of a body. */
export function signBody(body: string | Buffer, secret = WEBHOOK_SECRET): string {
  return signWebhookBody(secret, body);
}

export async function startAppOverHttp(fake: FakeGitHub, options: StartOptions = {}): Promise<RunningHttpApp> {
  const { app, runtime, events, listeners } = buildApp(options);
  const probot = createTestProbot(fake);
  const server = await startAppServer({
    probot,
    app,
    runtime,
    secret: WEBHOOK_SECRET,
    webhookPath: "/api/github/webhooks",
    host: "127.0.0.1",
    port: 0,
  });
  let deliveries = 0;
  const deliver = async (name: string, payload: unknown, id = `delivery-${++deliveries}`) => {
    const body = JSON.stringify(payload);
    const response = await fetch(server.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": signBody(body) },
      body,
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    probot,
    runtime: server.runtime,
    events,
    ...watch(server.runtime, events, listeners),
    url: server.url,
    webhookUrl: server.webhookUrl,
    deliver,
    close: () => server.close(),
  };
}

/**
 * A fresh fake GitHub with the example PR for each test of the calling file, checked and closed
 * after it: every response matched GitHub's schema. `beforeClose` runs first (stop the App).
 */
export function useFakeGitHub(beforeClose: () => Promise<void> = async () => undefined): () => FakeGitHub {
  let fake: FakeGitHub | undefined;
  beforeEach(async () => {
    fake = await createFakeGitHub({ preloadSpec: true });
    seedExamplePull(fake);
  });
  afterEach(async () => {
    await beforeClose();
    expect(fake!.responseProblems.splice(0)).toEqual([]);
    await fake!.close();
  });
  return () => fake!;
}

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what = "a condition", timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
