import type Parser from "tree-sitter";
import { isAsyncFunction } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

/** Node core modules whose every exported function returns a promise. */
const PROMISE_MODULES = new Set(
  ["fs/promises", "timers/promises", "dns/promises", "stream/promises", "readline/promises"].flatMap((m) => [m, `node:${m}`]),
);
const FS_MODULES = new Set(["fs", "node:fs"]);

/**
 * What one file says about which of its names return promises. A name counts only when every
 * binding of it in the file does: a same-named parameter or local elsewhere might shadow it, and
 * this rule would rather miss a bug than guess which binding a call refers to.
 */
export interface PromiseBindings {
  /** Functions that return a promise when called: `save()`. */
  isPromiseFunction(name: string): boolean;
  /** Objects whose methods all return promises (fs/promises namespaces): `fsp.writeFile()`. */
  isPromiseNamespace(name: string): boolean;
}

type Kind = "function" | "namespace" | "other";

/** True when a TS return type annotation names Promise / PromiseLike. */
export function returnsPromiseType(fn: Node): boolean {
  const type = fn.childForFieldName("return_type");
  return !!type && /^:\s*(Promise|PromiseLike)\s*</.test(type.text);
}

/** A function expression whose call certainly yields a promise: `async` or typed `Promise<…>`. */
export function isPromiseFunctionNode(node: Node | null): boolean {
  if (!node) return false;
  if (!["arrow_function", "function_expression", "function", "function_declaration", "method_definition", "function_signature", "method_signature"].includes(node.type)) return false;
  return isAsyncFunction(node) || returnsPromiseType(node);
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== "string") return undefined;
  return node.text.slice(1, -1);
}

/** The module a `require("x")` call loads, or undefined for anything else. */
function requiredModule(node: Node | null): string | undefined {
  if (node?.type !== "call_expression" || node.childForFieldName("function")?.text !== "require") return undefined;
  const args = node.childForFieldName("arguments")?.namedChildren ?? [];
  return args.length === 1 ? stringValue(args[0]) : undefined;
}

/** `require("fs").promises` */
function isRequiredFsPromises(node: Node | null): boolean {
  if (node?.type !== "member_expression" || node.childForFieldName("property")?.text !== "promises") return false;
  return FS_MODULES.has(requiredModule(node.childForFieldName("object")) ?? "");
}

function importSource(node: Node): string | undefined {
  for (let n: Node | null = node; n; n = n.parent) {
    if (n.type === "import_statement") return stringValue(n.childForFieldName("source"));
  }
  return undefined;
}

/** Classifies one binding occurrence; undefined when the identifier is not a binding at all. */
function classifyBinding(id: Node): Kind | undefined {
  const parent = id.parent;
  if (!parent) return undefined;
  const field = (name: string) => parent.childForFieldName(name)?.id === id.id;
  switch (parent.type) {
    case "function_declaration":
    case "function_signature":
      return field("name") ? (isPromiseFunctionNode(parent) ? "function" : "other") : undefined;
    case "variable_declarator": {
      if (!field("name")) return undefined;
      const value = parent.childForFieldName("value");
      if (isPromiseFunctionNode(value)) return "function";
      if (PROMISE_MODULES.has(requiredModule(value) ?? "") || isRequiredFsPromises(value)) return "namespace";
      return "other";
    }
    case "import_specifier": {
      const alias = parent.childForFieldName("alias");
      if (alias ? alias.id !== id.id : !field("name")) return undefined;
      const source = importSource(parent) ?? "";
      if (PROMISE_MODULES.has(source)) return "function";
      if (FS_MODULES.has(source) && parent.childForFieldName("name")?.text === "promises") return "namespace";
      return "other";
    }
    case "import_clause":
    case "namespace_import":
      return PROMISE_MODULES.has(importSource(parent) ?? "") ? "namespace" : "other";
    case "formal_parameters":
    case "required_parameter":
    case "optional_parameter":
    case "rest_pattern":
    case "array_pattern":
    case "catch_clause":
    case "class_declaration":
    case "generator_function_declaration":
    case "function_expression":
    case "class":
      return "other";
    case "assignment_pattern":
      return field("left") ? "other" : undefined;
    case "pair_pattern":
      return field("value") ? "other" : undefined;
    case "arrow_function":
      return field("parameter") ? "other" : undefined;
    case "for_in_statement":
      return field("left") ? "other" : undefined;
    default:
      return undefined;
  }
}

/** `const { readFile } = require("fs/promises")` binds promise functions; other patterns don't. */
function classifyShorthandPattern(node: Node): Kind {
  let n: Node | null = node.parent;
  while (n && n.type === "object_pattern") n = n.parent;
  if (n?.type === "variable_declarator" && PROMISE_MODULES.has(requiredModule(n.childForFieldName("value")) ?? "")) return "function";
  return "other";
}

function escapeRegExp(text: string): string {
  return text.replace(/[$]/g, "\\$&");
}

/**
 * The promise-returning names of one JS/TS file, worked out per name on demand: only the names a
 * rule asks about are looked up, by finding their spellings in the text, instead of classifying
 * every identifier of a large file.
 */
export function collectPromiseBindings(root: Node): PromiseBindings {
  const text = root.text;
  const cache = new Map<string, Set<Kind>>();
  const kindsOf = (name: string): Set<Kind> => {
    let kinds = cache.get(name);
    if (kinds) return kinds;
    kinds = new Set();
    // Identifiers are words, so \b-style edges (with $ as a word character) find every spelling.
    const pattern = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, "g");
    for (const match of text.matchAll(pattern)) {
      const id = root.descendantForIndex(match.index, match.index + name.length);
      if (id.text !== name) continue;
      const kind = id.type === "identifier" ? classifyBinding(id) : id.type === "shorthand_property_identifier_pattern" ? classifyShorthandPattern(id) : undefined;
      if (kind) kinds.add(kind);
    }
    cache.set(name, kinds);
    return kinds;
  };
  const only = (name: string, kind: Kind) => {
    const kinds = kindsOf(name);
    return kinds.size === 1 && kinds.has(kind);
  };
  return {
    // `fetch` is a global that returns a promise unless the file binds the name itself.
    isPromiseFunction: (name) => only(name, "function") || (name === "fetch" && kindsOf(name).size === 0),
    isPromiseNamespace: (name) => only(name, "namespace"),
  };
}
