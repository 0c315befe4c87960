import { execFileSync } from "node:child_process";
import { UsageError } from "./usage-error.js";

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0];
    throw new UsageError(`git ${args[0]} failed in ${cwd}: ${stderr || (err as Error).message}`);
  }
}

/** The repository's top-level directory, or undefined when `dir` is not inside a git work tree. */
export function gitTopLevel(dir: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** The default base: the remote's HEAD when known, else main, else master. */
export function defaultBase(dir: string): string {
  for (const ref of ["origin/HEAD", "origin/main", "main", "origin/master", "master"]) {
    try {
      execFileSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: dir, stdio: "ignore" });
      return ref;
    } catch {
      // try the next candidate
    }
  }
  throw new UsageError("no --base given and none of origin/HEAD, main, master exists; pass --base REF or --diff FILE");
}

/** The change a pull request from HEAD into `base` would show: merge-base(base, HEAD)..HEAD. */
export function diffAgainstBase(dir: string, base: string): string {
  const mergeBase = git(dir, ["merge-base", base, "HEAD"]).trim();
  return git(dir, ["diff", "--no-color", "--no-ext-diff", "-M", mergeBase, "HEAD"]);
}
