import type { GitHubClient, RepoRef } from "./github-client.js";
import { statusOf } from "./github-error-shape.js";

export type FileText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * One file's text at `ref`, through the contents API (base64 JSON). Anything that is not a
 * readable text file comes back as a reason instead: absent (404), a folder, a symlink or
 * submodule, over `maxBytes`, binary (a NUL byte), or over 1 MB — where GitHub answers with
 * `encoding: "none"` and no content
 * (https://docs.github.com/rest/repos/contents#get-repository-content). Other errors propagate.
 */
export async function fetchFileText(octokit: GitHubClient, params: RepoRef & { ref: string; path: string; maxBytes: number }): Promise<FileText> {
  const { owner, repo, ref, path, maxBytes } = params;
  let data;
  try {
    ({ data } = await octokit.rest.repos.getContent({ owner, repo, path, ref }));
  } catch (error) {
    if (statusOf(error) === 404) return { ok: false, reason: "absent" };
    throw error;
  }
  if (Array.isArray(data)) return { ok: false, reason: "a folder" };
  if (data.type !== "file") return { ok: false, reason: `a ${data.type}` };
  if (data.size > maxBytes) return { ok: false, reason: `over ${maxBytes} bytes` };
  if (data.encoding !== "base64") return { ok: false, reason: "too large for the contents API" };
  const bytes = Buffer.from(data.content, "base64");
  if (bytes.includes(0)) return { ok: false, reason: "binary" };
  return { ok: true, text: bytes.toString("utf8") };
}
