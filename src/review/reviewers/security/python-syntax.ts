import type { SyntaxNode } from "./js-syntax.js";
import type { Provenance } from "./taint-hints.js";

/** `a.b.c` → ["a","b","c"]; undefined when a link is not a plain name. */
export function pyDottedPath(node: SyntaxNode | null | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === "identifier") return [node.text];
  if (node.type === "attribute") {
    const base = pyDottedPath(node.childForFieldName("object"));
    const attr = node.childForFieldName("attribute");
    return base && attr ? [...base, attr.text] : undefined;
  }
  return undefined;
}

const importCache = new WeakMap<SyntaxNode, Map<string, string>>();

/**
 * Local name → fully qualified name, from `import os`, `import subprocess as sp`,
 * `from subprocess import run as r`, `from os import system`.
 */
export function pyImports(root: SyntaxNode): Map<string, string> {
  const cached = importCache.get(root);
  if (cached) return cached;
  const names = new Map<string, string>();
  for (const imp of root.descendantsOfType("import_statement")) {
    for (const part of imp.childrenForFieldName("name")) {
      if (part.type === "dotted_name") names.set(part.text.split(".")[0], part.text.split(".")[0]);
      else if (part.type === "aliased_import") {
        const full = part.childForFieldName("name")?.text;
        const alias = part.childForFieldName("alias")?.text;
        if (full && alias) names.set(alias, full);
      }
    }
  }
  for (const imp of root.descendantsOfType("import_from_statement")) {
    const module = imp.childForFieldName("module_name")?.text;
    if (!module) continue;
    for (const part of imp.childrenForFieldName("name")) {
      if (part.type === "dotted_name") names.set(part.text, `${module}.${part.text}`);
      else if (part.type === "aliased_import") {
        const name = part.childForFieldName("name")?.text;
        const alias = part.childForFieldName("alias")?.text;
        if (name && alias) names.set(alias, `${module}.${name}`);
      }
    }
  }
  importCache.set(root, names);
  return names;
}

/** The qualified name of a call's callee with imports applied: `sp.run` → "subprocess.run". */
export function pyCalleeName(call: SyntaxNode, root: SyntaxNode): string | undefined {
  const path = pyDottedPath(call.childForFieldName("function"));
  if (!path) return undefined;
  const head = pyImports(root).get(path[0]) ?? path[0];
  return [head, ...path.slice(1)].join(".");
}

/** Positional arguments of a call. */
export function pyPositionalArgs(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName("arguments");
  if (!args) return [];
  return args.namedChildren.filter((c) => c.type !== "keyword_argument" && c.type !== "comment" && c.type !== "list_splat" && c.type !== "dictionary_splat");
}

/** The value of keyword argument `name=` in a call. */
export function pyKeywordArg(call: SyntaxNode, name: string): SyntaxNode | undefined {
  const args = call.childForFieldName("arguments");
  for (const arg of args?.namedChildren ?? []) {
    if (arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === name) return arg.childForFieldName("value") ?? undefined;
  }
  return undefined;
}

/** The prefix letters of a string literal (`f`, `rb`, ...), lower-cased. */
export function pyStringPrefix(node: SyntaxNode): string {
  const start = node.namedChildren.find((c) => c.type === "string_start")?.text ?? "";
  return start.replace(/["']+$/, "").toLowerCase();
}

/**
 * The value of a Python string literal without interpolation (escapes are kept as written, which
 * is exact for raw strings); undefined for f-strings with fields and non-strings.
 */
export function pyStringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "concatenated_string") {
    let value = "";
    for (const part of node.namedChildren) {
      const v = pyStringValue(part);
      if (v === undefined) return undefined;
      value += v;
    }
    return value;
  }
  if (node.type !== "string") return undefined;
  let value = "";
  for (const child of node.namedChildren) {
    if (child.type === "interpolation") return undefined;
    if (child.type === "string_content") value += child.text;
  }
  return value;
}

function isPyStringish(node: SyntaxNode | null | undefined): boolean {
  return node?.type === "string" || node?.type === "concatenated_string";
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;
const PY_LITERALS = new Set(["integer", "float", "true", "false", "none"]);

/** How a Python expression was built (see Provenance). */
export function pyProvenance(node: SyntaxNode | null | undefined): Provenance {
  if (!node) return "constant";
  if (node.type === "parenthesized_expression") return pyProvenance(node.namedChildren[0]);
  if (PY_LITERALS.has(node.type) || pyStringValue(node) !== undefined) return "constant";
  if (node.type === "identifier" && CONSTANT_NAME.test(node.text)) return "constant";
  if (node.type === "string" || node.type === "concatenated_string") return "interpolated"; // f-string with fields
  if (node.type === "binary_operator") {
    const op = node.childForFieldName("operator")?.text;
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    const l = pyProvenance(left);
    const r = pyProvenance(right);
    if (op === "%" && isPyStringish(left)) return r === "constant" ? "constant" : "interpolated";
    if (l === "constant" && r === "constant") return "constant";
    if (op === "+" && (isPyStringish(left) || isPyStringish(right) || l === "interpolated" || r === "interpolated")) return "interpolated";
    return "opaque";
  }
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    if (fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "format" && isPyStringish(fn.childForFieldName("object"))) {
      const args = node.childForFieldName("arguments")?.namedChildren ?? [];
      return args.every((a) => pyProvenance(a.type === "keyword_argument" ? a.childForFieldName("value") : a) === "constant") ? "constant" : "interpolated";
    }
  }
  return "opaque";
}

/** The innermost `def` around a node. */
export function pyEnclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === "function_definition") return p;
  return undefined;
}

/** Like pyProvenance, but looks through `name = <expr>` assigned earlier in the same function. */
export function pyProvenanceThroughLocals(node: SyntaxNode | null | undefined): Provenance {
  const direct = pyProvenance(node);
  if (direct !== "opaque" || !node || node.type !== "identifier") return direct;
  let scope: SyntaxNode | undefined = pyEnclosingFunction(node);
  if (!scope) {
    scope = node;
    while (scope.parent) scope = scope.parent;
  }
  let value: SyntaxNode | undefined;
  for (const assign of scope.descendantsOfType("assignment")) {
    if (assign.startIndex >= node.startIndex) break;
    if (pyEnclosingFunction(assign) !== pyEnclosingFunction(node)) continue;
    const left = assign.childForFieldName("left");
    if (left?.type === "identifier" && left.text === node.text) value = assign.childForFieldName("right") ?? undefined;
  }
  return value ? pyProvenance(value) : "opaque";
}
