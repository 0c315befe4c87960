import type { Octokit } from "@octokit/rest";

/**
 * The slice of an Octokit client the wrappers in this folder use. Structural, so both Probot's
 * `context.octokit` (a ProbotOctokit, with its retry and throttling plugins) and a plain
 * `@octokit/rest` Octokit (the CLI, the tests) can be handed in. Probot 14 exposes the REST
 * methods under `.rest` only, so every call goes through `octokit.rest.*`.
 */
export type GitHubClient = Pick<Octokit, "rest" | "paginate" | "request">;

/** A repository, as every GitHub REST route names it. */
export interface RepoRef {
  owner: string;
  repo: string;
}
