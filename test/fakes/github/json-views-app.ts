import { userJson, WEB, type ViewContext } from "./json-views.js";
import type { CheckRunRecord, InstallationRecord } from "./state-records.js";

/** GitHub's JSON for the App, its installations, and its check runs. */
export function appJson(ctx: ViewContext, installation?: InstallationRecord): Record<string, unknown> {
  const { appId, appSlug, account } = ctx.state.options;
  return {
    id: appId,
    slug: appSlug,
    client_id: `Iv1.fake${appId}`,
    node_id: `A_fake${appId}`,
    owner: userJson(ctx, installation?.account ?? account),
    name: appSlug,
    description: "Fake App served by patchwarden's test GitHub",
    external_url: `${WEB}/apps/${appSlug}`,
    html_url: `${WEB}/apps/${appSlug}`,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    permissions: installation?.permissions ?? ctx.state.options.permissions,
    events: installation?.events ?? [],
  };
}

export function checkRunJson(ctx: ViewContext, run: CheckRunRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${run.repo}`;
  const [owner = "", name = ""] = run.repo.split("/");
  const repo = ctx.state.findRepo(owner, name);
  const pulls = repo
    ? [...repo.pulls.values()].filter((pull) => pull.headSha === run.headSha && pull.state === "open")
    : [];
  return {
    id: run.id,
    node_id: `CR_fake${run.id}`,
    head_sha: run.headSha,
    external_id: run.externalId,
    url: `${api}/check-runs/${run.id}`,
    html_url: `${WEB}/${run.repo}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: appJson(ctx),
    pull_requests: pulls.map((pull) => ({
      id: pull.id,
      number: pull.number,
      url: `${api}/pulls/${pull.number}`,
      head: { ref: pull.headRef, sha: pull.headSha, repo: { id: repo?.id ?? 0, url: api, name } },
      base: { ref: pull.baseRef, sha: pull.baseSha, repo: { id: repo?.id ?? 0, url: api, name } },
    })),
  };
}

export function installationJson(ctx: ViewContext, installation: InstallationRecord): Record<string, unknown> {
  const { appId, appSlug } = ctx.state.options;
  return {
    id: installation.id,
    account: { ...userJson(ctx, installation.account), type: installation.accountType },
    repository_selection: "selected",
    access_tokens_url: `${ctx.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.apiUrl}/installation/repositories`,
    html_url: `${WEB}/organizations/${installation.account}/settings/installations/${installation.id}`,
    app_id: appId,
    app_slug: appSlug,
    target_id: ctx.state.userId(installation.account),
    target_type: installation.accountType,
    permissions: installation.permissions,
    events: installation.events,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
  };
}
