import { ConfigError } from "../config/config-error.js";
import { parseConfig } from "../config/load-config.js";
import type { PatchwardenConfig } from "../config/schema.js";
import type { GitHubClient } from "../github/github-client.js";

/** Where the repository's config lives, as Probot's `context.config("patchwarden.yml")` reads it. */
export const CONFIG_PATH = ".github/patchwarden.yml";

interface ConfigCapableOctokit {
  config: { get(options: { owner: string; repo: string; path: string; defaults?: Record<string, unknown> }): Promise<{ config: Record<string, unknown> }> };
}

/**
 * Reads `.github/patchwarden.yml` from the default branch with Probot's config plugin (the org's
 * `.github` repository as fallback, `_extends` honoured) and validates it with the engine's
 * schema. Throws ConfigError listing the bad field paths.
 */
export async function loadRepoConfig(octokit: GitHubClient, repo: { owner: string; repo: string }): Promise<PatchwardenConfig> {
  const withConfig = octokit as unknown as Partial<ConfigCapableOctokit>;
  if (!withConfig.config) return parseConfig({});
  let config: Record<string, unknown>;
  try {
    ({ config } = await withConfig.config.get({ ...repo, path: CONFIG_PATH }));
  } catch (err) {
    // HTTP failures carry a status and are GitHub's problem (retried upstream); anything else is
    // the plugin failing to read the file (YAML syntax, an _extends it cannot follow).
    if (typeof (err as { status?: unknown }).status === "number") throw err;
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new ConfigError(`invalid ${CONFIG_PATH}: ${reason}`, [`(file): ${reason}`]);
  }
  const { _extends: _ignored, ...rest } = config as Record<string, unknown>;
  return parseConfig(rest, CONFIG_PATH);
}
