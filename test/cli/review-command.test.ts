import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli.js";

const EXAMPLE = ["--diff", "examples/shop/change.diff", "--repo", "examples/shop/repo"];

describe("patchwarden review (CLI contract)", () => {
  it("prints one JSON object with findings, summary and stats, and exits 1 on blocking findings", async () => {
    const run = await runCli(["review", ...EXAMPLE, "--format", "json", "--no-llm"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out).sort()).toEqual(["findings", "stats", "summary"]);
    expect(out.summary.verdict).toBe("blocking");
    for (const f of out.findings) {
      expect(typeof f.posted).toBe("boolean");
      expect(f).toEqual(
        expect.objectContaining({
          path: expect.any(String),
          line: expect.any(Number),
          side: expect.stringMatching(/^(LEFT|RIGHT)$/),
          category: expect.stringMatching(/^(correctness|security|style|coverage)$/),
          severity: expect.stringMatching(/^(blocking|warning|suggestion)$/),
          confidence: expect.any(Number),
          rule: expect.any(String),
          message: expect.any(String),
          fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
        }),
      );
    }
    // The planted defects of every kind are found.
    const rules = new Set(out.findings.map((f: { rule: string }) => f.rule.split("/")[0]));
    expect([...rules].sort()).toEqual(["correctness", "coverage", "security", "style"]);
    expect(out.stats.timings).toEqual(
      expect.objectContaining({ diffMs: expect.any(Number), parseMs: expect.any(Number), rulesMs: expect.any(Number), gateMs: expect.any(Number) }),
    );
  });

  it("exits 0 on a change with nothing blocking", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    writeFileSync(join(dir, "a.ts"), "export const a = 1;\nexport const b = 2;\n");
    writeFileSync(join(dir, "change.diff"), "diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -1 +1,2 @@\n export const a = 1;\n+export const b = 2;\n");
    const run = await runCli(["review", "--diff", "change.diff", "--repo", ".", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.verdict).not.toBe("blocking");
  });

  it("treats an empty diff as an empty, clean change", async () => {
    const run = await runCli(["review", "--diff", "-", "--format", "json"], { stdin: "" });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: [], summary: { verdict: "clean", filesChanged: 0 } });
  });

  it.each([
    [["review", "--diff", "-"], "this is not a diff\n", /^patchwarden: .*diff/],
    [["review", "--diff", "no-such-file.diff"], "", /^patchwarden: cannot read diff .*no-such-file\.diff: ENOENT/],
    [["review", ...EXAMPLE, "--format", "xml"], "", /^patchwarden: unknown --format 'xml'/],
    [["review", "--bogus"], "", /^patchwarden: Unknown option '--bogus'/],
    [["review", ...EXAMPLE, "--config", "no-such.yml"], "", /^patchwarden: cannot read config/],
    [["frobnicate"], "", /^patchwarden: unknown command 'frobnicate'/],
  ])("exits 2 with a one-line reason for %j", async (argv, stdin, reason) => {
    const run = await runCli(argv, { stdin });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("rejects an invalid config with the bad field paths", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pw-cli-"));
    writeFileSync(join(dir, "bad.yml"), "review:\n  thresholds:\n    security: 2\n");
    const run = await runCli(["review", ...EXAMPLE, "--config", join(dir, "bad.yml")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/review\.thresholds\.security/);
  });

  it("renders text as a PR author sees it: code, comment, summary", async () => {
    const run = await runCli(["review", ...EXAMPLE]);
    expect(run.stdout).toMatch(/── src\/orders\.ts:\d+/);
    expect(run.stdout).toMatch(/\+ +const result = await db\.query\(`SELECT/);
    expect(run.stdout).toMatch(/patchwarden review: 🛑 blocking findings/);
  });

  it("renders markdown with the sticky summary marker and fingerprint markers", async () => {
    const run = await runCli(["review", ...EXAMPLE, "--format", "markdown"]);
    expect(run.stdout.startsWith("<!-- patchwarden:summary -->")).toBe(true);
    expect(run.stdout).toMatch(/<!-- patchwarden:fp=[0-9a-f]{16} -->/);
  });
});
