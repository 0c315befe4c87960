import type Parser from "tree-sitter";
import { extractImports, type ImportRef } from "../../code/imports.js";
import { endLineOf, parseSource, startLineOf, type ParsedSource } from "../../code/parse-source.js";
import type { FileContext } from "../rule.js";

/**
 * Cheap, range-limited lookups for context packing. The full symbol-tag and import walks read
 * every node of a file in JavaScript (about 20 ms for a 500-line file); packing needs only the
 * calls on the added lines, a few definitions by name and the module's import statements, which
 * tree-sitter's native `descendantsOfType` finds far faster.
 */

/** A called name on an added line; `member` for `obj.name()`. */
export interface CalledName {
  name: string;
  member: boolean;
}

const CALL_TYPES = ["call_expression", "new_expression", "call"];

/** Names called (or constructed) on the given lines of a file, in order, each once. */
export function calledNames(ctx: FileContext, lines: ReadonlySet<number>): CalledName[] {
  const out: CalledName[] = [];
  for (const node of ctx.addedNodes(CALL_TYPES)) {
    if (!lines.has(startLineOf(node))) continue;
    const callee = node.childForFieldName("function") ?? node.childForFieldName("constructor");
    const called = calleeName(callee);
    if (called && !out.some((c) => c.name === called.name)) out.push(called);
  }
  return out;
}

function calleeName(callee: Parser.SyntaxNode | null): CalledName | undefined {
  if (!callee) return undefined;
  if (callee.type === "identifier") return { name: callee.text, member: false };
  // JavaScript `a.b()` and Python `a.b()`.
  const property = callee.type === "member_expression" ? callee.childForFieldName("property") : callee.type === "attribute" ? callee.childForFieldName("attribute") : null;
  return property ? { name: property.text, member: true } : undefined;
}

/** A definition found by name. */
export interface Definition {
  name: string;
  startLine: number;
  endLine: number;
  method: boolean;
}

const DEFINITION_TYPES = [
  "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration",
  "method_definition", "variable_declarator", "function_definition", "class_definition",
];
const FUNCTION_VALUES = new Set(["arrow_function", "function_expression", "function", "generator_function", "class"]);

/** Every function, method and class definition of a file by name (first one wins), from one native search. */
export function definitionsOf(source: ParsedSource): Map<string, Definition[]> {
  const byName = new Map<string, Definition[]>();
  for (const node of source.tree.rootNode.descendantsOfType(DEFINITION_TYPES)) {
    const name = node.childForFieldName("name");
    if (!name || (node.type === "variable_declarator" && !FUNCTION_VALUES.has(node.childForFieldName("value")?.type ?? ""))) continue;
    // Python methods are function_definitions inside a class body.
    const method = node.type === "method_definition" || (node.type === "function_definition" && node.parent?.parent?.type === "class_definition");
    const list = byName.get(name.text) ?? [];
    list.push({ name: name.text, startLine: startLineOf(node), endLine: endLineOf(node), method });
    byName.set(name.text, list);
  }
  return byName;
}

/** The definition a call most likely reaches: a method for `obj.name()`, a function or class otherwise. */
export function pickDefinition(defs: Definition[] | undefined, member: boolean): Definition | undefined {
  if (!defs?.length) return undefined;
  return defs.find((d) => d.method === member) ?? defs[0];
}

// Lines that may start an import: ES import/export-from, require, Python import/from.
const IMPORT_LINE = /^\s*(?:import\b|export\b.*\bfrom\b|from\s+\S+\s+import\b)|\brequire\s*\(/;
const STATEMENT_TYPES = new Set(["import_statement", "export_statement", "lexical_declaration", "variable_declaration", "expression_statement", "import_from_statement"]);

/**
 * The module references of a file, read by {@link extractImports} from a small file made of the
 * file's import statements only (found by a line scan, extended to their whole statements).
 */
export function importsOf(source: ParsedSource): ImportRef[] {
  const lines = source.text.split("\n");
  const statements = new Map<number, string>();
  lines.forEach((line, row) => {
    if (!IMPORT_LINE.test(line)) return;
    const column = line.length - line.trimStart().length;
    let node: Parser.SyntaxNode | null = source.tree.rootNode.descendantForPosition({ row, column });
    while (node && !STATEMENT_TYPES.has(node.type)) node = node.parent;
    // A statement of hundreds of lines is a function body that happens to require something.
    if (node && endLineOf(node) - startLineOf(node) < 40) statements.set(node.startIndex, node.text);
  });
  if (statements.size === 0) return [];
  const excerpt = parseSource(source.path, [...statements.values()].join("\n"), source.language);
  return excerpt ? extractImports(excerpt) : [];
}
