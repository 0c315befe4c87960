import type { FakeGitHubState } from "./fake-state.js";
import type { IssueRecord, PullFileRecord, PullRecord, RepoRecord } from "./state-records.js";

/**
 * GitHub's JSON for the fake's records: the fields a client reads. The server completes each
 * answer from the operation's response schema (schema-filler.ts), so these builders stay short.
 * API URLs point at the fake, so a client that follows `url` fields stays on loopback.
 */
export interface ViewContext {
  state: FakeGitHubState;
  apiUrl: string;
}

export const WEB = "https://github.com";

export function userJson(ctx: ViewContext, login: string): Record<string, unknown> {
  const id = ctx.state.userId(login);
  const bot = login.endsWith("[bot]");
  return {
    login,
    id,
    node_id: `${bot ? "BOT" : "U"}_fake${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: "",
    url: `${ctx.apiUrl}/users/${encodeURIComponent(login)}`,
    html_url: bot ? `${WEB}/apps/${login.replace(/\[bot\]$/, "")}` : `${WEB}/${login}`,
    type: bot ? "Bot" : "User",
    site_admin: false,
  };
}

/** A repository by record, or by name alone for a fork's head repository the fake doesn't hold. */
export function repoJson(ctx: ViewContext, repo: RepoRecord | string): Record<string, unknown> {
  const fullName = typeof repo === "string" ? repo : repo.fullName;
  const [owner = "", name = ""] = fullName.split("/");
  const id = typeof repo === "string" ? ctx.state.stableId(`repo:${fullName}`) : repo.id;
  const api = `${ctx.apiUrl}/repos/${fullName}`;
  return {
    id,
    node_id: `R_fake${id}`,
    name,
    full_name: fullName,
    owner: userJson(ctx, owner),
    private: typeof repo === "string" ? false : repo.private,
    visibility: typeof repo !== "string" && repo.private ? "private" : "public",
    fork: typeof repo === "string",
    html_url: `${WEB}/${fullName}`,
    url: api,
    pulls_url: `${api}/pulls{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    clone_url: `${WEB}/${fullName}.git`,
    default_branch: typeof repo === "string" ? "main" : repo.defaultBranch,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    pushed_at: "2024-01-01T00:00:00Z",
  };
}

export function pullJson(ctx: ViewContext, repo: RepoRecord, pull: PullRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  const self = `${api}/pulls/${pull.number}`;
  const html = `${WEB}/${repo.fullName}/pull/${pull.number}`;
  const headOwner = pull.headRepoFullName.split("/")[0] ?? repo.owner;
  const headRepo = ctx.state.allRepos().find((candidate) => candidate.fullName === pull.headRepoFullName);
  const additions = pull.files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = pull.files.reduce((sum, file) => sum + file.deletions, 0);
  return {
    url: self,
    id: pull.id,
    node_id: `PR_fake${pull.id}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${pull.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(ctx, pull.author),
    body: pull.body,
    labels: pull.labels.map((label, i) => ({
      id: i + 1,
      node_id: `LA_fake${i + 1}`,
      url: `${api}/labels/${encodeURIComponent(label)}`,
      name: label,
      description: null,
      color: "ededed",
      default: false,
    })),
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    draft: pull.draft,
    head: {
      label: `${headOwner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: userJson(ctx, headOwner),
      repo: repoJson(ctx, headRepo ?? pull.headRepoFullName),
    },
    base: {
      label: `${repo.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: pull.baseSha,
      user: userJson(ctx, repo.owner),
      repo: repoJson(ctx, repo),
    },
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${pull.headSha}` },
    },
    author_association: pull.authorAssociation,
    merged: pull.merged,
    mergeable: true,
    mergeable_state: "clean",
    comments: 0,
    review_comments: 0,
    commits: pull.revisions.size,
    additions,
    deletions,
    changed_files: pull.files.length,
  };
}

export function diffEntryJson(ctx: ViewContext, repo: RepoRecord, ref: string, file: PullFileRecord): Record<string, unknown> {
  const encodedPath = file.filename.split("/").map(encodeURIComponent).join("/");
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${WEB}/${repo.fullName}/blob/${ref}/${encodedPath}`,
    raw_url: `${WEB}/${repo.fullName}/raw/${ref}/${encodedPath}`,
    contents_url: `${ctx.apiUrl}/repos/${repo.fullName}/contents/${encodedPath}?ref=${ref}`,
    ...(file.patch !== undefined && !file.omitPatch ? { patch: file.patch } : {}),
    ...(file.previousFilename ? { previous_filename: file.previousFilename } : {}),
  };
}

export function issueJson(ctx: ViewContext, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${repo.fullName}`;
  return {
    id: issue.id,
    node_id: `I_fake${issue.id}`,
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    comments_url: `${api}/issues/${issue.number}/comments`,
    html_url: `${WEB}/${repo.fullName}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userJson(ctx, issue.author),
    labels: issue.labels.map((name) => ({ name })),
    created_at: issue.createdAt,
    updated_at: issue.createdAt,
    author_association: "CONTRIBUTOR",
  };
}
