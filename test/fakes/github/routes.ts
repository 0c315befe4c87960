import { appRoutes } from "./routes-app.js";
import { checkRunRoutes } from "./routes-check-runs.js";
import { collaboratorRoutes } from "./routes-collaborators.js";
import { compareRoutes } from "./routes-compare.js";
import { contentRoutes } from "./routes-contents.js";
import { gitRoutes } from "./routes-git.js";
import { issueCommentRoutes } from "./routes-issue-comments.js";
import { pullRoutes } from "./routes-pulls.js";
import { reactionRoutes } from "./routes-reactions.js";
import { reviewCommentRoutes } from "./routes-review-comments.js";
import { reviewRoutes } from "./routes-reviews.js";
import type { RouteDefinition } from "./route-types.js";
import { workflowRoutes } from "./routes-workflows.js";

/** Every route the fake handles, by `"METHOD /template"`. */
export function buildRouteTable(): Map<string, RouteDefinition> {
  const all = [
    ...appRoutes,
    ...contentRoutes,
    ...gitRoutes,
    ...compareRoutes,
    ...pullRoutes,
    ...reviewRoutes,
    ...reviewCommentRoutes,
    ...issueCommentRoutes,
    ...reactionRoutes,
    ...checkRunRoutes,
    ...collaboratorRoutes,
    ...workflowRoutes,
  ];
  return new Map(all.map((route) => [route.route, route]));
}
