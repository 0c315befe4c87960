import { DeliveryRoutes } from "./delivery.js";
import { checkRunRoute } from "./handlers/check-run.js";
import { issueCommentRoute } from "./handlers/issue-comment.js";
import { PULL_REQUEST_EVENTS, pullRequestRoute } from "./handlers/pull-request.js";

/**
 * The events the App answers. Built without dependencies, so the intake threads build the same
 * table; one handler file per event family under `handlers/`.
 */
export function createRoutes(): DeliveryRoutes {
  return new DeliveryRoutes()
    .on(PULL_REQUEST_EVENTS, pullRequestRoute)
    .on("issue_comment.created", issueCommentRoute)
    .on("check_run.rerequested", checkRunRoute);
}
