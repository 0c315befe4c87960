import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import type { FakeGitHub } from "./create-fake-github.js";

let privateKey: string | undefined;

/**
 * Probot's Octokit without the throttling plugin's pacing (about 1 s between writes and 3 s
 * between writes that notify people). Probot replaces a `throttle` object passed through
 * `ProbotOctokit.defaults({...})` with its own options, so the override is the function form,
 * applied after Probot's.
 */
export const UnthrottledProbotOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object), enabled: false },
}));

/**
 * A Probot pointed at the fake, authenticating as the App with a throwaway RSA key (the fake
 * does not verify JWT signatures). Logs are silenced below `fatal`. `throttle: true` keeps
 * Probot's real pacing and rate-limit handling; note that Probot's own throttle options do not
 * retry secondary rate limits (its `onSecondaryRateLimit` only logs).
 */
export function createTestProbot(fake: FakeGitHub, options: { throttle?: boolean } = {}): Probot {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return new Probot({
    appId: fake.state.options.appId,
    privateKey,
    baseUrl: fake.url,
    logLevel: "fatal",
    ...(options.throttle ? {} : { Octokit: UnthrottledProbotOctokit }),
  });
}
