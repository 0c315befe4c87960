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

/**
 * The node types a search for a file's strings asks for: `string`, and where the grammar has JSX
 * (tree-sitter-typescript does not, its tsx and the javascript grammar do) `jsx_attribute`, whose
 * values follow HTML's double quotes even in single-quote codebases.
 */
export function stringSearchTypes(language: ParsedSource["language"]): readonly string[] {
  return language === "typescript" || language === "python" ? ["string"] : ["string", "jsx_attribute"];
}

/** The `string` and `jsx_attribute` nodes of a search for {@link stringSearchTypes}. */
export interface StringNodes {
  strings: readonly Node[];
  attributes: readonly Node[];
}

/** Splits the nodes of a search for {@link stringSearchTypes} (or a wider one) by type. */
export function splitStringNodes(nodes: readonly Node[]): StringNodes {
  const strings: Node[] = [];
  const attributes: Node[] = [];
  for (const node of nodes) {
    const type = node.type;
    if (type === "string") strings.push(node);
    else if (type === "jsx_attribute") attributes.push(node);
  }
  return { strings, attributes };
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

/** The free-choice quote of each `string` node of a file, if it has one. */
function quoteOf(source: ParsedSource, attributes: readonly Node[]): (node: Node) => Quote | undefined {
  if (source.language === "python") return pythonQuote;
  // Strings that are JSX attribute values, by where they start: the attributes are few (none in
  // most files), whereas asking each string for its parent is a native call and a new wrapper.
  const attributeValues = new Set<number>();
  for (const attribute of attributes) {
    for (const child of attribute.namedChildren) if (child.type === "string") attributeValues.add(child.startIndex);
  }
  const text = source.text;
  return (node) => {
    // node-tree-sitter offsets count UTF-16 code units: the tree's text is `text`, sliced alike.
    const start = node.startIndex;
    const open = text[start];
    const quote = open === "'" ? "single" : open === '"' ? "double" : undefined;
    if (!quote) return undefined;
    // A string holding the other quote character picks its delimiter to avoid escapes.
    const other = text.indexOf(quote === "single" ? '"' : "'", start + 1);
    if (other >= 0 && other < node.endIndex - 1) return undefined;
    return attributeValues.has(start) ? undefined : quote;
  };
}

/** The quoted strings among a file's `string` nodes, in their order. */
export function quotedStringsOf(source: ParsedSource, nodes: StringNodes): QuotedString[] {
  const quote = quoteOf(source, nodes.attributes);
  const out: QuotedString[] = [];
  for (const node of nodes.strings) {
    const q = quote(node);
    if (q) out.push({ quote: q, line: startLineOf(node), endLine: endLineOf(node) });
  }
  return out;
}

/** The string literals of a file whose delimiter shows the author's (or formatter's) preference. */
export function collectQuotedStrings(source: ParsedSource): QuotedString[] {
  return quotedStringsOf(source, splitStringNodes(source.tree.rootNode.descendantsOfType([...stringSearchTypes(source.language)])));
}

/**
 * Counts of the single- and double-quoted free-choice strings among a file's `string` nodes:
 * {@link countQuotes} of {@link quotedStringsOf}, without reading any string's position.
 */
export function countQuotesOf(source: ParsedSource, nodes: StringNodes): Record<Quote, number> {
  const quote = quoteOf(source, nodes.attributes);
  const counts: Record<Quote, number> = { single: 0, double: 0 };
  for (const node of nodes.strings) {
    const q = quote(node);
    if (q) counts[q]++;
  }
  return counts;
}

/** {@link countQuotesOf} all the strings of a file. */
export function countFileQuotes(source: ParsedSource): Record<Quote, number> {
  const types = stringSearchTypes(source.language);
  const nodes = source.tree.rootNode.descendantsOfType([...types]);
  return countQuotesOf(source, types.length === 1 ? { strings: nodes, attributes: [] } : splitStringNodes(nodes));
}

/** Counts of single- and double-quoted strings. */
export function countQuotes(strings: readonly QuotedString[]): Record<Quote, number> {
  const counts: Record<Quote, number> = { single: 0, double: 0 };
  for (const s of strings) counts[s.quote]++;
  return counts;
}
