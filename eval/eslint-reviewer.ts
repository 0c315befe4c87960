/**
 * The baseline: ESLint 9 with eslint-plugin-security's recommended flat config, run through
 * ESLint's Node API (`Linter`, so no config file is looked up) on the head version of every file
 * the diff adds lines to. Like a PR bot, it keeps only messages on lines the diff adds.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Linter } from "eslint";
import { addedLinesByPath, readDiffSides } from "./diff-sides.js";
import type { PostedComment, Reviewer, ToolOutcome } from "./tool-outcome.js";

const LINTABLE = /\.(js|cjs|mjs|jsx|ts|tsx)$/;

// eslint-plugin-security ships no type declarations; it is a CommonJS plugin object.
const securityPlugin = createRequire(import.meta.url)("eslint-plugin-security") as {
  configs: { recommended: Linter.Config };
};

/** ES module or CommonJS/script, by extension first and then by a top-level import/export. */
export function guessSourceType(path: string, text: string): "module" | "commonjs" {
  if (/\.mjs$/.test(path)) return "module";
  if (/\.cjs$/.test(path)) return "commonjs";
  return /^\s*(import\s*[\w*{'"]|export\s)/m.test(text) ? "module" : "commonjs";
}

function configFor(path: string, text: string): Linter.Config[] {
  return [
    securityPlugin.configs.recommended,
    {
      // Without this, flat config only matches .js/.mjs/.cjs and would skip TypeScript silently.
      files: ["**/*.{js,cjs,mjs,jsx,ts,tsx}"],
      languageOptions: {
        ecmaVersion: "latest",
        sourceType: guessSourceType(path, text),
        parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(path) } },
      },
      linterOptions: { reportUnusedDisableDirectives: "off" },
    },
  ];
}

/** ESLint + eslint-plugin-security as a Reviewer. */
export function createEslintReviewer(): Reviewer {
  const linter = new Linter({ configType: "flat" });
  return {
    name: "eslint+security",
    async review(diffPath, repoDir): Promise<ToolOutcome> {
      const started = Date.now();
      const comments: PostedComment[] = [];
      const notes: string[] = [];
      const added = addedLinesByPath(readDiffSides(readFileSync(diffPath, "utf8")));
      for (const [path, lines] of added) {
        if (!LINTABLE.test(path) || lines.size === 0) continue;
        const text = readFileSync(join(repoDir, path), "utf8");
        const messages = linter.verify(text, configFor(path, text), { filename: join(repoDir, path) });
        for (const m of messages) {
          if (m.fatal || !m.ruleId) {
            notes.push(`${path}:${m.line}: ${m.message}`);
            continue;
          }
          // Inline directives naming plugins we do not load report "Definition for rule ... not found".
          if (!m.ruleId.startsWith("security/") || !lines.has(m.line)) continue;
          comments.push({ path, line: m.line, rule: m.ruleId, category: "security" });
        }
      }
      return { comments, notes, durationMs: Date.now() - started };
    },
  };
}
