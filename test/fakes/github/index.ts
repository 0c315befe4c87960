/** A stateful fake of GitHub's REST API for patchwarden's end-to-end tests. */
export { createFakeGitHub, DEFAULT_PERMISSIONS, type FakeGitHub, type FakeGitHubOptions } from "./create-fake-github.js";
export { FakeGitHubState } from "./fake-state.js";
export type { AddPullRequestInput, AddRepoInput, ComparisonInput, PushInput, RepoOption } from "./seed-inputs.js";
export { faults, type FaultMatcher, type FaultResponse } from "./fault-injection.js";
export type { RecordedRequest, ResponseProblem } from "./http-handler.js";
export type { PullFileInput } from "./pull-file-records.js";
export type * from "./state-records.js";
export { loadWebhookExample, type WebhookExampleName, type WebhookOverrides } from "./webhook-payloads.js";
export { createTestProbot, UnthrottledProbotOctokit } from "./test-probot.js";
