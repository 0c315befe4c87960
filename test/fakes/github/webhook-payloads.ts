import { createRequire } from "node:module";
import type { EmitterWebhookEvent, EmitterWebhookEventName } from "@octokit/webhooks";

/** `"pull_request.opened"`, `"issue_comment.created"`, ..., or a bare event name (`"push"`). */
export type WebhookExampleName = EmitterWebhookEventName;

export interface WebhookOverrides {
  /** `installation.id` (default 1, the fake's default installation). The examples have none. */
  installationId?: number;
  /** `"owner/name"`: replaces the example's repository everywhere it appears. */
  repo?: string;
  /** The PR or issue number (`number`, `pull_request.number`, `issue.number`). */
  number?: number;
  headSha?: string;
  baseSha?: string;
  headRef?: string;
  baseRef?: string;
  /** `before` of a `synchronize` event: the previous head sha. */
  before?: string;
  /** `sender.login`. */
  sender?: string;
  /** Author of the PR or issue. */
  author?: string;
  draft?: boolean;
  /** For comment events: the comment's id, body and author. */
  comment?: { id?: number; body?: string; user?: string };
  /** For `issue_comment.*`: mark the issue as a PR's conversation (adds `issue.pull_request`). */
  onPullRequest?: boolean;
  /** Which example to take when the package has several for this action (default 0). */
  index?: number;
}

interface ExampleDefinition {
  name: string;
  examples: Array<Record<string, unknown>>;
}

let definitions: ExampleDefinition[] | undefined;

/**
 * A real payload from `@octokit/webhooks-examples` (its `api.github.com/index.json` lists each
 * event with its `examples`), deep-copied, with `installation: { id }` added and the overrides
 * applied, so it matches what the fake GitHub holds.
 */
export function loadWebhookExample<N extends WebhookExampleName>(
  name: N,
  overrides: WebhookOverrides = {},
): EmitterWebhookEvent<N>["payload"] {
  const [event, action] = name.split(".");
  definitions ??= createRequire(import.meta.url)("@octokit/webhooks-examples") as ExampleDefinition[];
  const candidates = (definitions.find((definition) => definition.name === event)?.examples ?? []).filter(
    (example) => action === undefined || example.action === action,
  );
  const chosen = candidates[overrides.index ?? 0];
  if (!chosen) throw new Error(`@octokit/webhooks-examples has no example for "${name}"`);
  const payload = structuredClone(chosen) as Record<string, any>;

  payload.installation = { id: overrides.installationId ?? 1, node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${overrides.installationId ?? 1}` };
  if (overrides.repo) renameRepository(payload, overrides.repo);
  if (overrides.sender && payload.sender) payload.sender.login = overrides.sender;
  applyPullRequest(payload, overrides);
  applyIssueAndComment(payload, overrides);
  if (payload.check_run && overrides.headSha) payload.check_run.head_sha = overrides.headSha;
  return payload as EmitterWebhookEvent<N>["payload"];
}

/** Every repository object carrying the example's full name gets the new owner and name. */
function renameRepository(payload: Record<string, any>, fullName: string): void {
  const [owner = "", name = ""] = fullName.split("/");
  const original = payload.repository?.full_name as string | undefined;
  if (!original) return;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, any>;
    if (record.full_name === original) {
      record.full_name = fullName;
      record.name = name;
      if (record.owner && typeof record.owner === "object") record.owner.login = owner;
      record.html_url = `https://github.com/${fullName}`;
    }
    Object.values(record).forEach(visit);
  };
  visit(payload);
}

function applyPullRequest(payload: Record<string, any>, overrides: WebhookOverrides): void {
  const pull = payload.pull_request as Record<string, any> | undefined;
  if (!pull) return;
  if (overrides.number !== undefined) {
    pull.number = overrides.number;
    if ("number" in payload) payload.number = overrides.number;
  }
  if (overrides.headSha) pull.head.sha = overrides.headSha;
  if (overrides.baseSha) pull.base.sha = overrides.baseSha;
  if (overrides.headRef) pull.head.ref = overrides.headRef;
  if (overrides.baseRef) pull.base.ref = overrides.baseRef;
  if (overrides.author) pull.user.login = overrides.author;
  if (overrides.draft !== undefined) pull.draft = overrides.draft;
  if ("after" in payload && overrides.headSha) payload.after = overrides.headSha;
  if ("before" in payload && overrides.before) payload.before = overrides.before;
}

function applyIssueAndComment(payload: Record<string, any>, overrides: WebhookOverrides): void {
  const issue = payload.issue as Record<string, any> | undefined;
  if (issue) {
    if (overrides.number !== undefined) issue.number = overrides.number;
    if (overrides.author) issue.user.login = overrides.author;
    if (overrides.onPullRequest) {
      const repo = payload.repository?.full_name as string;
      issue.pull_request = {
        url: `https://api.github.com/repos/${repo}/pulls/${issue.number}`,
        html_url: `https://github.com/${repo}/pull/${issue.number}`,
        diff_url: `https://github.com/${repo}/pull/${issue.number}.diff`,
        patch_url: `https://github.com/${repo}/pull/${issue.number}.patch`,
        merged_at: null,
      };
    }
  }
  const comment = payload.comment as Record<string, any> | undefined;
  if (comment && overrides.comment) {
    if (overrides.comment.id !== undefined) comment.id = overrides.comment.id;
    if (overrides.comment.body !== undefined) comment.body = overrides.comment.body;
    if (overrides.comment.user !== undefined) comment.user.login = overrides.comment.user;
  }
}
