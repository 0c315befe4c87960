import { hasWriteAccess } from "../../github/permissions.js";
import { describeGitHubError } from "../../github/github-errors.js";
import type { Delivery } from "../delivery.js";
import { isBot } from "../guards.js";
import { acceptJob, skipDelivery, type IntakeDeps } from "../intake.js";
import { parseSlashCommand } from "../slash-command.js";

const REFUSAL =
  "Thanks for asking! Only people with write access to this repository can run `/{command}`. A maintainer can run it for you.";

/**
 * issue_comment.created: `/review` on a pull request asks for a full re-review. Commands count
 * only from people with write access (checked through the API, never from the payload's
 * author_association alone); others get a polite refusal and bots get nothing.
 */
export function createIssueCommentHandler(deps: IntakeDeps) {
  return async function onIssueComment(delivery: Delivery<"issue_comment.created">): Promise<void> {
    const { payload } = delivery;
    const event = "issue_comment.created";
    const command = parseSlashCommand(payload.comment.body);
    if (!command) return skipDelivery(deps, event, "no-command");
    if (isBot(payload.sender)) return skipDelivery(deps, event, "bot-sender");
    if (!payload.installation) return skipDelivery(deps, event, "no-installation");
    if (command.name !== "review") return skipDelivery(deps, event, `command-${command.name}-not-here`);
    if (!payload.issue.pull_request) return skipDelivery(deps, event, "review-on-issue");
    const owner = payload.repository.owner.login;
    const repo = payload.repository.name;
    const login = payload.sender.login;
    // The only handler that needs GitHub before it can enqueue; the others never build a client.
    const octokit = await delivery.octokit();
    const allowed = await hasWriteAccess(octokit, { owner, repo, username: login });
    if (!allowed) {
      skipDelivery(deps, event, "no-permission", { login });
      // Answer after the webhook response: the refusal is a write and may wait on throttling.
      void octokit.rest.issues
        .createComment({ owner, repo, issue_number: payload.issue.number, body: `@${login} ${REFUSAL.replace("{command}", command.name)}` })
        .catch((err: unknown) => deps.log.warn({ err: describeGitHubError(err) }, "could not post the refusal"));
      return;
    }
    const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: payload.issue.number });
    if (pr.state !== "open") return skipDelivery(deps, event, "closed");
    await acceptJob(deps, event, {
      deliveryId: delivery.id,
      installationId: payload.installation.id,
      owner,
      repo,
      pullNumber: pr.number,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      trigger: "command",
      full: true,
      requestedBy: login,
      enqueuedAt: new Date().toISOString(),
    });
  };
}
