import type { Rule } from "../../rule.js";
import { anchorLine } from "./anchor-lines.js";
import { callArguments, calleeName, FUNCTION_TYPES, functionName, parameterNames, stringValue, unwrap, type SyntaxNode } from "./js-syntax.js";

const DANGEROUS_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// Calls and names that show the author thought about hostile keys.
const GUARD_CALLS = /^(hasOwnProperty|hasOwn|create|isSafeKey|isValidKey|isAllowedKey|isPrototypePolluted|isUnsafeKey|isProtoKey)$/;
const GUARD_NAMES = /forbidden|blocked|blacklist|denylist|dangerous|unsafe_?keys|proto_?keys|reserved_?keys/i;
// Functions that copy keys from one object into another by name.
const MERGE_NAME = /merge|extend|assign|defaults|mixin|deep_?set|set_?path|set_?in|set_?value|unflatten|set$|^set/i;

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

/** `cur[k] = v` after `cur = cur[key]`, or inside `keys.reduce((o, k) => o[k] = ..., obj)`: walking into nested objects by key. */
function walksByKey(assign: SyntaxNode, object: SyntaxNode, scope: SyntaxNode): boolean {
  if (object.type === "call_expression" && calleeName(object) === "reduce") return true;
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
    if (call && calleeName(call) === "reduce" && parameterNames(p)[0] === name) return true;
  }
  return false;
}

function hasKeyGuard(scope: SyntaxNode): boolean {
  for (const str of scope.descendantsOfType(["string", "template_string"])) if (DANGEROUS_KEYS.has(stringValue(str) ?? "")) return true;
  for (const call of scope.descendantsOfType("call_expression")) if (GUARD_CALLS.test(calleeName(call) ?? "")) return true;
  if (scope.descendantsOfType(["identifier", "property_identifier"]).some((id) => GUARD_NAMES.test(id.text))) return true;
  // `new Map()` targets have no prototype chain to pollute through keys.
  return scope.descendantsOfType("new_expression").some((n) => n.childForFieldName("constructor")?.text === "Map");
}

/** True when the key comes from enumerating an object (for..in, Object.keys/entries) or from a parameter. */
function keyFromInput(key: SyntaxNode, chain: SyntaxNode[]): boolean {
  const name = unwrap(key).text;
  for (let p = key.parent; p; p = p.parent) {
    if (p.type === "for_in_statement" && p.childForFieldName("left")?.text.includes(name)) return true;
  }
  return chain.some((fn) => parameterNames(fn).includes(name));
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
    for (const assign of ctx.source!.tree.rootNode.descendantsOfType("assignment_expression")) {
      if (!ctx.touchesAdded(assign)) continue;
      const left = unwrap(assign.childForFieldName("left"));
      if (left?.type !== "subscript_expression") continue;
      const key = left.childForFieldName("index");
      if (!isDynamicKey(key)) continue;
      const chain = functionChain(assign);
      const outer = chain[chain.length - 1];
      if (!outer || reported.has(outer)) continue;
      const inner = unwrap(left.childForFieldName("object"));
      if (!inner) continue;
      const twoLevel = inner.type === "subscript_expression" && isDynamicKey(inner.childForFieldName("index"));
      const deep = twoLevel || recursesIntoTarget(assign, inner.text, chain) || walksByKey(assign, inner, outer);
      const named = chain.some((fn) => MERGE_NAME.test(functionName(fn) ?? ""));
      if (!deep && !(named && keyFromInput(key, chain))) continue;
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
