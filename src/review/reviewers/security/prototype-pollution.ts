import type { Rule } from "../../rule.js";
import { anchorLine } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { boundNames, callArguments, calleeName, FUNCTION_TYPES, functionName, identifierWords, parameterNames, stringValue, unwrap, type SyntaxNode } from "./js-syntax.js";

const DANGEROUS_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// Calls and names that show the author thought about hostile keys.
const GUARD_CALLS = /^(hasOwnProperty|hasOwn|create|isSafeKey|isValidKey|isAllowedKey|isPrototypePolluted|isUnsafeKey|isProtoKey)$/;
const GUARD_NAMES = /forbidden|blocked|blacklist|denylist|dangerous|unsafe_?keys|proto_?keys|reserved_?keys/i;
// Generic helpers that copy keys from one object into another by name.
const MERGE_WORDS = new Set(["merge", "extend", "mixin", "defaults", "unflatten", "dset"]);
const SET_OBJECTS = new Set(["path", "in", "value", "prop", "property", "nested", "deep", "by", "key", "at"]);

/** `deepMerge`, `extend`, `setPath`, `set_in`, `assignDeep`: a generic object-copying helper. */
function isMergeName(name: string | undefined): boolean {
  const words = identifierWords(name ?? "");
  if (words.some((w) => MERGE_WORDS.has(w))) return true;
  if (words[0] === "set" && words.length > 1 && SET_OBJECTS.has(words[1])) return true;
  if (words.includes("deep") && words.some((w) => w === "set" || w === "assign" || w === "copy" || w === "clone")) return true;
  return words.length === 1 && (words[0] === "assign" || words[0] === "set");
}

/** The chain of functions around a node, innermost first. */
function functionChain(node: SyntaxNode): SyntaxNode[] {
  const chain: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) chain.push(p);
  return chain;
}

function isDynamicKey(index: SyntaxNode | null): index is SyntaxNode {
  const n = unwrap(index);
  if (!n) return false;
  if (stringValue(n) !== undefined || n.type === "number" || n.type === "unary_expression") return false;
  if (n.type === "binary_expression") return false; // `i + 1`, `len - 1`: arithmetic indexes arrays
  if (n.type === "identifier" && isNumericCounter(n)) return false;
  // `Class.staticName`, `KEYS.x`: a fixed key, not data.
  if (n.type === "member_expression" && /^[A-Z]/.test(n.text)) return false;
  return n.type === "identifier" || n.type === "member_expression" || n.type === "subscript_expression" || n.type === "call_expression";
}

/** `i` in `for (let i = 0; ...)`: an array index, never `__proto__`. */
function isNumericCounter(id: SyntaxNode): boolean {
  for (let p = id.parent; p; p = p.parent) {
    if (p.type !== "for_statement") continue;
    const init = p.childForFieldName("initializer");
    if (init && init.descendantsOfType("variable_declarator").some((d) => d.childForFieldName("name")?.text === id.text && d.childForFieldName("value")?.type === "number")) {
      return true;
    }
  }
  return false;
}

/**
 * True when a function around the assignment calls itself to go one level deeper into the
 * assigned object: `a[k] = merge(a[k], b[k])`, or `merge(target[k], src[k])` next to it.
 */
function recursesIntoTarget(assign: SyntaxNode, target: string, chain: SyntaxNode[]): boolean {
  for (const fn of chain) {
    const name = functionName(fn);
    if (!name) continue;
    const calls = fn.descendantsOfType("call_expression").filter((c) => calleeName(c) === name);
    if (!calls.length) continue;
    const right = unwrap(assign.childForFieldName("right"));
    if (right && calls.some((c) => c.startIndex >= right.startIndex && c.endIndex <= right.endIndex)) return true;
    // `const replacement = walk(value, key); value[key] = replacement`
    if (right?.type === "identifier") {
      const holders = fn.descendantsOfType("variable_declarator").filter((d) => d.childForFieldName("name")?.text === right.text);
      if (holders.some((d) => calls.some((c) => c.parent && d.childForFieldName("value")?.id === c.id))) return true;
    }
    // Locals that hold a child of the target (`src = target[name]`) stand for it in the call.
    const children = new Set<string>();
    for (const node of fn.descendantsOfType(["variable_declarator", "assignment_expression"])) {
      const lhs = node.childForFieldName(node.type === "variable_declarator" ? "name" : "left");
      const rhs = unwrap(node.childForFieldName(node.type === "variable_declarator" ? "value" : "right"));
      if (lhs?.type === "identifier" && rhs?.type === "subscript_expression" && rhs.childForFieldName("object")?.text === target) children.add(lhs.text);
    }
    const reachesTarget = (arg: SyntaxNode) =>
      arg.descendantsOfType("subscript_expression").some((s) => s.childForFieldName("object")?.text === target) ||
      arg.descendantsOfType("identifier").some((id) => children.has(id.text));
    if (calls.some((c) => callArguments(c).some(reachesTarget))) return true;
  }
  return false;
}

/** True when a reduce callback hands the nested object on: `(o, k) => o[k]`, `(o, k) => (o[k] = o[k] || {})`. */
function returnsChild(expr: SyntaxNode | null | undefined, acc: string): boolean {
  const n = unwrap(expr);
  if (!n) return false;
  if (n.type === "subscript_expression") return unwrap(n.childForFieldName("object"))?.text === acc;
  if (n.type === "assignment_expression" || n.type === "augmented_assignment_expression") return returnsChild(n.childForFieldName("left"), acc);
  if (n.type === "binary_expression") return returnsChild(n.childForFieldName("left"), acc) || returnsChild(n.childForFieldName("right"), acc);
  return false;
}

/** `keys.reduce((o, k) => o[k] ..., obj)`: a reduce that walks down one level per key. */
function isWalkingReduce(call: SyntaxNode): boolean {
  if (call.type !== "call_expression" || calleeName(call) !== "reduce") return false;
  const callback = unwrap(callArguments(call)[0]);
  if (!callback || !FUNCTION_TYPES.has(callback.type)) return false;
  const acc = parameterNames(callback)[0];
  const body = callback.childForFieldName("body");
  if (!acc || !body) return false;
  if (body.type !== "statement_block") return returnsChild(body, acc);
  return body.descendantsOfType("return_statement").some((r) => returnsChild(r.namedChildren[0], acc));
}

/** `cur[k] = v` after `cur = cur[key]`, or inside/after a walking reduce: descending into nested objects by key. */
function walksByKey(assign: SyntaxNode, object: SyntaxNode, scope: SyntaxNode): boolean {
  if (isWalkingReduce(object)) return true;
  if (object.type !== "identifier") return false;
  const name = object.text;
  for (const other of scope.descendantsOfType("assignment_expression")) {
    const left = unwrap(other.childForFieldName("left"));
    const right = other.childForFieldName("right");
    if (left?.type === "identifier" && left.text === name && right?.descendantsOfType("subscript_expression").some((s) => unwrap(s.childForFieldName("object"))?.text === name)) {
      return true;
    }
  }
  for (let p = assign.parent; p && p.startIndex >= scope.startIndex; p = p.parent) {
    if (!FUNCTION_TYPES.has(p.type)) continue;
    const call = p.parent?.type === "arguments" ? p.parent.parent : undefined;
    if (call && isWalkingReduce(call) && parameterNames(p)[0] === name) return true;
  }
  return false;
}

/** True when the key was parsed out of a string (`path.split(".")`, a regex match): a path from input. */
function keyFromParsing(key: SyntaxNode, scope: SyntaxNode): boolean {
  const n = unwrap(key);
  const name = n.type === "subscript_expression" ? unwrap(n.childForFieldName("object"))?.text : n.text;
  if (!name) return false;
  const parses = (node: SyntaxNode | null) => !!node && /\.(split|match|exec)\(/.test(node.text);
  for (const decl of scope.descendantsOfType("variable_declarator")) {
    if (boundNames(decl.childForFieldName("name")).includes(name) && parses(decl.childForFieldName("value"))) return true;
  }
  for (const loop of scope.descendantsOfType("for_in_statement")) {
    if (boundNames(loop.childForFieldName("left")).includes(name) && parses(loop.childForFieldName("right"))) return true;
  }
  return false;
}

function hasKeyGuard(scope: SyntaxNode): boolean {
  for (const str of scope.descendantsOfType(["string", "template_string"])) if (DANGEROUS_KEYS.has(stringValue(str) ?? "")) return true;
  for (const call of scope.descendantsOfType("call_expression")) if (GUARD_CALLS.test(calleeName(call) ?? "")) return true;
  // `Object.prototype.hasOwnProperty.call(src, key)`, `has.call(...)` with `has = ...hasOwnProperty`.
  if (scope.descendantsOfType("property_identifier").some((p) => p.text === "hasOwnProperty" || p.text === "hasOwn")) return true;
  if (scope.descendantsOfType(["identifier", "property_identifier"]).some((id) => GUARD_NAMES.test(id.text))) return true;
  // `new Map()` targets have no prototype chain to pollute through keys.
  return scope.descendantsOfType("new_expression").some((n) => n.childForFieldName("constructor")?.text === "Map");
}

/** True when the key comes from enumerating another object: `for (k in src)`, `for (const [k] of Object.entries(src))`. */
function keyFromEnumeration(key: SyntaxNode): boolean {
  const name = unwrap(key).text;
  for (let p = key.parent; p; p = p.parent) {
    if (p.type !== "for_in_statement" || !boundNames(p.childForFieldName("left")).includes(name)) continue;
    const over = p.childForFieldName("right")?.text ?? "";
    if (p.children.some((c) => c.type === "in")) return true;
    if (/^Object\.(keys|entries)\(/.test(over)) return true;
  }
  return false;
}

/** Assignments through dynamic keys in recursive merges and set-by-path helpers without a `__proto__` guard. */
export const prototypePollution: Rule = {
  meta: {
    id: "security/prototype-pollution",
    category: "security",
    severity: "warning",
    confidence: 0.65,
    rationale: "Copying keys such as `__proto__` or `constructor.prototype` into objects by name can change every object in the process.",
    languages: ["javascript", "typescript", "tsx"],
  },
  checkFile(ctx) {
    const reported = new Set<SyntaxNode>();
    for (const assign of addedNodesOf(ctx, "assignment_expression")) {
      const left = unwrap(assign.childForFieldName("left"));
      if (left?.type !== "subscript_expression") continue;
      const key = left.childForFieldName("index");
      if (!isDynamicKey(key)) continue;
      const chain = functionChain(assign);
      const outer = chain[chain.length - 1];
      if (!outer || reported.has(outer)) continue;
      const inner = unwrap(left.childForFieldName("object"));
      if (!inner) continue;
      const named = chain.some((fn) => isMergeName(functionName(fn)));
      // `obj[a][b] = v` pollutes when `a` can be "__proto__": only likely when `a` is parsed from a path.
      const outerKey = inner.type === "subscript_expression" ? inner.childForFieldName("index") : null;
      const twoLevel = isDynamicKey(outerKey) && (named || keyFromParsing(outerKey, outer));
      const deep = twoLevel || recursesIntoTarget(assign, inner.text, chain) || walksByKey(assign, inner, outer);
      if (!deep && !(named && keyFromEnumeration(key))) continue;
      if (hasKeyGuard(outer)) continue;
      reported.add(outer);
      ctx.report({
        line: anchorLine(ctx, assign),
        confidence: deep ? 0.65 : 0.4,
        message:
          `\`${left.text}\` is assigned through a key chosen by the data${deep ? " while walking into nested objects" : ""}, and nothing here rejects ` +
          "`__proto__`, `constructor` or `prototype`: input like `{\"__proto__\": {\"isAdmin\": true}}` then adds properties to every object. " +
          "Skip those keys (or require `Object.hasOwn(target, key)` before recursing), or build the target with `Object.create(null)` / a `Map`.",
      });
    }
  },
};
