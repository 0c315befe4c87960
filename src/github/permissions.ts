import type { GitHubClient, RepoRef } from "./github-client.js";
import { statusOf } from "./github-error-shape.js";

const WRITERS = new Set(["admin", "maintain", "write"]);

/**
 * True when `username` may push to the repository: admin, maintain or write. GitHub's
 * `permission` field folds maintain into "write" and triage into "read"; `role_name` keeps the
 * fine-grained role, so either naming a writer counts
 * (https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user).
 * 404 (no such user) is false.
 */
export async function hasWriteAccess(octokit: GitHubClient, params: RepoRef & { username: string }): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: params.owner, repo: params.repo, username: params.username });
    const role = (data as { role_name?: string }).role_name;
    return WRITERS.has(data.permission) || (role !== undefined && WRITERS.has(role));
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
