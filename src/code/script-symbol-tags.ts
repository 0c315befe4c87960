import type Parser from "tree-sitter";
import { keyName, unquotedText } from "./node-names.js";
import type { SymbolKind, SymbolTag } from "./symbol-tags.js";
import { TagCollector } from "./tag-collector.js";
import { walkTree } from "./tree-walk.js";

type SyntaxNode = Parser.SyntaxNode;

const NAMED_DECLARATIONS: Record<string, SymbolKind> = {
  function_declaration: "function",
  generator_function_declaration: "function",
  function_signature: "function",
  class_declaration: "class",
  abstract_class_declaration: "class",
  interface_declaration: "interface",
  type_alias_declaration: "type",
  enum_declaration: "enum",
  internal_module: "module",
  module: "module",
};

// A type_identifier in these nodes' `name` field declares the type rather than using it.
const TYPE_DECLARATIONS = new Set(["interface_declaration", "class_declaration", "abstract_class_declaration", "type_alias_declaration", "type_parameter", "mapped_type_clause"]);

const FUNCTION_VALUES = new Set(["arrow_function", "function_expression", "generator_function"]);

function valueKind(value: SyntaxNode | null): SymbolKind {
  if (value && FUNCTION_VALUES.has(value.type)) return "function";
  return value?.type === "class" ? "class" : "variable";
}

// `require("x")` or `require("x").y` binds an import, which is not a definition of this file.
function isRequire(value: SyntaxNode | null): boolean {
  let node = value;
  while (node?.type === "member_expression") node = node.childForFieldName("object");
  return node?.type === "call_expression" && node.childForFieldName("function")?.text === "require";
}

// Identifiers a destructuring pattern binds: `{ a, b: [c], ...d }` → a, c, d.
function patternNames(pattern: SyntaxNode | null, out: SyntaxNode[]): SyntaxNode[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case "identifier":
    case "shorthand_property_identifier_pattern":
      out.push(pattern);
      break;
    case "pair_pattern":
      patternNames(pattern.childForFieldName("value"), out);
      break;
    case "assignment_pattern":
    case "object_assignment_pattern":
      patternNames(pattern.childForFieldName("left"), out);
      break;
    case "object_pattern":
    case "array_pattern":
    case "rest_pattern":
      for (const child of pattern.namedChildren) patternNames(child, out);
      break;
  }
  return out;
}

// What a name in `field` of a `parent` node is used as, if it is a reference we tag.
function useOf(parent: string, field: string | undefined): SymbolKind | undefined {
  if (parent === "call_expression" && field === "function") return "call";
  if (parent === "new_expression" && field === "constructor") return "class";
  if (parent === "class_heritage" || (parent === "extends_clause" && field === "value")) return "class";
  return undefined;
}

/** Tags of a JavaScript, TypeScript or TSX tree; see extractSymbolTags. */
class ScriptTagWalker {
  readonly tags = new TagCollector();
  readonly exportedNames = new Set<string>();
  // Node type and field name of the nodes on the path from the root to the cursor, by depth.
  private readonly types: string[] = [];
  private readonly fields: (string | undefined)[] = [];
  // Start offsets of object methods already tagged as CommonJS exports.
  private readonly taggedMethods = new Set<number>();

  enter(cursor: Parser.TreeCursor, depth: number): boolean | void {
    const type = cursor.nodeType;
    this.types[depth] = type;
    this.fields[depth] = cursor.currentFieldName;
    if (!cursor.nodeIsNamed) return false;
    if (type === "identifier" || type === "property_identifier" || type === "type_identifier") {
      this.reference(cursor, depth, type);
      return;
    }
    const declared = NAMED_DECLARATIONS[type];
    if (declared) return this.declaration(cursor.currentNode, declared, depth);
    switch (type) {
      case "method_definition":
        return this.method(cursor.currentNode, "name");
      case "field_definition":
        return this.method(cursor.currentNode, "property");
      case "public_field_definition":
        return this.method(cursor.currentNode, "name");
      case "lexical_declaration":
      case "variable_declaration":
        if (this.atTopLevel(depth)) this.variables(cursor.currentNode, this.types[depth - 1] === "export_statement");
        return;
      case "export_statement":
        if (this.types[depth - 1] === "program") this.exportStatement(cursor.currentNode);
        return;
      case "assignment_expression":
        return this.commonJsExport(cursor.currentNode);
    }
  }

  // A statement directly in the program, possibly under `export` or `declare`.
  private atTopLevel(depth: number): boolean {
    let d = depth - 1;
    while (d >= 0 && (this.types[d] === "export_statement" || this.types[d] === "ambient_declaration")) d--;
    return d >= 0 && this.types[d] === "program";
  }

  private reference(cursor: Parser.TreeCursor, depth: number, type: string): void {
    const parent = this.types[depth - 1];
    const field = this.fields[depth];
    let kind: SymbolKind | undefined;
    if (type === "type_identifier") {
      kind = field === "name" && TYPE_DECLARATIONS.has(parent) ? undefined : "type";
    } else if (type === "identifier") {
      kind = useOf(parent, field);
      // A capitalized JSX tag is a component (a call); lower-case tags are DOM elements.
      if (!kind && field === "name" && (parent === "jsx_opening_element" || parent === "jsx_self_closing_element")) {
        const name = cursor.nodeText;
        if (/^[A-Z]/.test(name)) this.tags.reference(name, "call", cursor.startPosition.row + 1);
        return;
      }
    } else if (parent === "member_expression" && field === "property") {
      kind = useOf(this.types[depth - 2], this.fields[depth - 1]);
    }
    if (kind) this.tags.reference(cursor.nodeText, kind, cursor.startPosition.row + 1);
  }

  private declaration(node: SyntaxNode, kind: SymbolKind, depth: number): void {
    const name = node.childForFieldName("name");
    if (!name) return;
    const topLevel = this.atTopLevel(depth);
    const exported = topLevel && this.types[depth - 1] === "export_statement";
    this.tags.define(unquotedText(name), kind, node, { exported, topLevel });
  }

  // Class and object methods, and class fields holding functions (`onClick = () => {}`).
  private method(node: SyntaxNode, nameField: string): void {
    if (this.taggedMethods.has(node.startIndex)) return;
    if (node.type !== "method_definition" && !FUNCTION_VALUES.has(node.childForFieldName("value")?.type ?? "")) return;
    const name = keyName(node.childForFieldName(nameField));
    if (name) this.tags.define(name, "method", node);
  }

  private variables(declaration: SyntaxNode, exported: boolean): void {
    for (const declarator of declaration.namedChildren) {
      if (declarator.type !== "variable_declarator") continue;
      const target = declarator.childForFieldName("name");
      const value = declarator.childForFieldName("value");
      if (isRequire(value)) continue;
      if (target?.type === "identifier") {
        this.tags.define(target.text, valueKind(value), declarator, { exported, topLevel: true });
      } else {
        for (const id of patternNames(target, [])) this.tags.define(id.text, "variable", id, { exported, topLevel: true });
      }
    }
  }

  private exportStatement(node: SyntaxNode): void {
    if (node.childForFieldName("source")) return; // a re-export defines nothing here
    for (const child of node.namedChildren) {
      // `export default name;` and TypeScript's `export = name;`
      if (child.type === "identifier") this.exportedNames.add(child.text);
      if (child.type !== "export_clause") continue;
      for (const specifier of child.namedChildren) {
        const local = specifier.childForFieldName("name");
        if (local) this.exportedNames.add(local.text);
      }
    }
    const value = node.childForFieldName("value");
    if (value && value.type !== "identifier") this.defineExportedValue(value.childForFieldName("name")?.text ?? "default", value, value);
  }

  // Functions and classes become exported definitions; other values only if `force`d (`exports.a = 1`).
  private defineExportedValue(name: string, value: SyntaxNode, span: SyntaxNode, force = false): void {
    const kind = valueKind(value);
    if (kind !== "variable" || force) this.tags.define(name, kind, span, { exported: true });
  }

  // `module.exports = …`, `module.exports.a = …`, `exports.a = …`
  private commonJsExport(node: SyntaxNode): void {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (left?.type !== "member_expression" || !right) return;
    if (left.text === "module.exports") return this.moduleExports(right);
    const object = left.childForFieldName("object")?.text;
    const property = left.childForFieldName("property");
    if ((object !== "exports" && object !== "module.exports") || property?.type !== "property_identifier") return;
    if (right.type === "identifier") this.exportedNames.add(right.text);
    else this.defineExportedValue(property.text, right, node, true);
  }

  private moduleExports(value: SyntaxNode): void {
    if (value.type === "identifier") return void this.exportedNames.add(value.text);
    if (value.type !== "object") return this.defineExportedValue(value.childForFieldName("name")?.text ?? "default", value, value);
    for (const entry of value.namedChildren) {
      if (entry.type === "shorthand_property_identifier") {
        this.exportedNames.add(entry.text);
      } else if (entry.type === "method_definition") {
        const name = keyName(entry.childForFieldName("name"));
        if (name) this.tags.define(name, "function", entry, { exported: true });
        this.taggedMethods.add(entry.startIndex);
      } else if (entry.type === "pair") {
        const key = keyName(entry.childForFieldName("key"));
        const entryValue = entry.childForFieldName("value");
        if (!key || !entryValue) continue;
        if (entryValue.type === "identifier") this.exportedNames.add(entryValue.text);
        else this.defineExportedValue(key, entryValue, entry, true);
      }
    }
  }
}

/** Symbol tags of a JavaScript, TypeScript or TSX syntax tree. */
export function extractScriptTags(root: SyntaxNode): SymbolTag[] {
  const walker = new ScriptTagWalker();
  walkTree(root, walker);
  return walker.tags.finish((name) => walker.exportedNames.has(name));
}
