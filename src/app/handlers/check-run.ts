import type { Delivery } from "../delivery.js";
import { isBot } from "../guards.js";
import { acceptJob, skipDelivery, type IntakeDeps } from "../intake.js";

/** check_run.rerequested on our check: a full re-review of each PR the check belongs to. */
export function createCheckRunHandler(deps: IntakeDeps) {
  return async function onCheckRunRerequested({ id, payload }: Delivery<"check_run.rerequested">): Promise<void> {
    const event = "check_run.rerequested";
    const run = payload.check_run;
    if (run.name !== deps.checkName) return skipDelivery(deps, event, "other-check");
    if (!payload.installation) return skipDelivery(deps, event, "no-installation");
    if (isBot(payload.sender)) return skipDelivery(deps, event, "bot-sender");
    const pulls = run.pull_requests ?? [];
    if (pulls.length === 0) return skipDelivery(deps, event, "no-pull-request");
    for (const pr of pulls) {
      await acceptJob(deps, event, {
        deliveryId: `${id}:${pr.number}`,
        installationId: payload.installation.id,
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        pullNumber: pr.number,
        headSha: run.head_sha,
        baseSha: pr.base.sha,
        trigger: "rerequest",
        full: true,
        enqueuedAt: new Date().toISOString(),
      });
    }
  };
}
