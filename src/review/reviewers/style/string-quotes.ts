import type Parser from "tree-sitter";
import type { ParsedSource } from "../../../code/parse-source.js";
import { endLineOf, startLineOf } from "../../../code/parse-source.js";

export type Quote = "single" | "double";

/** A string literal whose quote was a free choice (it does not contain the other quote). */
export interface QuotedString {
  quote: Quote;
  line: number;
  endLine: number;
}

function ecmaQuote(node: Parser.SyntaxNode): Quote | undefined {
  // JSX attributes follow HTML's double quotes even in single-quote codebases.
  if (node.parent?.type === "jsx_attribute") return undefined;
  const text = node.text;
  const open = text[0];
  const quote = open === "'" ? "single" : open === '"' ? "double" : undefined;
  if (!quote) return undefined;
  const body = text.slice(1, -1);
  // A string holding the other quote character picks its delimiter to avoid escapes.
  return body.includes(quote === "single" ? '"' : "'") ? undefined : quote;
}

function pythonQuote(node: Parser.SyntaxNode): Quote | undefined {
  const start = node.namedChildren.find((c) => c.type === "string_start")?.text ?? node.text.slice(0, 4);
  const delimiter = start.replace(/^[a-zA-Z]+/, "");
  // Triple quotes are for docstrings and blocks of text; their convention is separate.
  if (delimiter.length !== 1) return undefined;
  const quote = delimiter === "'" ? "single" : "double";
  const body = node.text.slice(start.length, -1);
  return body.includes(quote === "single" ? '"' : "'") ? undefined : quote;
}

/** The string literals of a file whose delimiter shows the author's (or formatter's) preference. */
export function collectQuotedStrings(source: ParsedSource): QuotedString[] {
  const python = source.language === "python";
  const out: QuotedString[] = [];
  for (const node of source.tree.rootNode.descendantsOfType("string")) {
    const quote = python ? pythonQuote(node) : ecmaQuote(node);
    if (quote) out.push({ quote, line: startLineOf(node), endLine: endLineOf(node) });
  }
  return out;
}

/** Counts of single- and double-quoted strings. */
export function countQuotes(strings: readonly QuotedString[]): Record<Quote, number> {
  const counts: Record<Quote, number> = { single: 0, double: 0 };
  for (const s of strings) counts[s.quote]++;
  return counts;
}
