import { issueAccessToken } from "./access-tokens.js";
import { notFound } from "./github-errors.js";
import { appJson, installationJson } from "./json-views-app.js";
import { repoJson } from "./json-views.js";
import { paginate } from "./pagination.js";
import type { RouteContext, RouteDefinition } from "./route-types.js";
import type { AccessLevel, InstallationRecord } from "./state-records.js";

/**
 * The App-level endpoints Probot and @octokit/auth-app call: the App itself, its installations,
 * and installation access tokens (https://docs.github.com/rest/apps/apps).
 */
export const appRoutes: RouteDefinition[] = [
  {
    route: "GET /app",
    auth: "app",
    handle: ({ views }) => ({ status: 200, body: appJson(views) }),
  },
  {
    route: "GET /app/installations",
    auth: "app",
    handle: ({ state, views, query, url }) => {
      const page = paginate([...state.installations.values()], query, url);
      return { status: 200, body: page.items.map((i) => installationJson(views, i)), headers: page.headers };
    },
  },
  {
    route: "GET /app/installations/{installation_id}",
    auth: "app",
    handle: (ctx) => ({ status: 200, body: installationJson(ctx.views, requireInstallation(ctx)) }),
  },
  {
    route: "POST /app/installations/{installation_id}/access_tokens",
    auth: "app",
    handle: (ctx) => {
      const installation = requireInstallation(ctx);
      const token = issueAccessToken(ctx.state, installation, {
        permissions: ctx.body.permissions as Record<string, AccessLevel> | undefined,
        repositories: ctx.body.repositories as string[] | undefined,
        documentationUrl: ctx.operation.documentationUrl,
      });
      const repos = ctx.state.allRepos().filter((repo) => repo.installationId === installation.id);
      const limited = token.repositories
        ? repos.filter((repo) => token.repositories?.includes(repo.name))
        : undefined;
      return {
        status: 201,
        body: {
          token: token.token,
          expires_at: token.expiresAt,
          // GitHub echoes the permissions the token carries: those requested, else all granted.
          permissions: token.permissions,
          repository_selection: limited ? "selected" : "all",
          ...(limited ? { repositories: limited.map((repo) => repoJson(ctx.views, repo)) } : {}),
        },
      };
    },
  },
  {
    route: "GET /repos/{owner}/{repo}/installation",
    auth: "app",
    handle: (ctx) => {
      const installation = ctx.state.installations.get(ctx.repo.installationId);
      if (!installation) throw notFound(ctx.operation.documentationUrl);
      return { status: 200, body: installationJson(ctx.views, installation) };
    },
  },
  {
    route: "GET /orgs/{org}/installation",
    auth: "app",
    handle: (ctx) => ({ status: 200, body: installationJson(ctx.views, installationFor(ctx, String(ctx.params.org))) }),
  },
  {
    route: "GET /users/{username}/installation",
    auth: "app",
    handle: (ctx) => ({
      status: 200,
      body: installationJson(ctx.views, installationFor(ctx, String(ctx.params.username))),
    }),
  },
  {
    route: "GET /installation/repositories",
    auth: "installation",
    handle: ({ state, views, caller, query, url }) => {
      const installationId = caller.kind === "installation" ? caller.token.installationId : -1;
      const repos = state.allRepos().filter((repo) => repo.installationId === installationId);
      const page = paginate(repos, query, url);
      return {
        status: 200,
        body: {
          total_count: repos.length,
          repository_selection: "selected",
          repositories: page.items.map((repo) => repoJson(views, repo)),
        },
        headers: page.headers,
      };
    },
  },
];

function requireInstallation(ctx: RouteContext): InstallationRecord {
  const installation = ctx.state.installations.get(Number(ctx.params.installation_id));
  if (!installation) throw notFound(ctx.operation.documentationUrl);
  return installation;
}

function installationFor(ctx: RouteContext, account: string): InstallationRecord {
  const found = [...ctx.state.installations.values()].find(
    (installation) => installation.account.toLowerCase() === account.toLowerCase(),
  );
  if (!found) throw notFound(ctx.operation.documentationUrl);
  return found;
}
