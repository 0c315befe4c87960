import { buildChangeContext } from "../../../../src/review/file-context.js";
import { MAX_SAMPLED_TOTAL_CHARS, repoProfileFor } from "../../../../src/review/reviewers/style/repo-profile.js";
import { memoryRepo } from "../../../helpers/snippet.js";

/** `count` CommonJS files, one per folder, each `size` characters long. */
function cjsRepo(count: number, size: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const code = `const dep${i} = require("dep");\nfunction loadItem${i}() { return 'x'; }\n`;
    files[`pkg${String(i).padStart(2, "0")}/index.js`] = code + `// ${"x".repeat(size - code.length - 4)}\n`;
  }
  return files;
}

const profileOf = (files: Record<string, string>) => repoProfileFor(buildChangeContext({ files: [] }, memoryRepo(files)), "js");

describe("repoProfileFor", () => {
  it("learns from every file while the sample fits the size budget", () => {
    const profile = profileOf(cjsRepo(30, 2_000));
    expect(profile.sampled).toBe(30);
    expect(profile.names.get("function")?.get("camelCase")).toBe(30);
    expect(profile.moduleStyles.map((f) => f.path)).toEqual(Object.keys(cjsRepo(30, 2_000)).sort());
  });

  it("stops at the size budget with a sample spread over the whole repository", () => {
    const size = 40_000;
    const profile = profileOf(cjsRepo(60, size));
    expect(profile.sampled).toBe(MAX_SAMPLED_TOTAL_CHARS / size);
    const folders = profile.moduleStyles.map((f) => Number(f.path.slice(3, 5)));
    // Listed in path order, and drawn from the first and the last few folders alike.
    expect(folders).toEqual([...folders].sort((a, b) => a - b));
    expect(folders[0]).toBe(0);
    expect(folders.at(-1)).toBeGreaterThanOrEqual(55);
    expect(folders.filter((f) => f < 30).length).toBeGreaterThanOrEqual(10);
    expect(folders.filter((f) => f >= 30).length).toBeGreaterThanOrEqual(10);
  });
});
