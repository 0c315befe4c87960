import { join } from "node:path";
import { loadCorpus } from "../corpus.js";
import type { StandInFile, StandInRepo } from "./github-stand-in-routes.js";
import { fakeSha } from "./webhook-deliveries.js";

/** One file's hunks as GitHub's `patch` field carries them: from the first `@@`, no headers. */
export function splitDiffIntoPatches(diffText: string): StandInFile[] {
  return diffText
    .split(/^diff --git /m)
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const filename = /^\+\+\+ b\/(.+)$/m.exec(chunk)?.[1];
      if (!filename) throw new Error(`no "+++ b/" path in diff chunk starting ${JSON.stringify(chunk.slice(0, 60))}`);
      const patch = chunk.slice(chunk.indexOf("\n@@") + 1).replace(/\n$/, "");
      const lines = patch.split("\n");
      const status = /^new file mode/m.test(chunk) ? "added" : /^deleted file mode/m.test(chunk) ? "removed" : "modified";
      return {
        filename,
        status,
        patch,
        additions: lines.filter((line) => line.startsWith("+")).length,
        deletions: lines.filter((line) => line.startsWith("-")).length,
      } satisfies StandInFile;
    });
}

/** A benchmark PR: which repository and number to deliver, and the stand-in's copy of it. */
export interface ExamplePull {
  label: string;
  repo: StandInRepo;
  number: number;
  headSha: string;
  baseSha: string;
}

/**
 * The bundled example (examples/shop: 4 files with planted defects) as PR #7 of `acme/shop`, and,
 * when `copies` > 1, the same change repeated in `copies` package folders (`pkg01/src/cart.ts`,
 * ...) as one PR: `copies` times the files and the findings, to show that the App's GitHub
 * writes per review do not grow with them.
 */
export function examplePull(rootDir: string, copies: number, number: number): ExamplePull {
  const corpus = loadCorpus(join(rootDir, "examples", "shop"));
  const patches = splitDiffIntoPatches(corpus.diffText);
  const prefixes = copies > 1 ? Array.from({ length: copies }, (_, i) => `pkg${String(i + 1).padStart(2, "0")}/`) : [""];
  const files = new Map<string, string>();
  for (const prefix of prefixes) for (const [path, text] of corpus.files) files.set(prefix + path, text);
  const fullName = copies > 1 ? `acme/shop-x${copies}` : "acme/shop";
  const headSha = fakeSha(`${fullName}#${number}:head`);
  const baseSha = fakeSha(`${fullName}#${number}:base`);
  const pullFiles = prefixes.flatMap((prefix) => patches.map((file) => ({ ...file, filename: prefix + file.filename })));
  return {
    label: copies > 1 ? `example ×${copies} (${pullFiles.length} files)` : `example (${pullFiles.length} files)`,
    repo: { fullName, files, pulls: [{ number, headSha, baseSha, files: pullFiles }] },
    number,
    headSha,
    baseSha,
  };
}
