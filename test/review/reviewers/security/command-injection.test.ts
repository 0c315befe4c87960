import { commandInjection } from "../../../../src/review/reviewers/security/command-injection.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/command-injection", () => {
  it("flags exec with an interpolated template through a destructured require", () => {
    const findings = reviewSnippet(commandInjection, "src/git.js", `
 const { exec } = require("child_process");
 function log(ref) {
+  exec(\`git log \${ref}\`, (err, out) => console.log(out));
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, rule: "security/command-injection", severity: "blocking", side: "RIGHT" });
    expect(findings[0].message).toContain("execFile");
  });

  it("flags execSync on a namespace import with concatenation, and promisified exec", () => {
    const findings = reviewSnippet(commandInjection, "src/run.ts", `
 import * as cp from "node:child_process";
 import { promisify } from "node:util";
 const run = promisify(cp.exec);
+export function size(dir: string) { return cp.execSync("du -sh " + dir).toString(); }
+export async function tag(name: string) { await run(\`git tag \${name}\`); }`);
    expect(findings.map((f) => f.line)).toEqual([4, 5]);
    expect(findings.every((f) => f.severity === "blocking")).toBe(true);
  });

  it("flags require('child_process').exec and spawn with shell: true", () => {
    const findings = reviewSnippet(commandInjection, "a.js", `
+require("child_process").exec("rm -rf " + target);
+const cp = require("child_process");
+cp.spawn("convert", [input, "out.png"], { shell: true });`);
    expect(findings.map((f) => f.line)).toEqual([1, 3]);
    expect(findings[1].severity).toBe("warning");
  });

  it("follows a local variable built by interpolation", () => {
    const findings = reviewSnippet(commandInjection, "a.ts", `
 import { execSync } from "child_process";
 function clone(url: string) {
+  const cmd = \`git clone \${url}\`;
   execSync(cmd);
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, severity: "blocking" });
  });

  it("gives an opaque argument a lower confidence", () => {
    const [finding] = reviewSnippet(commandInjection, "a.ts", `
 import { exec } from "child_process";
+export const run = (command: string) => exec(command);`);
    expect(finding).toMatchObject({ severity: "warning" });
    expect(finding.confidence).toBeLessThan(0.5);
  });

  it("ignores literal commands, constants, spawn without shell, and RegExp#exec", () => {
    expect(reviewSnippet(commandInjection, "a.ts", `
 import { exec, execSync, spawn, execFile } from "child_process";
+const GIT = "git";
+const BASE = \`\${GIT} status\`;
+execSync("git rev-parse HEAD");
+exec(\`\${BASE} --short\`);
+spawn("git", ["log", ref]);
+execFile("git", ["tag", name], { shell: false });
+const m = /a(b)/.exec(text);
+execSync(process.env.BUILD_CMD + " --verbose");`)).toEqual([]);
  });

  it("ignores exec calls not traced to child_process and unchanged lines", () => {
    expect(reviewSnippet(commandInjection, "a.js", `
 const { exec } = require("child_process");
 exec(\`ls \${dir}\`);
+db.exec(\`DROP \${x}\`);
+shell.exec(cmd);`)).toEqual([]);
  });

  it("follows an argument list joined into a command line", () => {
    const findings = reviewSnippet(commandInjection, "lib/growl.js", `
 var exec = require("child_process").exec;
 function growl(msg, options, fn) {
   var args = [cmd.pkg];
   if (options.title) args.push("-title", quote(options.title));
+  args.push(quote(msg));
+  exec(args.join(" "), fn);
 }`);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[6, "blocking"]]);
    expect(reviewSnippet(commandInjection, "lib/build.js", `
 const { execSync } = require("child_process");
 function build() {
   const flags = ["--production"];
   flags.push("--silent");
+  execSync(flags.join(" "));
 }`)).toEqual([]);
  });

  it("knows execa, shelljs and cross-spawn", () => {
    const findings = reviewSnippet(commandInjection, "scripts/release.mjs", `
 import { execa, execaCommand } from "execa";
 import shell from "shelljs";
 import spawn from "cross-spawn";
 export async function tag(version, branch) {
+  await execa(\`git tag v\${version}\`, { shell: true });
+  shell.exec("git push origin " + branch);
+  spawn.sync("npm", ["publish", "--tag", branch], { shell: true });
+  await execa("git", ["tag", version]);
+  await execaCommand(\`git checkout \${branch}\`);
+  spawn("npm", ["test", branch]);
 }`);
    expect(findings.map((f) => f.line)).toEqual([5, 6, 7]);
    expect(findings[0].message).toContain("`execa(file, args)` without `shell`");
    expect(findings[2].message).toContain("`sync` hands `branch` to a shell");
  });

  describe("python", () => {
    it("flags os.system with an f-string and subprocess with shell=True", () => {
      const findings = reviewSnippet(commandInjection, "tool.py", `
 import os
 import subprocess as sp
 def run(name):
+    os.system(f"convert {name} out.png")
+    sp.check_output("grep %s log.txt" % name, shell=True)
+    cmd = "tar xf " + name
+    sp.run(cmd, shell=True)`);
      expect(findings.map((f) => f.line)).toEqual([4, 5, 7]);
      expect(findings[0].message).toContain("subprocess.run([...])");
    });

    it("ignores argument lists, shell=False and constant commands", () => {
      expect(reviewSnippet(commandInjection, "tool.py", `
 import os, subprocess
 def run(name):
+    subprocess.run(["convert", name, "out.png"])
+    subprocess.run(f"ls {name}", shell=False)
+    os.system("make clean")
+    subprocess.call("ls -la", shell=True)`)).toEqual([]);
    });
  });
});
