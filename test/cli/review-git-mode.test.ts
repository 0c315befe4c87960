import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=dev@example.com", "-c", "user.name=dev", ...args], { cwd, encoding: "utf8" });
}

/** A repository whose `main` has one file and whose `feature` branch adds a defect in a second commit. */
function repoWithBranch(): string {
  const dir = mkdtempSync(join(tmpdir(), "pw-git-"));
  git(dir, "init", "-q", "-b", "main");
  writeFileSync(join(dir, "a.js"), "export function f(x) {\n  return x;\n}\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "base");
  git(dir, "checkout", "-qb", "feature");
  writeFileSync(join(dir, "a.js"), "export function f(x) {\n  if (x === NaN) return 0;\n  return x;\n}\n");
  git(dir, "commit", "-qam", "feature");
  // main moves on after the branch point: merge-base keeps its change out of the review.
  git(dir, "checkout", "-q", "main");
  writeFileSync(join(dir, "b.js"), "export const y = (z) => z === NaN;\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "main moves");
  git(dir, "checkout", "-q", "feature");
  return dir;
}

describe("patchwarden review inside a git repository (no --diff)", () => {
  it("reviews merge-base(base, HEAD)..HEAD, like the pull request would show", async () => {
    const dir = repoWithBranch();
    const run = await runCli(["review", "--base", "main", "--format", "json"], { cwd: dir });
    const out = JSON.parse(run.stdout);
    expect(out.findings.map((f: { path: string; line: number; rule: string }) => `${f.path}:${f.line} ${f.rule}`)).toEqual(["a.js:2 correctness/nan-comparison"]);
    expect(out.summary.filesChanged).toBe(1);
  });

  it("finds the default base (main) itself", async () => {
    const dir = repoWithBranch();
    const run = await runCli(["review", "--format", "json"], { cwd: dir });
    expect(JSON.parse(run.stdout).summary.filesChanged).toBe(1);
  });

  it("explains when the directory is not a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-nogit-"));
    const run = await runCli(["review"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^patchwarden: no --diff given and .* is not inside a git repository\n$/);
  });

  it("names an unknown base", async () => {
    const dir = repoWithBranch();
    const run = await runCli(["review", "--base", "no-such-branch"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^patchwarden: git merge-base failed/);
  });
});
