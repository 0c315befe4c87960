import type Parser from "tree-sitter";
import type { SymbolKind, SymbolTag } from "./symbol-tags.js";
import { TagCollector } from "./tag-collector.js";
import { walkTree } from "./tree-walk.js";

type SyntaxNode = Parser.SyntaxNode;

const TARGET_PATTERNS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern"]);

// Identifiers an assignment target binds: `a, (b, *c) = …` → a, b, c.
function targetNames(target: SyntaxNode | null, out: SyntaxNode[]): SyntaxNode[] {
  if (target?.type === "identifier") out.push(target);
  else if (target && TARGET_PATTERNS.has(target.type)) for (const child of target.namedChildren) targetNames(child, out);
  return out;
}

// The strings of a literal list or tuple (`["a", "b"]`); undefined for anything computed.
function literalStrings(value: SyntaxNode | null): string[] | undefined {
  if (value?.type !== "list" && value?.type !== "tuple") return undefined;
  const names: string[] = [];
  for (const item of value.namedChildren) {
    if (item.type !== "string") return undefined;
    names.push(item.namedChildren.find((c) => c.type === "string_content")?.text ?? "");
  }
  return names;
}

/** Tags of a Python tree; see extractSymbolTags. */
class PythonTagWalker {
  readonly tags = new TagCollector();
  /** Names listed in a literal `__all__`, when the module has one. */
  dunderAll: Set<string> | undefined;
  // Node type and field name of the nodes on the path from the root to the cursor, by depth.
  private readonly types: string[] = [];
  private readonly fields: (string | undefined)[] = [];
  // Innermost-last kinds of the definitions around the cursor: a def inside a class is a method.
  private readonly owners: ("class" | "function")[] = [];
  // Start offsets of names that a `type X = …` statement declares.
  private readonly declaredTypeNames = new Set<number>();

  enter(cursor: Parser.TreeCursor, depth: number): boolean | void {
    const type = cursor.nodeType;
    this.types[depth] = type;
    this.fields[depth] = cursor.currentFieldName;
    if (!cursor.nodeIsNamed) return false;
    const atModuleLevel = this.owners.length === 0;
    switch (type) {
      case "identifier":
        return this.reference(cursor, depth);
      case "function_definition":
      case "class_definition":
        return this.definition(cursor.currentNode, depth);
      case "assignment":
        // Statement-level and chained (`a = b = 0`) assignments; not walrus or keyword arguments.
        if (atModuleLevel && (this.types[depth - 1] === "expression_statement" || (this.types[depth - 1] === "assignment" && this.fields[depth] === "right"))) {
          this.assignment(cursor.currentNode);
        }
        return;
      case "augmented_assignment":
        if (atModuleLevel) this.extendAll(cursor.currentNode);
        return;
      case "type_alias_statement":
        return this.typeAlias(cursor.currentNode, atModuleLevel);
    }
  }

  leave(cursor: Parser.TreeCursor, depth: number): void {
    const type = this.types[depth];
    if (type === "function_definition" || type === "class_definition") this.owners.pop();
  }

  private reference(cursor: Parser.TreeCursor, depth: number): void {
    const parent = this.types[depth - 1];
    const field = this.fields[depth];
    let kind: SymbolKind | undefined;
    if (parent === "call" && field === "function") kind = "call";
    else if (parent === "attribute" && field === "attribute") kind = this.attributeUse(depth - 1);
    else if (parent === "argument_list" && field === undefined && this.fields[depth - 1] === "superclasses") kind = "class";
    else if ((parent === "type" || parent === "generic_type") && !this.declaredTypeNames.has(cursor.startIndex)) kind = "type";
    if (kind) this.tags.reference(cursor.nodeText, kind, cursor.startPosition.row + 1);
  }

  // `a.b.f()` calls f; `class C(mod.Base)` extends Base.
  private attributeUse(depth: number): SymbolKind | undefined {
    const parent = this.types[depth - 1];
    if (parent === "call" && this.fields[depth] === "function") return "call";
    if (parent === "argument_list" && this.fields[depth] === undefined && this.fields[depth - 1] === "superclasses") return "class";
    return undefined;
  }

  private definition(node: SyntaxNode, depth: number): void {
    const isClass = node.type === "class_definition";
    const name = node.childForFieldName("name");
    // A decorated definition's span starts at its first decorator.
    const span = this.types[depth - 1] === "decorated_definition" ? (node.parent ?? node) : node;
    const kind: SymbolKind = isClass ? "class" : this.owners.at(-1) === "class" ? "method" : "function";
    if (name) this.tags.define(name.text, kind, span, { topLevel: this.owners.length === 0 });
    this.owners.push(isClass ? "class" : "function");
  }

  private assignment(node: SyntaxNode): void {
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (left?.type === "identifier") {
      if (left.text === "__all__") {
        const names = literalStrings(right);
        if (names) this.dunderAll = new Set(names);
      }
      this.tags.define(left.text, right?.type === "lambda" ? "function" : "variable", node, { topLevel: true });
      return;
    }
    for (const id of targetNames(left, [])) this.tags.define(id.text, "variable", id, { topLevel: true });
  }

  // `__all__ += [...]`
  private extendAll(node: SyntaxNode): void {
    if (node.childForFieldName("left")?.text !== "__all__") return;
    const names = literalStrings(node.childForFieldName("right"));
    if (names) this.dunderAll = new Set([...(this.dunderAll ?? []), ...names]);
  }

  // Python 3.12 `type Alias = …`: the first `type` child holds the declared name.
  private typeAlias(node: SyntaxNode, atModuleLevel: boolean): void {
    const name = node.namedChildren[0]?.namedChildren[0];
    if (name?.type !== "identifier") return;
    this.declaredTypeNames.add(name.startIndex);
    this.tags.define(name.text, "type", node, { topLevel: atModuleLevel });
  }
}

/** Symbol tags of a Python syntax tree. */
export function extractPythonTags(root: SyntaxNode): SymbolTag[] {
  const walker = new PythonTagWalker();
  walkTree(root, walker);
  const all = walker.dunderAll;
  return walker.tags.finish((name) => (all ? all.has(name) : !name.startsWith("_")));
}
