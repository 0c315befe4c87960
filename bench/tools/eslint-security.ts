import { createRequire } from "node:module";
import { join } from "node:path";
import { ESLint, type Linter } from "eslint";
import type { Corpus } from "../corpus.js";

const require = createRequire(import.meta.url);

/** The files espree can parse without a TypeScript parser (the baseline has none installed). */
const LINTABLE = /\.(js|cjs|mjs|jsx)$/;

export interface EslintRun {
  findings: number;
  /** Files eslint could not parse; must be 0 for the comparison to be fair. */
  fatal: number;
  /** Stable identity of every message, to check that rounds agree. */
  keys: string[];
}

/** The new-side files of the change that eslint lints. */
export function lintablePaths(corpus: Corpus): string[] {
  return corpus.changedPaths.filter((path) => LINTABLE.test(path) && corpus.files.has(path));
}

function securityConfig(sourceType: "commonjs" | "module"): Linter.Config[] {
  // eslint-plugin-security is CommonJS without type declarations; its flat preset is plain data.
  const security = require("eslint-plugin-security") as { configs: { recommended: Linter.Config } };
  return [
    { files: ["**/*.js", "**/*.jsx"], languageOptions: { ecmaVersion: "latest", sourceType } },
    security.configs.recommended,
  ];
}

/**
 * eslint 9 with eslint-plugin-security's recommended flat config and nothing else, on the
 * in-memory new-side texts (the same files patchwarden reviews, read once like patchwarden's
 * RepoReader). A fresh ESLint instance per run, so config resolution is on every run's clock the
 * way patchwarden's per-review setup is on its own.
 */
export async function runEslintSecurity(corpus: Corpus, paths: string[], sourceType: "commonjs" | "module"): Promise<EslintRun> {
  const eslint = new ESLint({
    cwd: corpus.repoDir,
    overrideConfigFile: true,
    overrideConfig: securityConfig(sourceType),
    ignore: false,
  });
  let findings = 0;
  let fatal = 0;
  const keys: string[] = [];
  for (const path of paths) {
    const [result] = await eslint.lintText(corpus.files.get(path) ?? "", { filePath: join(corpus.repoDir, path) });
    for (const message of result.messages) {
      if (message.fatal) {
        fatal++;
        continue;
      }
      findings++;
      keys.push(`${path}:${message.line}:${message.column}:${message.ruleId}`);
    }
  }
  return { findings, fatal, keys };
}
