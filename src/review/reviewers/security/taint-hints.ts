import {
  boundNames,
  callArguments,
  calleeName,
  descendantsInScope,
  enclosingFunction,
  FUNCTION_TYPES,
  isStringish,
  memberPath,
  stringValue,
  unwrap,
  type SyntaxNode,
} from "./js-syntax.js";

/**
 * How a value was built, as far as the syntax shows:
 * - "constant": literals, constants and combinations of them;
 * - "interpolated": a string assembled from a non-constant part (template, `+`, join, concat);
 * - "opaque": any other non-constant value (a parameter, a call result ...).
 */
export type Provenance = "constant" | "interpolated" | "opaque";

const LITERAL_TYPES = new Set(["number", "true", "false", "null", "undefined", "regex"]);
// SCREAMING_CASE names are constants by convention in both JS and Python.
const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

const constCache = new WeakMap<SyntaxNode, Map<string, boolean>>();

/**
 * True when the file declares `name` as `const name = <constant expression>` (anywhere, in any
 * order). Looks the name up in the text instead of walking every declaration of the file.
 */
export function isConstantBinding(name: string, root: SyntaxNode): boolean {
  let known = constCache.get(root);
  if (!known) constCache.set(root, (known = new Map()));
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  known.set(name, false); // `const A = B, B = A` must not recurse forever
  const escaped = name.replace(/\$/g, "\\$");
  const text = root.text;
  let constant = false;
  for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${escaped}\\s*=(?![=>])`, "g"))) {
    const id = root.descendantForIndex(match.index);
    const declarator = id.parent;
    if (id.type !== "identifier" || declarator?.type !== "variable_declarator" || declarator.childForFieldName("name")?.id !== id.id) continue;
    if (declarator.parent?.type !== "lexical_declaration" || declarator.parent.child(0)?.text !== "const") continue;
    const value = declarator.childForFieldName("value");
    if (value && provenanceOf(value, root) === "constant") {
      constant = true;
      break;
    }
  }
  known.set(name, constant);
  return constant;
}

function isConstantIdentifier(node: SyntaxNode, root: SyntaxNode): boolean {
  return node.type === "identifier" && (CONSTANT_NAME.test(node.text) || node.text === "undefined" || isConstantBinding(node.text, root));
}

/** Classifies an expression by how its value was built (see Provenance). */
export function provenanceOf(node: SyntaxNode | null | undefined, root: SyntaxNode): Provenance {
  const n = unwrap(node);
  if (!n) return "constant";
  if (LITERAL_TYPES.has(n.type) || stringValue(n) !== undefined) return "constant";
  if (isConstantIdentifier(n, root)) return "constant";
  switch (n.type) {
    case "template_string": {
      const subs = n.namedChildren.filter((c) => c.type === "template_substitution");
      return subs.every((s) => provenanceOf(s.namedChildren[0], root) === "constant") ? "constant" : "interpolated";
    }
    case "binary_expression": {
      const left = provenanceOf(n.childForFieldName("left"), root);
      const right = provenanceOf(n.childForFieldName("right"), root);
      if (left === "constant" && right === "constant") return "constant";
      const op = n.childForFieldName("operator")?.text;
      // `a + b` of two opaque values may be arithmetic; with a string on one side it is text.
      if (op === "+" && (isStringish(n.childForFieldName("left")) || isStringish(n.childForFieldName("right")) || left === "interpolated" || right === "interpolated")) {
        return "interpolated";
      }
      return "opaque";
    }
    case "ternary_expression": {
      const a = provenanceOf(n.childForFieldName("consequence"), root);
      const b = provenanceOf(n.childForFieldName("alternative"), root);
      if (a === "constant" && b === "constant") return "constant";
      return a === "interpolated" || b === "interpolated" ? "interpolated" : "opaque";
    }
    case "member_expression": {
      const path = memberPath(n);
      // Configuration read from the environment or a constant table is not request data.
      if (path && (path[0] === "process" && path[1] === "env")) return "constant";
      if (path && CONSTANT_NAME.test(path[0])) return "constant";
      return "opaque";
    }
    case "call_expression": {
      const fn = unwrap(n.childForFieldName("function"));
      const name = calleeName(n);
      if (fn?.type === "member_expression") {
        const receiver = unwrap(fn.childForFieldName("object"));
        const args = callArguments(n);
        // ["git", "log", ref].join(" ") and "a".concat(b) assemble strings.
        if (name === "join" && receiver?.type === "array") {
          const parts = receiver.namedChildren.map((c) => provenanceOf(c, root));
          return parts.every((p) => p === "constant") && args.every((a) => provenanceOf(a, root) === "constant") ? "constant" : "interpolated";
        }
        if (name === "concat" && receiver && isStringish(receiver)) {
          return args.every((a) => provenanceOf(a, root) === "constant") ? "constant" : "interpolated";
        }
      }
      return "opaque";
    }
    default:
      return "opaque";
  }
}

/**
 * The value a local identifier was last initialised with before `use`, searched in the enclosing
 * function (or the module). One level only: enough for `const q = \`...${x}\`; db.query(q)`.
 */
export function localInitializer(identifier: SyntaxNode): SyntaxNode | undefined {
  if (identifier.type !== "identifier") return undefined;
  const scope = enclosingFunction(identifier) ?? rootOf(identifier);
  let found: SyntaxNode | undefined;
  for (const decl of descendantsInScope(scope, DECLARATOR)) {
    if (decl.startIndex >= identifier.startIndex) break;
    const name = decl.childForFieldName("name");
    if (name?.type === "identifier" && name.text === identifier.text) found = decl.childForFieldName("value") ?? undefined;
  }
  return found;
}

const DECLARATOR = new Set(["variable_declarator"]);

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** Like provenanceOf, but looks through a local identifier to how it was initialised. */
export function provenanceThroughLocals(node: SyntaxNode | null | undefined, root: SyntaxNode): Provenance {
  const n = unwrap(node);
  const direct = provenanceOf(n, root);
  if (direct !== "opaque" || !n || n.type !== "identifier") return direct;
  const init = localInitializer(n);
  if (!init) return "opaque";
  const via = provenanceOf(init, root);
  return via === "constant" ? "constant" : via;
}

// Objects that carry what an HTTP client sent, in Express, Koa, Fastify, Next.js, AWS Lambda.
const REQUEST_ROOTS = new Set(["req", "request"]);
const REQUEST_FIELDS = new Set(["query", "body", "params", "headers", "cookies", "url", "originalUrl", "path", "files", "file", "hostname"]);
const BARE_INPUT_ROOTS = new Set(["params", "query", "body", "searchParams", "queryStringParameters", "pathParameters"]);
const REQUEST_METHODS = new Set(["param", "get", "header"]);

/**
 * True when the expression reads client input directly: `req.query.x`, `request.body`,
 * `ctx.request.body`, `ctx.params.id`, `event.queryStringParameters.x`, `params.file`,
 * `searchParams.get("next")`, `req.param("x")`.
 */
export function isRequestInput(node: SyntaxNode | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === "call_expression") {
    const fn = unwrap(n.childForFieldName("function"));
    if (fn?.type !== "member_expression") return false;
    const path = memberPath(fn.childForFieldName("object"));
    const method = fn.childForFieldName("property")?.text ?? "";
    if (!path) return false;
    if (REQUEST_METHODS.has(method) && path.length === 1 && REQUEST_ROOTS.has(path[0])) return true;
    return method === "get" && /searchParams$/i.test(path[path.length - 1]);
  }
  const path = memberPath(n);
  if (!path || path.length < 2) return false;
  const [head, second, third] = path;
  if (REQUEST_ROOTS.has(head) && REQUEST_FIELDS.has(second)) return true;
  if (head === "ctx" && (second === "request" ? third !== undefined && REQUEST_FIELDS.has(third) : REQUEST_FIELDS.has(second))) return true;
  if (head === "event" && (second === "queryStringParameters" || second === "pathParameters" || second === "body")) return true;
  return BARE_INPUT_ROOTS.has(head);
}

// Calls whose result no longer carries the raw input's danger for the sinks we check.
const NEUTRALIZERS = /^(basename|parseInt|parseFloat|Number|Boolean|encodeURIComponent|encodeURI|escape\w*|sanitize\w*|quote\w*|isValid\w*|validate\w*|uuid\w*)$/i;

/**
 * True when the expression (or a sub-expression) reads client input, directly or through a
 * local variable derived from it in the same function. Neutralizing calls (`basename`,
 * `Number`, `encodeURIComponent`, `escape*`, `sanitize*`) stop the search.
 */
export function carriesRequestInput(node: SyntaxNode | null | undefined, tainted: ReadonlySet<string>): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (isRequestInput(n)) return true;
  if (n.type === "identifier") return tainted.has(n.text);
  if (FUNCTION_TYPES.has(n.type)) return false;
  if (n.type === "call_expression" && NEUTRALIZERS.test(calleeName(n) ?? "")) return false;
  if (n.type === "member_expression") return carriesRequestInput(n.childForFieldName("object"), tainted);
  return n.namedChildren.some((c) => carriesRequestInput(c, tainted));
}

/** Decides whether a value carries input, given the local names already known to. */
export type CarriesInput = (value: SyntaxNode, tainted: ReadonlySet<string>) => boolean;

/**
 * Local names in a function that hold client input: `const { file } = req.query`,
 * `const name = req.params.name`, `const full = path.join(dir, name)`, in source order.
 * Declarations inside nested callbacks count too: handlers often read input in one closure
 * and use it in another.
 */
export function requestTaintedLocals(scope: SyntaxNode, carries: CarriesInput = carriesRequestInput): Set<string> {
  const tainted = new Set<string>();
  for (const node of scope.descendantsOfType(["variable_declarator", "assignment_expression"])) {
    if (node.type === "variable_declarator") {
      const value = node.childForFieldName("value");
      if (value && carries(value, tainted)) for (const name of boundNames(node.childForFieldName("name"))) tainted.add(name);
    } else {
      const left = unwrap(node.childForFieldName("left"));
      const right = node.childForFieldName("right");
      if (left?.type === "identifier" && right && carries(right, tainted)) tainted.add(left.text);
    }
  }
  return tainted;
}

/** The outermost function around a node (a route handler rather than its inner callbacks). */
export function outermostFunction(node: SyntaxNode): SyntaxNode | undefined {
  let outer: SyntaxNode | undefined;
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) outer = p;
  return outer;
}
