import type Parser from "tree-sitter";
import type { ParsedSource } from "../../../code/parse-source.js";

/** A function or class that other modules can import from this file. */
export interface ExportedSymbol {
  name: string;
  kind: "function" | "class";
  /** The whole definition (for "does the change touch it" and its size). */
  node: Parser.SyntaxNode;
  /** The node holding the name: where a finding about the symbol belongs. */
  nameNode: Parser.SyntaxNode;
}

const FUNCTION_DECLARATIONS = new Set(["function_declaration", "generator_function_declaration"]);
const CLASS_DECLARATIONS = new Set(["class_declaration", "abstract_class_declaration"]);
const FUNCTION_VALUES = new Set(["arrow_function", "function_expression", "function", "generator_function"]);

/** Top-level definitions by name, whether exported or not (for `export { a, b }` lists). */
function ecmaTopLevelDefinitions(root: Parser.SyntaxNode): Map<string, ExportedSymbol> {
  const defs = new Map<string, ExportedSymbol>();
  const add = (decl: Parser.SyntaxNode) => {
    for (const s of ecmaDeclarationSymbols(decl)) defs.set(s.name, s);
  };
  for (const child of root.namedChildren) {
    if (child.type === "export_statement") {
      const decl = child.childForFieldName("declaration");
      if (decl) add(decl);
    } else add(child);
  }
  return defs;
}

function ecmaDeclarationSymbols(decl: Parser.SyntaxNode): ExportedSymbol[] {
  const name = decl.childForFieldName("name");
  if (FUNCTION_DECLARATIONS.has(decl.type) && name) return [{ name: name.text, kind: "function", node: decl, nameNode: name }];
  if (CLASS_DECLARATIONS.has(decl.type) && name) return [{ name: name.text, kind: "class", node: decl, nameNode: name }];
  if (decl.type === "lexical_declaration" || decl.type === "variable_declaration") {
    const out: ExportedSymbol[] = [];
    for (const d of decl.namedChildren) {
      if (d.type !== "variable_declarator") continue;
      const n = d.childForFieldName("name");
      const value = d.childForFieldName("value");
      if (n?.type === "identifier" && value && FUNCTION_VALUES.has(value.type)) out.push({ name: n.text, kind: "function", node: d, nameNode: n });
      if (n?.type === "identifier" && value?.type === "class") out.push({ name: n.text, kind: "class", node: d, nameNode: n });
    }
    return out;
  }
  return [];
}

/** `module.exports = { a, b: c }` and `exports.a = ...` / `module.exports.a = ...`. */
function commonJsExports(root: Parser.SyntaxNode, defs: Map<string, ExportedSymbol>): ExportedSymbol[] {
  const out: ExportedSymbol[] = [];
  for (const stmt of root.namedChildren) {
    const assign = stmt.type === "expression_statement" ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== "assignment_expression") continue;
    const left = assign.childForFieldName("left");
    const right = assign.childForFieldName("right");
    if (!left || !right) continue;
    const target = left.text.replace(/\s/g, "");
    if (target === "module.exports" && right.type === "object") {
      for (const prop of right.namedChildren) {
        const local = prop.type === "shorthand_property_identifier" ? prop.text : prop.type === "pair" ? prop.childForFieldName("value")?.text : undefined;
        const def = local ? defs.get(local) : undefined;
        if (def) out.push(def);
      }
    } else if (/^(module\.)?exports\.\w+$/.test(target) && left.type === "member_expression") {
      const prop = left.childForFieldName("property");
      if (prop && FUNCTION_VALUES.has(right.type)) out.push({ name: prop.text, kind: "function", node: stmt, nameNode: prop });
      else if (right.type === "identifier" && defs.get(right.text)) out.push(defs.get(right.text)!);
    } else if (target === "module.exports" && right.type === "identifier" && defs.get(right.text)) {
      out.push(defs.get(right.text)!);
    }
  }
  return out;
}

function ecmaExports(root: Parser.SyntaxNode): ExportedSymbol[] {
  const defs = ecmaTopLevelDefinitions(root);
  const out: ExportedSymbol[] = [];
  for (const child of root.namedChildren) {
    if (child.type !== "export_statement" || child.childForFieldName("source")) continue;
    const decl = child.childForFieldName("declaration");
    if (decl) {
      out.push(...ecmaDeclarationSymbols(decl));
      continue;
    }
    const value = child.childForFieldName("value");
    if (value?.type === "identifier" && defs.has(value.text)) out.push(defs.get(value.text)!);
    const clause = child.namedChildren.find((c) => c.type === "export_clause");
    for (const spec of clause?.namedChildren ?? []) {
      const local = spec.childForFieldName("name")?.text;
      const def = local ? defs.get(local) : undefined;
      if (def) out.push(def);
    }
  }
  out.push(...commonJsExports(root, defs));
  return out;
}

function pythonAllList(root: Parser.SyntaxNode): Set<string> | undefined {
  for (const stmt of root.namedChildren) {
    const assign = stmt.type === "expression_statement" ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== "assignment" || assign.childForFieldName("left")?.text !== "__all__") continue;
    const right = assign.childForFieldName("right");
    if (!right || (right.type !== "list" && right.type !== "tuple")) return undefined;
    return new Set(right.namedChildren.filter((c) => c.type === "string").map((c) => c.text.replace(/^[rbuf]*['"]+|['"]+$/gi, "")));
  }
  return undefined;
}

function pythonExports(root: Parser.SyntaxNode): ExportedSymbol[] {
  const all = pythonAllList(root);
  const out: ExportedSymbol[] = [];
  for (const stmt of root.namedChildren) {
    const def = stmt.type === "decorated_definition" ? stmt.childForFieldName("definition") : stmt;
    if (!def || (def.type !== "function_definition" && def.type !== "class_definition")) continue;
    const name = def.childForFieldName("name");
    if (!name) continue;
    // `__all__` is the module's own statement of its API; without it, a leading underscore is.
    const exported = all ? all.has(name.text) : !name.text.startsWith("_");
    if (exported) out.push({ name: name.text, kind: def.type === "class_definition" ? "class" : "function", node: stmt, nameNode: name });
  }
  return out;
}

/** Lists the functions and classes a module exports (ES, CommonJS, Python public top-level names). */
export function findExportedSymbols(source: ParsedSource): ExportedSymbol[] {
  const root = source.tree.rootNode;
  const found = source.language === "python" ? pythonExports(root) : ecmaExports(root);
  const seen = new Set<string>();
  return found.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}
