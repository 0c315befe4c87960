import { createHash, createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";

/** A delivery ready to send: the exact bytes GitHub would post and the headers that go with them. */
export interface SignedDelivery {
  id: string;
  event: string;
  body: string;
  /** `sha256=<hex HMAC-SHA256 of body>`, GitHub's `X-Hub-Signature-256`. */
  signature: string;
}

/**
 * GitHub's webhook signature: HMAC-SHA256 of the exact request body with the webhook secret, hex,
 * prefixed `sha256=` (https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries).
 */
export function signWebhookBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A 40-hex commit sha derived from a label, so each PR gets a distinct, stable head. */
export function fakeSha(label: string): string {
  return createHash("sha1").update(label).digest("hex");
}

type Payload = Record<string, any>;

let template: Payload | undefined;

/** The first `pull_request.opened` example of @octokit/webhooks-examples (a real GitHub payload). */
export function pullRequestOpenedExample(): Payload {
  if (!template) {
    const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as Array<{ name: string; examples: Payload[] }>;
    const example = definitions.find((d) => d.name === "pull_request")?.examples.find((e) => e.action === "opened");
    if (!example) throw new Error("@octokit/webhooks-examples has no pull_request.opened example");
    template = example;
  }
  return structuredClone(template);
}

export interface PullRequestDeliveryOptions {
  secret: string;
  /** `owner/name`; the example's repository is renamed to it. */
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  installationId: number;
}

/**
 * A signed `pull_request.opened` delivery built on the real example payload: the examples carry
 * no `installation` (GitHub adds one for App deliveries), so one is added; the repository, PR
 * number and shas are set so that no two deliveries of a burst are duplicates of each other.
 */
export function buildPullRequestOpened(options: PullRequestDeliveryOptions): SignedDelivery {
  const payload = pullRequestOpenedExample();
  const [owner, name] = options.repo.split("/");
  payload.installation = { id: options.installationId, node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${options.installationId}` };
  payload.number = options.number;
  payload.pull_request.number = options.number;
  payload.pull_request.head.sha = options.headSha;
  payload.pull_request.base.sha = options.baseSha;
  for (const repository of [payload.repository, payload.pull_request.head.repo, payload.pull_request.base.repo]) {
    if (!repository) continue;
    repository.name = name;
    repository.full_name = options.repo;
    repository.owner.login = owner;
  }
  const body = JSON.stringify(payload);
  return { id: randomUUID(), event: "pull_request", body, signature: signWebhookBody(options.secret, body) };
}

/** A burst of `pull_request.opened` deliveries, each for its own PR of one repository. */
export interface OpenedBurst {
  deliveries: SignedDelivery[];
  /** `owner/repo#number` of each delivery, as the queue's `pull` keys name them (lower case). */
  pulls: string[];
}

/**
 * `size` signed deliveries for PRs `firstNumber`, `firstNumber + 1`, ... of `repo`, each with its
 * own head commit: none is a duplicate of another, or of any other burst with other numbers.
 */
export function buildOpenedBurst(options: { secret: string; repo: string; size: number; firstNumber: number; installationId?: number }): OpenedBurst {
  const numbers = Array.from({ length: options.size }, (_, i) => options.firstNumber + i);
  return {
    deliveries: numbers.map((number) =>
      buildPullRequestOpened({
        secret: options.secret,
        repo: options.repo,
        number,
        headSha: fakeSha(`${options.repo}#${number}:head`),
        baseSha: fakeSha(`${options.repo}:base`),
        installationId: options.installationId ?? 1,
      }),
    ),
    pulls: numbers.map((number) => `${options.repo}#${number}`.toLowerCase()),
  };
}
