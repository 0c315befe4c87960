import { hasWriteAccess } from "../../github/permissions.js";
import { describeGitHubError } from "../../github/github-errors.js";
import { jobs, skip, type Route } from "../delivery.js";
import { isBot } from "../guards.js";
import { parseSlashCommand } from "../slash-command.js";

const EVENT = "issue_comment.created";
const REFUSAL =
  "Thanks for asking! Only people with write access to this repository can run `/{command}`. A maintainer can run it for you.";

/**
 * issue_comment.created: `/review` on a pull request asks for a full re-review. Commands count
 * only from people with write access (checked through the API, never from the payload's
 * author_association alone); others get a polite refusal and bots get nothing. Triage settles
 * every other comment on the payload; only a `/review` from a person asks GitHub.
 */
export const issueCommentRoute: Route<"issue_comment.created"> = {
  triage({ payload }) {
    const command = parseSlashCommand(payload.comment.body);
    if (!command) return skip(EVENT, "no-command");
    if (isBot(payload.sender)) return skip(EVENT, "bot-sender");
    if (!payload.installation) return skip(EVENT, "no-installation");
    if (command.name !== "review") return skip(EVENT, `command-${command.name}-not-here`);
    if (!payload.issue.pull_request) return skip(EVENT, "review-on-issue");
    return { kind: "ask-github", event: EVENT };
  },

  async resolve({ id, payload }, context) {
    const owner = payload.repository.owner.login;
    const repo = payload.repository.name;
    const login = payload.sender.login;
    const command = parseSlashCommand(payload.comment.body)?.name ?? "review";
    const octokit = await context.octokit();
    if (!(await hasWriteAccess(octokit, { owner, repo, username: login }))) {
      // Answer after the webhook response: the refusal is a write and may wait on throttling.
      void octokit.rest.issues
        .createComment({ owner, repo, issue_number: payload.issue.number, body: `@${login} ${REFUSAL.replace("{command}", command)}` })
        .catch((err: unknown) => context.log.warn({ err: describeGitHubError(err) }, "could not post the refusal"));
      return skip(EVENT, "no-permission", { login });
    }
    const { data: pr } = await octokit.rest.pulls.get({ owner, repo, pull_number: payload.issue.number });
    if (pr.state !== "open") return skip(EVENT, "closed");
    return jobs(EVENT, [
      {
        deliveryId: id,
        installationId: payload.installation!.id,
        owner,
        repo,
        pullNumber: pr.number,
        headSha: pr.head.sha,
        baseSha: pr.base.sha,
        trigger: "command",
        full: true,
        requestedBy: login,
        enqueuedAt: new Date().toISOString(),
      },
    ]);
  },
};
