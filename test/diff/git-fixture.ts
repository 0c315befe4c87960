import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway git repository for producing real diffs. */
export interface GitFixture {
  dir: string;
  write(path: string, content: string | Buffer): void;
  chmod(path: string, mode: number): void;
  git(...args: string[]): string;
  /** Stages everything and commits. */
  commit(message?: string): void;
  /** `git diff --cached -M` (plus `args`) of everything staged against HEAD. */
  stagedDiff(...args: string[]): string;
  cleanup(): void;
}

export function createGitFixture(): GitFixture {
  const dir = mkdtempSync(join(tmpdir(), "patchwarden-diff-"));
  // An empty HOME and no system config: the developer's diff settings (noprefix, color, external
  // drivers) must not change what the tests read.
  const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C" };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 28 });
  git("init", "-q");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  git("config", "core.autocrlf", "false");
  return {
    dir,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    chmod: (path, mode) => chmodSync(join(dir, path), mode),
    git,
    commit(message = "change") {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
    },
    stagedDiff(...args) {
      git("add", "-A");
      return git("diff", "--cached", "-M", ...args);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `diff -u` between two files of the fixture (exit status 1 just means "they differ"). */
export function plainDiff(dir: string, ...args: string[]): string {
  const result = spawnSync("diff", args, { cwd: dir, encoding: "utf8" });
  if (result.status !== 0 && result.status !== 1) throw new Error(`diff failed: ${result.stderr}`);
  return result.stdout;
}
