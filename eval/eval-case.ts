/**
 * One measurement case of the eval corpus (`eval/corpus/<id>/`): its `case.json` schema and how the
 * corpus is loaded from disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** A true location of the defect, on the new side of `change.diff`. */
export const trueLocationSchema = z.object({
  /** Path relative to the package root, as it appears after `b/` in the diff. */
  path: z.string().min(1),
  /** 1-based line on the new side (the vulnerable or buggy code). */
  line: z.number().int().positive(),
});

export const evalCaseSchema = z
  .object({
    /** Folder name under eval/corpus. */
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    /** vulnerable/bug: the change introduces the defect; clean: an ordinary release. */
    kind: z.enum(["vulnerable", "bug", "clean"]),
    /** npm package name. */
    package: z.string().min(1),
    /** Version on the old side of the change (for positives: the release with the fix). */
    before: z.string().min(1),
    /** Version on the new side (for positives: the vulnerable or buggy release). */
    after: z.string().min(1),
    cwe: z.string().regex(/^CWE-\d+$/).optional(),
    /** CVE or GHSA identifier of the published fix. */
    advisory: z.string().regex(/^(CVE-\d{4}-\d+|GHSA(-[a-z0-9]{4}){3})$/).optional(),
    description: z.string().min(1),
    /** Where a reviewer should comment; empty for clean cases. */
    locations: z.array(trueLocationSchema),
    /** Which review dimension the defect belongs to (unused for clean cases). */
    category: z.enum(["security", "correctness"]),
    /**
     * The change only deletes a check (the fix only added one): the locations then sit on the
     * unchanged new-side line that the check used to guard, a context line of the diff.
     */
    guardRemoved: z.boolean().optional(),
  })
  .strict()
  .refine((c) => (c.kind === "clean" ? c.locations.length === 0 : c.locations.length > 0), {
    message: "clean cases have no locations; positive cases have at least one",
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;
export type TrueLocation = z.infer<typeof trueLocationSchema>;

/** A case as found on disk, with the paths a reviewer is pointed at. */
export interface LoadedCase {
  dir: string;
  diffPath: string;
  repoDir: string;
  meta: EvalCase;
}

/** Lists case folders (those holding a case.json), sorted by id. */
export function listCaseDirs(corpusDir: string): string[] {
  return readdirSync(corpusDir)
    .filter((name) => statSync(join(corpusDir, name)).isDirectory())
    .filter((name) => existsSync(join(corpusDir, name, "case.json")))
    .sort()
    .map((name) => join(corpusDir, name));
}

/** Reads and validates one case; throws with the case folder and the schema issues. */
export function loadCase(dir: string): LoadedCase {
  const raw: unknown = JSON.parse(readFileSync(join(dir, "case.json"), "utf8"));
  const parsed = evalCaseSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`${dir}/case.json: ${issues.join("; ")}`);
  }
  return { dir, diffPath: join(dir, "change.diff"), repoDir: join(dir, "repo"), meta: parsed.data };
}

/** Loads every case of the corpus. */
export function loadCorpus(corpusDir: string): LoadedCase[] {
  return listCaseDirs(corpusDir).map(loadCase);
}
