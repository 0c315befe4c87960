import type Parser from "tree-sitter";
import { startLineOf } from "./parse-source.js";
import { assignedName, keyName, lastLineOf, unquotedText } from "./node-names.js";

/** What kind of construct opens a scope. `module` is a TypeScript namespace or `declare module`. */
export type ScopeKind = "function" | "method" | "class" | "arrow" | "module";

/** A named region of code that encloses lines (1-based, inclusive). */
export interface Scope {
  kind: ScopeKind;
  /** Declared name, or the name of the variable/property/key it is assigned to; undefined for anonymous callbacks. */
  name: string | undefined;
  startLine: number;
  endLine: number;
}

/** A scope with the node that defines it (its `body` field ends the signature). */
export interface ScopeNode {
  scope: Scope;
  definition: Parser.SyntaxNode;
}

const SCOPE_TYPES = new Set([
  // JavaScript, TypeScript, TSX
  "function_declaration",
  "generator_function_declaration",
  "function_expression",
  "generator_function",
  "arrow_function",
  "method_definition",
  "class_declaration",
  "abstract_class_declaration",
  "class",
  "internal_module",
  "module",
  // Python
  "function_definition",
  "class_definition",
  "decorated_definition",
  "lambda",
]);

/** True for node types that may open a scope (cheap pre-check before materializing the node). */
export function isScopeType(type: string): boolean {
  return SCOPE_TYPES.has(type);
}

// A Python def directly in a class body (possibly under decorators) is a method.
function inPythonClassBody(node: Parser.SyntaxNode): boolean {
  const block = node.parent;
  return block?.type === "block" && block.parent?.type === "class_definition";
}

// Function-valued object keys and class fields read as methods (`foo: function () {}`).
function isMemberValue(node: Parser.SyntaxNode, field: string | undefined): boolean {
  const type = node.parent?.type;
  return field === "value" && (type === "pair" || type === "field_definition" || type === "public_field_definition");
}

function nameField(node: Parser.SyntaxNode): string | undefined {
  const name = node.childForFieldName("name");
  return name ? unquotedText(name) : undefined;
}

function kindAndName(node: Parser.SyntaxNode, field: string | undefined): [ScopeKind, string | undefined] | undefined {
  switch (node.type) {
    case "function_declaration":
    case "generator_function_declaration":
      return ["function", nameField(node)];
    case "function_expression":
    case "generator_function":
      return [isMemberValue(node, field) ? "method" : "function", nameField(node) ?? assignedName(node, field)];
    case "arrow_function":
    case "lambda":
      return ["arrow", assignedName(node, field)];
    case "method_definition":
      return ["method", keyName(node.childForFieldName("name"))];
    case "class_declaration":
    case "abstract_class_declaration":
      return ["class", nameField(node)];
    case "class":
      return ["class", nameField(node) ?? assignedName(node, field)];
    case "internal_module":
      return ["module", nameField(node)];
    case "module":
      // TypeScript's `module "x" {}`; Python's root node has the same type and is no scope.
      return node.parent ? ["module", nameField(node)] : undefined;
    case "function_definition":
      return [inPythonClassBody(node) ? "method" : "function", nameField(node)];
    case "class_definition":
      return ["class", nameField(node)];
    default:
      return undefined;
  }
}

/**
 * Describes the scope a node opens, or undefined when it opens none. `field` is the node's field
 * name in its parent. A decorated Python definition is one scope spanning its decorators, so the
 * inner def/class (field `definition`) does not open a second one.
 */
export function describeScope(node: Parser.SyntaxNode, field: string | undefined): ScopeNode | undefined {
  if (node.type === "decorated_definition") {
    const definition = node.childForFieldName("definition");
    if (!definition) return undefined;
    const kind = definition.type === "class_definition" ? "class" : inPythonClassBody(node) ? "method" : "function";
    const scope: Scope = { kind, name: nameField(definition), startLine: startLineOf(node), endLine: lastLineOf(node) };
    return { scope, definition };
  }
  if (field === "definition" && node.parent?.type === "decorated_definition") return undefined;
  const described = kindAndName(node, field);
  if (!described) return undefined;
  const [kind, name] = described;
  return { scope: { kind, name, startLine: startLineOf(node), endLine: lastLineOf(node) }, definition: node };
}
