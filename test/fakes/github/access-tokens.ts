import { randomBytes } from "node:crypto";
import type { FakeGitHubState } from "./fake-state.js";
import { GitHubHttpError, unprocessable } from "./github-errors.js";
import type { AccessLevel, AccessTokenRecord, InstallationRecord } from "./state-records.js";

const LEVELS: Record<AccessLevel, number> = { read: 1, write: 2, admin: 3 };

/** True when `granted` covers `needed` (write covers read, admin covers both). */
export function covers(granted: AccessLevel | undefined, needed: AccessLevel): boolean {
  return granted !== undefined && LEVELS[granted] >= LEVELS[needed];
}

/**
 * Issues an installation access token. It lasts one hour, as GitHub's do
 * (https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app),
 * and carries the permissions asked for, or all the installation was granted. Asking for more
 * than was granted is refused with 422, as on GitHub.
 */
export function issueAccessToken(
  state: FakeGitHubState,
  installation: InstallationRecord,
  request: { permissions?: Record<string, AccessLevel>; repositories?: string[]; documentationUrl: string },
): AccessTokenRecord {
  if (installation.suspended) {
    throw new GitHubHttpError(403, {
      message: "This installation has been suspended",
      documentation_url: request.documentationUrl,
      status: "403",
    });
  }
  for (const [name, level] of Object.entries(request.permissions ?? {})) {
    if (!covers(installation.permissions[name], level)) {
      throw unprocessable(["The permissions requested are not granted to this installation."], request.documentationUrl);
    }
  }
  const record: AccessTokenRecord = {
    token: `ghs_${randomBytes(18).toString("hex")}`,
    installationId: installation.id,
    permissions: { ...(request.permissions ?? installation.permissions) },
    expiresAt: new Date(state.options.now().getTime() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...(request.repositories ? { repositories: request.repositories } : {}),
  };
  state.tokens.set(record.token, record);
  return record;
}
