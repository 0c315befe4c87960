import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { listCaseDirs, loadCase, type LoadedCase } from "../../eval/eval-case.js";
import { readDiffSides, type FileSides } from "../../eval/diff-sides.js";

const corpusDir = join(process.cwd(), "eval", "corpus");
const caseDirs = listCaseDirs(corpusDir);

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

describe("eval corpus", () => {
  it("has at least 30 positive and 30 clean cases", () => {
    const kinds = caseDirs.map((dir) => loadCase(dir).meta.kind);
    expect(kinds.filter((k) => k !== "clean").length).toBeGreaterThanOrEqual(30);
    expect(kinds.filter((k) => k === "clean").length).toBeGreaterThanOrEqual(30);
  });

  it("has no folder without a case.json", () => {
    const folders = readdirSync(corpusDir).filter((name) => statSync(join(corpusDir, name)).isDirectory());
    expect(folders.sort()).toEqual(caseDirs.map((dir) => relative(corpusDir, dir)));
  });

  it("stays under 15 MB", () => {
    const bytes = listFiles(corpusDir).reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(15 * 1024 * 1024);
  });

  describe.each(caseDirs.map((dir) => [relative(corpusDir, dir), dir]))("%s", (name, dir) => {
    let loaded: LoadedCase;
    let files: FileSides[];

    beforeAll(() => {
      loaded = loadCase(dir);
      files = readDiffSides(readFileSync(loaded.diffPath, "utf8"));
    });

    it("has a case.json matching the schema, named after its folder", () => {
      expect(loaded.meta.id).toBe(name);
      expect(loaded.meta.before).not.toBe(loaded.meta.after);
    });

    it("has a git-style change.diff with at least one hunk", () => {
      expect(files.length).toBeGreaterThan(0);
      expect(files.some((f) => f.added.size + f.context.size > 0)).toBe(true);
    });

    it("puts every true location on a line of the diff's new side", () => {
      for (const loc of loaded.meta.locations) {
        const file = files.find((f) => f.path === loc.path);
        expect({ loc, inDiff: Boolean(file) }).toEqual({ loc, inDiff: true });
        const onAdded = file!.added.has(loc.line);
        const onContext = file!.context.has(loc.line);
        // A deleted guard leaves no added line: the location is then the line it guarded.
        const ok = loaded.meta.guardRemoved ? onAdded || onContext : onAdded;
        expect({ loc, ok }).toEqual({ loc, ok: true });
      }
    });

    it("has a repo/ holding exactly the new side of every file the diff touches", () => {
      const expected = files.filter((f) => f.path !== null).map((f) => f.path!).sort();
      const actual = listFiles(loaded.repoDir).map((file) => relative(loaded.repoDir, file)).sort();
      expect(actual).toEqual(expected);
      for (const f of files) {
        if (!f.path) continue;
        const lines = readFileSync(join(loaded.repoDir, f.path), "utf8").split("\n");
        const mismatched = [...f.added, ...f.context]
          .filter(([line, text]) => lines[line - 1]?.replace(/\r$/, "") !== text.replace(/\r$/, ""))
          .map(([line]) => line);
        expect({ path: f.path, mismatched }).toEqual({ path: f.path, mismatched: [] });
      }
    });
  });
});
