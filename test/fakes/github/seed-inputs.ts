import type { PullFileInput } from "./pull-file-records.js";
import type { ComparisonRecord } from "./state-records.js";

/** The shapes tests seed the fake with. */

/** Where a seed goes: `"owner/name"`; omitted, the first repository added. */
export interface RepoOption {
  repo?: string;
}

export interface AddRepoInput {
  fullName: string;
  private?: boolean;
  defaultBranch?: string;
  installationId?: number;
}

export interface AddPullRequestInput extends RepoOption {
  number: number;
  headSha: string;
  baseSha: string;
  files: PullFileInput[];
  title?: string;
  body?: string | null;
  author?: string;
  authorAssociation?: string;
  headRef?: string;
  baseRef?: string;
  /** `"owner/name"` of the head repository when the PR comes from a fork. */
  headRepo?: string;
  draft?: boolean;
  state?: "open" | "closed";
  labels?: string[];
}

export interface PushInput extends RepoOption {
  number: number;
  headSha: string;
  /** All files of the PR after the push (base...newHead). */
  files: PullFileInput[];
  /** Files changed by this push alone (oldHead...newHead), served by the compare API. */
  pushedFiles?: PullFileInput[];
}

export interface ComparisonInput extends RepoOption {
  status?: ComparisonRecord["status"];
  aheadBy?: number;
  behindBy?: number;
  files: PullFileInput[];
}
