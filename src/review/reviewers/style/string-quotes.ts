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

type Node = Parser.SyntaxNode;

function ecmaQuote(node: Node, jsx: boolean): Quote | undefined {
  const text = node.text;
  const open = text[0];
  const quote = open === "'" ? "single" : open === '"' ? "double" : undefined;
  if (!quote) return undefined;
  // A string holding the other quote character picks its delimiter to avoid escapes.
  if (text.slice(1, -1).includes(quote === "single" ? '"' : "'")) return undefined;
  // JSX attributes follow HTML's double quotes even in single-quote codebases. Asked last, and
  // only where the grammar has JSX: each node property read is a call into the native parser.
  return jsx && node.parent?.type === "jsx_attribute" ? undefined : quote;
}

function pythonQuote(node: Node): Quote | undefined {
  const first = node.firstNamedChild;
  const start = (first?.type === "string_start" ? first : node.namedChildren.find((c) => c.type === "string_start"))?.text ?? node.text.slice(0, 4);
  const delimiter = start.replace(/^[a-zA-Z]+/, "");
  // Triple quotes are for docstrings and blocks of text; their convention is separate.
  if (delimiter.length !== 1) return undefined;
  const quote = delimiter === "'" ? "single" : "double";
  const body = node.text.slice(start.length, -1);
  return body.includes(quote === "single" ? '"' : "'") ? undefined : quote;
}

/** The free-choice quote of a `string` node of the given language, if it has one. */
function quoteOf(language: ParsedSource["language"]): (node: Node) => Quote | undefined {
  if (language === "python") return pythonQuote;
  // tree-sitter-typescript (unlike its tsx and the javascript grammar) has no JSX.
  const jsx = language !== "typescript";
  return (node) => ecmaQuote(node, jsx);
}

/** The quoted strings among `string` nodes of a file, in the given order. */
export function quotedStringsOf(nodes: readonly Node[], language: ParsedSource["language"]): QuotedString[] {
  const quote = quoteOf(language);
  const out: QuotedString[] = [];
  for (const node of nodes) {
    const q = quote(node);
    if (q) out.push({ quote: q, line: startLineOf(node), endLine: endLineOf(node) });
  }
  return out;
}

/** The string literals of a file whose delimiter shows the author's (or formatter's) preference. */
export function collectQuotedStrings(source: ParsedSource): QuotedString[] {
  return quotedStringsOf(source.tree.rootNode.descendantsOfType("string"), source.language);
}

/**
 * Counts of the single- and double-quoted free-choice strings among a file's `string` nodes:
 * {@link countQuotes} of {@link quotedStringsOf}, without reading any string's position.
 */
export function countQuotesOf(nodes: readonly Node[], language: ParsedSource["language"]): Record<Quote, number> {
  const quote = quoteOf(language);
  const counts: Record<Quote, number> = { single: 0, double: 0 };
  for (const node of nodes) {
    const q = quote(node);
    if (q) counts[q]++;
  }
  return counts;
}

/** {@link countQuotesOf} all the strings of a file. */
export function countFileQuotes(source: ParsedSource): Record<Quote, number> {
  return countQuotesOf(source.tree.rootNode.descendantsOfType("string"), source.language);
}

/** Counts of single- and double-quoted strings. */
export function countQuotes(strings: readonly QuotedString[]): Record<Quote, number> {
  const counts: Record<Quote, number> = { single: 0, double: 0 };
  for (const s of strings) counts[s.quote]++;
  return counts;
}
