import type Parser from "tree-sitter";

/** A tree-sitter node (JavaScript, TypeScript or TSX grammar). */
export type SyntaxNode = Parser.SyntaxNode;

// Wrappers that change types or grouping but never the runtime value.
const TRANSPARENT = new Set(["parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression", "type_assertion"]);

/** Strips parentheses and TypeScript type wrappers (`x as T`, `x!`, `<T>x`) around an expression. */
export function unwrap(node: SyntaxNode): SyntaxNode;
export function unwrap(node: SyntaxNode | null | undefined): SyntaxNode | undefined;
export function unwrap(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  let current = node ?? undefined;
  while (current && TRANSPARENT.has(current.type)) {
    const inner: SyntaxNode | undefined =
      current.type === "type_assertion" ? current.namedChildren[current.namedChildren.length - 1] : current.namedChildren[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" };

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
  if (/^x[0-9a-fA-F]{2}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (/^u[0-9a-fA-F]{4}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  const braced = /^u\{([0-9a-fA-F]+)\}$/.exec(body);
  if (braced) return String.fromCodePoint(parseInt(braced[1], 16));
  // A line continuation contributes nothing; any other escaped character stands for itself.
  if (body.startsWith("\n") || body.startsWith("\r")) return "";
  return body;
}

/**
 * The runtime value of a string literal or of a template literal without substitutions;
 * undefined for anything else.
 */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type !== "string" && n.type !== "template_string") return undefined;
  let value = "";
  for (const child of n.namedChildren) {
    if (child.type === "string_fragment") value += child.text;
    else if (child.type === "escape_sequence") value += decodeEscape(child.text);
    else if (child.type === "template_substitution") return undefined;
  }
  return value;
}

/** True for `string` and `template_string` nodes, whatever they contain. */
export function isStringish(node: SyntaxNode | null | undefined): boolean {
  const n = unwrap(node);
  return n?.type === "string" || n?.type === "template_string";
}

/**
 * The static path of a member chain: `a.b.c` → ["a","b","c"], `a["b"]` → ["a","b"],
 * `require("fs").x` → ["require:fs","x"], `this.x` → ["this","x"]. Undefined when any link is
 * computed at runtime.
 */
export function memberPath(node: SyntaxNode | null | undefined): string[] | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  switch (n.type) {
    case "identifier":
    case "property_identifier":
    case "shorthand_property_identifier":
    case "this":
      return [n.text];
    case "member_expression": {
      const base = memberPath(n.childForFieldName("object"));
      const property = n.childForFieldName("property");
      return base && property ? [...base, property.text] : undefined;
    }
    case "subscript_expression": {
      const base = memberPath(n.childForFieldName("object"));
      const key = stringValue(n.childForFieldName("index"));
      return base && key !== undefined ? [...base, key] : undefined;
    }
    case "await_expression":
      return memberPath(n.namedChildren[0]);
    case "call_expression": {
      const module = requiredModule(n);
      return module === undefined ? undefined : [`require:${module}`];
    }
    default:
      return undefined;
  }
}

/** `require("m")` or `import("m")` → "m" (with any `node:` prefix removed); undefined otherwise. */
export function requiredModule(call: SyntaxNode): string | undefined {
  if (call.type !== "call_expression") return undefined;
  const fn = call.childForFieldName("function");
  if (!fn || (fn.type !== "import" && !(fn.type === "identifier" && fn.text === "require"))) return undefined;
  const [first] = callArguments(call);
  const name = stringValue(first);
  return name === undefined ? undefined : name.replace(/^node:/, "");
}

/** The argument expressions of a call or `new` expression; [] for tagged templates. */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName("arguments");
  if (!args || args.type !== "arguments") return [];
  return args.namedChildren.filter((c) => c.type !== "comment");
}

/** The last name of a call's callee: `a.b.exec(...)` → "exec", `exec(...)` → "exec". */
export function calleeName(call: SyntaxNode): string | undefined {
  const fn = unwrap(call.childForFieldName("function") ?? call.childForFieldName("constructor"));
  if (!fn) return undefined;
  if (fn.type === "identifier") return fn.text;
  if (fn.type === "member_expression") return fn.childForFieldName("property")?.text;
  return undefined;
}

/** Node types that start a new function scope. */
export const FUNCTION_TYPES = new Set([
  "function_declaration",
  "function_expression",
  "function",
  "arrow_function",
  "method_definition",
  "generator_function_declaration",
  "generator_function",
]);

/** The innermost function around a node, or undefined at module level. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return p;
  return undefined;
}

/** The name a function is known by: its own name, or the variable/property/field it is assigned to. */
export function functionName(fn: SyntaxNode): string | undefined {
  const own = fn.childForFieldName("name");
  if (own) return own.text;
  const parent = fn.parent;
  if (!parent) return undefined;
  if (parent.type === "variable_declarator") return parent.childForFieldName("name")?.text;
  if (parent.type === "pair") return propertyKeyName(parent.childForFieldName("key"));
  if (parent.type === "assignment_expression") return lastName(parent.childForFieldName("left"));
  if (parent.type === "public_field_definition" || parent.type === "field_definition") {
    return (parent.childForFieldName("name") ?? parent.childForFieldName("property"))?.text;
  }
  return undefined;
}

/** The key of an object property as written: `a: 1`, `"a": 1` → "a"; computed keys → undefined. */
export function propertyKeyName(key: SyntaxNode | null | undefined): string | undefined {
  if (!key) return undefined;
  if (key.type === "property_identifier" || key.type === "identifier") return key.text;
  return stringValue(key);
}

/** The last static name of an assignment target: `a.b.token` → "token", `x` → "x". */
export function lastName(node: SyntaxNode | null | undefined): string | undefined {
  const path = memberPath(node);
  return path ? path[path.length - 1] : undefined;
}

/** Names bound by a parameter or declaration pattern (`a`, `{b, c: d}`, `[e, ...f]`, `g = 1`). */
export function boundNames(pattern: SyntaxNode | null | undefined): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case "identifier":
    case "shorthand_property_identifier_pattern":
      return [pattern.text];
    case "required_parameter":
    case "optional_parameter":
      return boundNames(pattern.childForFieldName("pattern"));
    case "assignment_pattern":
      return boundNames(pattern.childForFieldName("left"));
    case "object_assignment_pattern":
      return boundNames(pattern.childForFieldName("left"));
    case "pair_pattern":
      return boundNames(pattern.childForFieldName("value"));
    case "rest_pattern":
    case "object_pattern":
    case "array_pattern":
    case "formal_parameters":
      return pattern.namedChildren.flatMap(boundNames);
    default:
      return [];
  }
}

/** The parameter names of a function. */
export function parameterNames(fn: SyntaxNode): string[] {
  const params = fn.childForFieldName("parameters") ?? fn.childForFieldName("parameter");
  return boundNames(params);
}

/** Splits an identifier into lower-case words: `apiKey_v2` → ["api","key","v2"], `HTTPToken` → ["http","token"]. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Every descendant of `root` of the given types, skipping the bodies of nested functions. */
export function descendantsInScope(root: SyntaxNode, types: ReadonlySet<string>): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    for (const child of node.namedChildren) {
      if (types.has(child.type)) found.push(child);
      if (!FUNCTION_TYPES.has(child.type)) visit(child);
    }
  };
  visit(root);
  return found;
}

