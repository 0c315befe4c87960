import type Parser from "tree-sitter";
import { detectLanguage, parserFor, type LanguageId } from "./languages.js";

/** A source file with its syntax tree. Lines are 1-based everywhere in patchwarden. */
export interface ParsedSource {
  path: string;
  language: LanguageId;
  text: string;
  tree: Parser.Tree;
  /** True when tree-sitter had to insert ERROR/MISSING nodes (rules should stay conservative). */
  hasErrors: boolean;
}

// tree-sitter's default input buffer is 32 KiB; larger files need an explicit bufferSize.
function bufferSizeFor(text: string): number {
  return Math.max(32 * 1024, Buffer.byteLength(text, "utf8") * 2 + 1024);
}

/**
 * Parses a file when its language is known. Returns undefined for unknown languages and never
 * throws: a parse failure degrades the file to text-only review.
 */
export function parseSource(path: string, text: string, language = detectLanguage(path)): ParsedSource | undefined {
  if (!language) return undefined;
  try {
    const tree = parserFor(language).parse(text, undefined, { bufferSize: bufferSizeFor(text) });
    return { path, language, text, tree, hasErrors: tree.rootNode.hasError };
  } catch {
    return undefined;
  }
}

/** 1-based line of a node's first character. */
export function startLineOf(node: Parser.SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** 1-based line of a node's last character. */
export function endLineOf(node: Parser.SyntaxNode): number {
  return node.endPosition.row + 1;
}
