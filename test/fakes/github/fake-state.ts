import { fakeSha } from "./pull-file-records.js";
import type { AddPullRequestInput, AddRepoInput, ComparisonInput, PushInput, RepoOption } from "./seed-inputs.js";
import { seedComparison, seedPullRequest, seedPush } from "./seed-pull-requests.js";
import type {
  AccessLevel,
  AccessTokenRecord,
  CheckRunRecord,
  DispatchRecord,
  InstallationRecord,
  IssueCommentRecord,
  IssueRecord,
  PullRecord,
  ReactionContent,
  ReactionRecord,
  RepoRecord,
  ReviewCommentRecord,
  ReviewRecord,
  WorkflowRecord,
} from "./state-records.js";

export interface FakeGitHubStateOptions {
  appId: number;
  appSlug: string;
  installationId: number;
  account: string;
  permissions: Record<string, AccessLevel>;
  maxPatchBytes: number;
  now: () => Date;
}

/**
 * Everything the fake GitHub knows. Tests seed it before driving the App and read it afterwards;
 * the route handlers mutate it. Ids come from one counter, so an issue-comment id never doubles
 * as a review-comment id and a mixed-up endpoint answers 404 as it would on GitHub.
 */
export class FakeGitHubState {
  readonly installations = new Map<number, InstallationRecord>();
  readonly tokens = new Map<string, AccessTokenRecord>();
  readonly issueCommentsById = new Map<number, IssueCommentRecord>();
  readonly reviewsById = new Map<number, ReviewRecord>();
  readonly reviewCommentsById = new Map<number, ReviewCommentRecord>();
  readonly reactionsById = new Map<number, ReactionRecord>();
  readonly checkRunsById = new Map<number, CheckRunRecord>();
  private readonly repos = new Map<string, RepoRecord>();
  private readonly stableIds = new Map<string, number>();
  private counter = 1000;

  constructor(readonly options: FakeGitHubStateOptions) {
    this.addInstallation({ id: options.installationId, account: options.account });
  }

  get botLogin(): string {
    return `${this.options.appSlug}[bot]`;
  }

  nextId(): number {
    this.counter += 1;
    return this.counter;
  }

  /** Current time in GitHub's format (seconds precision, `Z`). */
  timestamp(): string {
    return this.options.now().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** The same id each time for the same key (users, check suites, fork repositories). */
  stableId(key: string): number {
    let id = this.stableIds.get(key);
    if (id === undefined) {
      id = this.nextId();
      this.stableIds.set(key, id);
    }
    return id;
  }

  userId(login: string): number {
    return this.stableId(`user:${login.toLowerCase()}`);
  }

  // ---- seeding -------------------------------------------------------------------------------

  addInstallation(input: {
    id: number;
    account: string;
    accountType?: "Organization" | "User";
    permissions?: Record<string, AccessLevel>;
    events?: string[];
  }): InstallationRecord {
    const record: InstallationRecord = {
      id: input.id,
      account: input.account,
      accountType: input.accountType ?? "Organization",
      permissions: { ...(input.permissions ?? this.options.permissions) },
      events: input.events ?? ["pull_request", "issue_comment", "check_run", "issues"],
      suspended: false,
    };
    this.installations.set(record.id, record);
    return record;
  }

  addRepo(input: string | AddRepoInput): RepoRecord {
    const spec = typeof input === "string" ? { fullName: input } : input;
    const [owner, name] = spec.fullName.split("/");
    if (!owner || !name) throw new Error(`repository must be "owner/name", got "${spec.fullName}"`);
    const defaultBranch = spec.defaultBranch ?? "main";
    const record: RepoRecord = {
      id: this.nextId(),
      owner,
      name,
      fullName: `${owner}/${name}`,
      private: spec.private ?? false,
      defaultBranch,
      installationId: spec.installationId ?? this.options.installationId,
      branches: new Map([[defaultBranch, fakeSha(`${spec.fullName}:${defaultBranch}`)]]),
      trees: new Map(),
      pulls: new Map(),
      issues: new Map(),
      comparisons: new Map(),
      collaborators: new Map(),
      workflows: [],
      dispatches: [],
    };
    this.repos.set(record.fullName.toLowerCase(), record);
    return record;
  }

  setBranch(branch: string, sha: string, options: RepoOption = {}): void {
    this.seedRepo(options).branches.set(branch, sha);
  }

  /** Puts a file at a commit sha or branch (an unknown branch name is created). */
  setFile(ref: string, path: string, text: string | Buffer, options: RepoOption = {}): void {
    const repo = this.seedRepo(options);
    let sha = this.resolveRef(repo, ref);
    if (!sha) {
      sha = /^[0-9a-f]{40}$/.test(ref) ? ref : fakeSha(`${repo.fullName}:${ref}`);
      if (sha !== ref) repo.branches.set(ref, sha);
    }
    const tree = repo.trees.get(sha) ?? new Map<string, Buffer>();
    tree.set(path.replace(/^\/+/, ""), Buffer.isBuffer(text) ? text : Buffer.from(text));
    repo.trees.set(sha, tree);
  }

  /**
   * A PR with its files. Its base branch is set to `baseSha`, its head branch (unless the PR comes
   * from a fork) to `headSha`; `contents`/`baseContents` become files at those commits; and
   * `compare/{baseSha}...{headSha}` answers with the PR's files.
   */
  addPullRequest(input: AddPullRequestInput): PullRecord {
    return seedPullRequest(this, this.seedRepo(input), input);
  }

  /** A new head commit on a PR (what a `synchronize` webhook announces). */
  pushToPullRequest(input: PushInput): PullRecord {
    const repo = this.seedRepo(input);
    return seedPush(this, repo, this.requirePull(repo, input.number), input);
  }

  /** What `GET /compare/{base}...{head}` answers for two refs (resolved to shas when known). */
  setComparison(base: string, head: string, input: ComparisonInput): void {
    seedComparison(this, this.seedRepo(input), base, head, input);
  }

  addIssue(input: RepoOption & { number: number; title?: string; body?: string | null; author?: string; labels?: string[] }): IssueRecord {
    const repo = this.seedRepo(input);
    const issue: IssueRecord = {
      id: this.nextId(),
      number: input.number,
      title: input.title ?? `Issue #${input.number}`,
      body: input.body === undefined ? "" : input.body,
      state: "open",
      author: input.author ?? "octocat",
      labels: input.labels ?? [],
      createdAt: this.timestamp(),
    };
    repo.issues.set(issue.number, issue);
    return issue;
  }

  /** A comment someone (by default `octocat`) wrote on an issue or PR conversation. */
  addIssueComment(input: RepoOption & { issueNumber: number; body: string; author?: string }): IssueCommentRecord {
    const repo = this.seedRepo(input);
    const now = this.timestamp();
    const comment: IssueCommentRecord = {
      id: this.nextId(),
      repo: repo.fullName,
      issueNumber: input.issueNumber,
      body: input.body,
      author: input.author ?? "octocat",
      createdAt: now,
      updatedAt: now,
    };
    this.issueCommentsById.set(comment.id, comment);
    return comment;
  }

  addReaction(input: { subject: ReactionRecord["subject"]; content: ReactionContent; user: string }): ReactionRecord {
    const reaction: ReactionRecord = { id: this.nextId(), ...input, createdAt: this.timestamp() };
    this.reactionsById.set(reaction.id, reaction);
    return reaction;
  }

  setCollaboratorPermission(login: string, level: AccessLevel | "none", options: RepoOption = {}): void {
    this.seedRepo(options).collaborators.set(login.toLowerCase(), level);
  }

  addWorkflow(input: RepoOption & { path: string; id?: number; inputs?: string[] }): WorkflowRecord {
    const workflow: WorkflowRecord = { id: input.id ?? this.nextId(), path: input.path, inputs: input.inputs };
    this.seedRepo(input).workflows.push(workflow);
    return workflow;
  }

  // ---- lookups -------------------------------------------------------------------------------

  /** Repository names are case-insensitive on GitHub. */
  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  allRepos(): RepoRecord[] {
    return [...this.repos.values()];
  }

  /** A branch (`main`, `refs/heads/main`) or a known commit sha → commit sha. */
  resolveRef(repo: RepoRecord, ref: string): string | undefined {
    const branch = ref.replace(/^refs\/heads\//, "");
    const fromBranch = repo.branches.get(branch);
    if (fromBranch) return fromBranch;
    if (repo.trees.has(ref) || [...repo.branches.values()].includes(ref)) return ref;
    for (const pull of repo.pulls.values()) {
      if (pull.baseSha === ref || pull.revisions.has(ref)) return ref;
    }
    return undefined;
  }

  // ---- readers for assertions (copies) ---------------------------------------------------------

  pullRequest(repo: string, number: number): PullRecord | undefined {
    const pull = this.requireRepo(repo).pulls.get(number);
    return pull ? structuredClone(pull) : undefined;
  }

  reviews(repo: string, pullNumber: number): Array<ReviewRecord & { comments: ReviewCommentRecord[] }> {
    const fullName = this.requireRepo(repo).fullName;
    return [...this.reviewsById.values()]
      .filter((review) => review.repo === fullName && review.pullNumber === pullNumber)
      .map((review) => ({
        ...structuredClone(review),
        comments: review.commentIds.flatMap((id) => {
          const comment = this.reviewCommentsById.get(id);
          return comment ? [structuredClone(comment)] : [];
        }),
      }));
  }

  reviewComments(repo: string, pullNumber: number): ReviewCommentRecord[] {
    const fullName = this.requireRepo(repo).fullName;
    return [...this.reviewCommentsById.values()]
      .filter((comment) => comment.repo === fullName && comment.pullNumber === pullNumber)
      .map((comment) => structuredClone(comment));
  }

  issueComments(repo: string, issueNumber: number): IssueCommentRecord[] {
    const fullName = this.requireRepo(repo).fullName;
    return [...this.issueCommentsById.values()]
      .filter((comment) => comment.repo === fullName && comment.issueNumber === issueNumber)
      .map((comment) => structuredClone(comment));
  }

  reactions(kind: ReactionRecord["subject"]["kind"], commentId: number): ReactionRecord[] {
    return [...this.reactionsById.values()]
      .filter((reaction) => reaction.subject.kind === kind && reaction.subject.id === commentId)
      .map((reaction) => structuredClone(reaction));
  }

  checkRuns(repo: string, filter: { headSha?: string; name?: string } = {}): CheckRunRecord[] {
    const fullName = this.requireRepo(repo).fullName;
    return [...this.checkRunsById.values()]
      .filter((run) => run.repo === fullName)
      .filter((run) => filter.headSha === undefined || run.headSha === filter.headSha)
      .filter((run) => filter.name === undefined || run.name === filter.name)
      .map((run) => structuredClone(run));
  }

  workflowDispatches(repo: string): DispatchRecord[] {
    return structuredClone(this.requireRepo(repo).dispatches);
  }

  accessTokens(): AccessTokenRecord[] {
    return [...this.tokens.values()].map((token) => structuredClone(token));
  }

  // ---- internals -----------------------------------------------------------------------------

  requireRepo(fullName: string): RepoRecord {
    const [owner = "", name = ""] = fullName.split("/");
    const repo = this.findRepo(owner, name);
    if (!repo) throw new Error(`fake GitHub has no repository "${fullName}"; call state.addRepo first`);
    return repo;
  }

  requirePull(repo: RepoRecord, number: number): PullRecord {
    const pull = repo.pulls.get(number);
    if (!pull) throw new Error(`fake GitHub has no pull request ${repo.fullName}#${number}`);
    return pull;
  }

  seedRepo(options: RepoOption): RepoRecord {
    if (options.repo) return this.requireRepo(options.repo);
    const first = this.repos.values().next();
    if (first.done) throw new Error("fake GitHub has no repository yet; call state.addRepo first");
    return first.value;
  }
}
