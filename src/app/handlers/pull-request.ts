import { jobs, skip, type Route } from "../delivery.js";
import { isBot } from "../guards.js";

/** Actions that mean "the code to review changed or became reviewable". */
export const PULL_REQUEST_ACTIONS = ["opened", "synchronize", "reopened", "ready_for_review"] as const;

export const PULL_REQUEST_EVENTS = PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const);

type ReviewablePullRequestEvent = (typeof PULL_REQUEST_EVENTS)[number];

/**
 * pull_request.opened / synchronize / reopened / ready_for_review: guard on the payload alone
 * and enqueue. Config-dependent guards (disabled, drafts) run in the worker, which has time to
 * read `.github/patchwarden.yml`; the webhook answer must not wait for GitHub.
 */
export const pullRequestRoute: Route<ReviewablePullRequestEvent> = {
  triage({ id, payload }) {
    const event = `pull_request.${payload.action}`;
    const pr = payload.pull_request;
    if (!payload.installation) return skip(event, "no-installation");
    if (isBot(payload.sender)) return skip(event, "bot-sender", { sender: payload.sender?.login });
    if (pr.state !== "open") return skip(event, "closed");
    return jobs(event, [
      {
        deliveryId: id,
        installationId: payload.installation.id,
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        pullNumber: pr.number,
        headSha: pr.head.sha,
        baseSha: pr.base.sha,
        trigger: "pull_request",
        // A reopened PR or one leaving draft gets a full look; pushes are incremental.
        full: payload.action !== "synchronize",
        enqueuedAt: new Date().toISOString(),
      },
    ]);
  },
};
