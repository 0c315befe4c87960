import { createRequire } from "node:module";
import type Parser from "tree-sitter";

/** Languages whose syntax trees the reviewers understand; everything else is text-only. */
export type LanguageId = "typescript" | "tsx" | "javascript" | "python";

const EXTENSIONS: Record<string, LanguageId> = {
  ".ts": "typescript",
  ".mts": "typescript",
  ".cts": "typescript",
  ".tsx": "tsx",
  ".js": "javascript",
  ".jsx": "javascript",
  ".mjs": "javascript",
  ".cjs": "javascript",
  ".py": "python",
  ".pyi": "python",
};

/** Detects a file's language from its path; undefined for languages we do not parse. */
export function detectLanguage(path: string): LanguageId | undefined {
  if (path.endsWith(".d.ts")) return "typescript";
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return undefined;
  return EXTENSIONS[path.slice(dot).toLowerCase()];
}

// The grammar packages are CommonJS native addons, loaded with require. A host that runs several
// module registries in one process (Jest) provides one process-wide require through this global,
// because a second copy of tree-sitter's binding breaks the trees of the first
// (see test/environment.cjs).
const require =
  ((globalThis as Record<string, unknown>).__patchwardenNativeRequire as NodeRequire | undefined) ?? createRequire(import.meta.url);
const grammars = new Map<LanguageId, unknown>();

/** Loads (once) the tree-sitter grammar for a language. */
export function loadGrammar(language: LanguageId): unknown {
  let grammar = grammars.get(language);
  if (!grammar) {
    switch (language) {
      case "typescript":
        grammar = require("tree-sitter-typescript").typescript;
        break;
      case "tsx":
        grammar = require("tree-sitter-typescript").tsx;
        break;
      case "javascript":
        grammar = require("tree-sitter-javascript");
        break;
      case "python":
        grammar = require("tree-sitter-python");
        break;
    }
    grammars.set(language, grammar);
  }
  return grammar;
}

// Loaded through that require, never a static import, for the reason above.
const ParserClass = require("tree-sitter") as typeof Parser;

const parsers = new Map<LanguageId, Parser>();

/** One reusable parser per language (tree-sitter parsers are not thread-bound; Node is single-threaded). */
export function parserFor(language: LanguageId): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new ParserClass();
    parser.setLanguage(loadGrammar(language));
    parsers.set(language, parser);
  }
  return parser;
}
