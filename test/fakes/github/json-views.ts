import type { FakeGitHubState } from "./fake-state.js";
import type {
  CheckRunRecord,
  InstallationRecord,
  IssueCommentRecord,
  IssueRecord,
  PullFileRecord,
  PullRecord,
  ReactionRecord,
  RepoRecord,
  ReviewCommentRecord,
  ReviewRecord,
} from "./state-records.js";

/**
 * GitHub's JSON for the fake's records: the fields a client reads. The server completes each
 * answer from the operation's response schema (schema-filler.ts), so these builders stay short.
 * API URLs point at the fake, so a client that follows `url` fields stays on loopback.
 */
export interface ViewContext {
  state: FakeGitHubState;
  apiUrl: string;
}

const WEB = "https://github.com";

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

export function issueCommentJson(ctx: ViewContext, comment: IssueCommentRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${comment.repo}`;
  return {
    id: comment.id,
    node_id: `IC_fake${comment.id}`,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${WEB}/${comment.repo}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(ctx, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.author === ctx.state.botLogin ? "NONE" : "CONTRIBUTOR",
  };
}

export function reviewJson(ctx: ViewContext, review: ReviewRecord): Record<string, unknown> {
  const pullApi = `${ctx.apiUrl}/repos/${review.repo}/pulls/${review.pullNumber}`;
  const html = `${WEB}/${review.repo}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: `PRR_fake${review.id}`,
    user: userJson(ctx, review.author),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullApi,
    _links: { html: { href: html }, pull_request: { href: pullApi } },
    ...(review.submittedAt ? { submitted_at: review.submittedAt } : {}),
    commit_id: review.commitId,
    author_association: "NONE",
  };
}

export function reviewCommentJson(ctx: ViewContext, comment: ReviewCommentRecord): Record<string, unknown> {
  const api = `${ctx.apiUrl}/repos/${comment.repo}`;
  const self = `${api}/pulls/comments/${comment.id}`;
  const html = `${WEB}/${comment.repo}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullApi = `${api}/pulls/${comment.pullNumber}`;
  return {
    url: self,
    id: comment.id,
    node_id: `PRRC_fake${comment.id}`,
    pull_request_review_id: comment.reviewId,
    diff_hunk: comment.diffHunk,
    path: comment.path,
    // File-level comments have no position; the schema types `position` as a non-null integer.
    ...(comment.position !== null ? { position: comment.position, original_position: comment.position } : {}),
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    ...(comment.inReplyToId !== undefined ? { in_reply_to_id: comment.inReplyToId } : {}),
    user: userJson(ctx, comment.author),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullApi,
    author_association: comment.author === ctx.state.botLogin ? "NONE" : "CONTRIBUTOR",
    _links: { self: { href: self }, html: { href: html }, pull_request: { href: pullApi } },
    subject_type: comment.subjectType,
    ...(comment.line !== null ? { line: comment.line, original_line: comment.line, side: comment.side } : {}),
    ...(comment.startLine !== null
      ? { start_line: comment.startLine, original_start_line: comment.startLine, start_side: comment.startSide }
      : { start_line: null, original_start_line: null, start_side: null }),
  };
}

export function reactionJson(ctx: ViewContext, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: `REA_fake${reaction.id}`,
    user: userJson(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

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
