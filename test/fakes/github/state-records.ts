/** The records the fake keeps. Readers hand out copies of these for assertions. */

export type FileStatus = "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
export type Side = "LEFT" | "RIGHT";
export type PermissionName = string;
export type AccessLevel = "read" | "write" | "admin";

export interface InstallationRecord {
  id: number;
  account: string;
  accountType: "Organization" | "User";
  /** What the App was granted on this installation, e.g. `{ pull_requests: "write" }`. */
  permissions: Record<PermissionName, AccessLevel>;
  events: string[];
  suspended: boolean;
}

export interface AccessTokenRecord {
  token: string;
  installationId: number;
  permissions: Record<PermissionName, AccessLevel>;
  expiresAt: string;
  /** Repository names the token is limited to, when the request asked for some. */
  repositories?: string[];
}

export interface PullFileRecord {
  filename: string;
  status: FileStatus;
  previousFilename?: string;
  /** The hunks as GitHub returns them; absent for binary files and diffs too large to show. */
  patch?: string;
  additions: number;
  deletions: number;
  changes: number;
  /** Blob sha of the file at the head (git's `blob <len>\0<bytes>` sha1 when contents are known). */
  sha: string;
  binary: boolean;
  omitPatch: boolean;
}

export interface PullRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  author: string;
  authorAssociation: string;
  headRef: string;
  headSha: string;
  headRepoFullName: string;
  baseRef: string;
  baseSha: string;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  files: PullFileRecord[];
  /** Files of the PR as of each head sha it has had, oldest first (review anchors use these). */
  revisions: Map<string, PullFileRecord[]>;
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  author: string;
  labels: string[];
  createdAt: string;
}

export interface IssueCommentRecord {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export type ReviewState = "PENDING" | "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";

export interface ReviewRecord {
  id: number;
  repo: string;
  pullNumber: number;
  state: ReviewState;
  body: string;
  commitId: string;
  author: string;
  submittedAt?: string;
  commentIds: number[];
}

export interface ReviewCommentRecord {
  id: number;
  repo: string;
  pullNumber: number;
  reviewId: number;
  inReplyToId?: number;
  path: string;
  subjectType: "line" | "file";
  line: number | null;
  side: Side;
  startLine: number | null;
  startSide: Side | null;
  position: number | null;
  diffHunk: string;
  commitId: string;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface ReactionRecord {
  id: number;
  subject: { kind: "issue_comment" | "review_comment"; id: number };
  content: ReactionContent;
  user: string;
  createdAt: string;
}

export interface AnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunRecord {
  id: number;
  repo: string;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation sent, across create and updates: GitHub appends them. */
  annotations: AnnotationRecord[];
  actions: Array<{ label: string; description: string; identifier: string }>;
  checkSuiteId: number;
  appId: number;
  /** Each create/update request body, in order, for assertions on what the App sent. */
  requests: unknown[];
}

export interface ComparisonRecord {
  baseSha: string;
  headSha: string;
  status: "ahead" | "behind" | "diverged" | "identical";
  aheadBy: number;
  behindBy: number;
  files: PullFileRecord[];
}

export interface WorkflowRecord {
  id: number;
  path: string;
  /** Declared `workflow_dispatch` inputs; undefined accepts any. */
  inputs?: string[];
}

export interface DispatchRecord {
  workflowId: number;
  workflowPath: string;
  ref: string;
  inputs: Record<string, unknown>;
  at: string;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  installationId: number;
  /** Branch name → commit sha. */
  branches: Map<string, string>;
  /** Commit sha → path → file bytes. */
  trees: Map<string, Map<string, Buffer>>;
  pulls: Map<number, PullRecord>;
  issues: Map<number, IssueRecord>;
  /** `"<baseSha>...<headSha>"` → comparison. */
  comparisons: Map<string, ComparisonRecord>;
  collaborators: Map<string, AccessLevel | "none">;
  workflows: WorkflowRecord[];
  dispatches: DispatchRecord[];
}
