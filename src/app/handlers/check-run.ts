import { jobs, skip, type Route } from "../delivery.js";
import { isBot } from "../guards.js";

/** check_run.rerequested on our check: a full re-review of each PR the check belongs to. */
export const checkRunRoute: Route<"check_run.rerequested"> = {
  triage({ id, payload }, { checkName }) {
    const event = "check_run.rerequested";
    const run = payload.check_run;
    if (run.name !== checkName) return skip(event, "other-check");
    if (!payload.installation) return skip(event, "no-installation");
    if (isBot(payload.sender)) return skip(event, "bot-sender");
    const pulls = run.pull_requests ?? [];
    if (pulls.length === 0) return skip(event, "no-pull-request");
    const installationId = payload.installation.id;
    const enqueuedAt = new Date().toISOString();
    return jobs(
      event,
      pulls.map((pr) => ({
        deliveryId: `${id}:${pr.number}`,
        installationId,
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        pullNumber: pr.number,
        headSha: run.head_sha,
        baseSha: pr.base.sha,
        trigger: "rerequest" as const,
        full: true,
        enqueuedAt,
      })),
    );
  },
};
