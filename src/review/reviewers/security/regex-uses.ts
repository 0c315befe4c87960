import type { FileContext } from "../../rule.js";
import { callArguments, FUNCTION_TYPES, isStringish, memberPath, parameterNames, propertyKeyName, stringValue, unwrap, type SyntaxNode } from "./js-syntax.js";
import { nodesOnRows, rowsMatching, wordsPattern } from "./line-search.js";
import { isRequestInput } from "./taint-hints.js";

/** Where a pattern is run against text: the call, and the text it scans. */
export interface RegexUse {
  call: SyntaxNode;
  subject: SyntaxNode;
}

/**
 * Where the text comes from, as far as the file shows:
 * - "external": a parameter of the surrounding function (or a local derived from one), or request input;
 * - "bounded": such text, but the function checks its `.length` first;
 * - "internal": anything else that is not a literal (fields, results of other calls);
 * - "literal": a constant string.
 */
export type Exposure = "external" | "bounded" | "internal" | "literal";

// The pattern is the argument and the text the receiver: `text.replace(re, ...)`.
const TEXT_METHODS = new Set(["replace", "replaceAll", "split", "match", "matchAll", "search"]);
// The pattern is the receiver and the text the argument: `re.test(text)`.
const PATTERN_METHODS = new Set(["test", "exec"]);

/** The use of `expr` (a pattern, or a name holding one) when it is run right there. */
function useOf(expr: SyntaxNode): RegexUse | undefined {
  let node = expr;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (parent?.type === "arguments" && parent.namedChildren[0]?.id === node.id) {
    const call = parent.parent;
    const fn = unwrap(call?.childForFieldName("function"));
    if (call?.type === "call_expression" && fn?.type === "member_expression" && TEXT_METHODS.has(fn.childForFieldName("property")?.text ?? "")) {
      const subject = fn.childForFieldName("object");
      return subject ? { call, subject } : undefined;
    }
  }
  if (parent?.type === "member_expression" && parent.childForFieldName("object")?.id === node.id) {
    const call = parent.parent;
    const method = parent.childForFieldName("property")?.text ?? "";
    const [subject] = call?.type === "call_expression" ? callArguments(call) : [];
    if (PATTERN_METHODS.has(method) && subject) return { call: call!, subject };
  }
  return undefined;
}

/** The name a pattern is stored under: `const RE = /x/`, `RE = /x/`, `this.re = /x/`, `{ re: /x/ }`. */
function holderName(pattern: SyntaxNode): string | undefined {
  let node = pattern;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (parent?.type === "variable_declarator" && parent.childForFieldName("value")?.id === node.id) {
    const name = parent.childForFieldName("name");
    return name?.type === "identifier" ? name.text : undefined;
  }
  if (parent?.type === "assignment_expression" && parent.childForFieldName("right")?.id === node.id) {
    const path = memberPath(parent.childForFieldName("left"));
    return path?.[path.length - 1];
  }
  if (parent?.type === "pair" && parent.childForFieldName("value")?.id === node.id) return propertyKeyName(parent.childForFieldName("key"));
  return undefined;
}

/**
 * The places in this file where a pattern is run: right where it is written, or through the
 * name it is stored under (found by a text search for that name, not a walk of the tree).
 */
export function regexUses(ctx: FileContext, pattern: SyntaxNode): RegexUse[] {
  const direct = useOf(pattern);
  if (direct) return [direct];
  const name = holderName(pattern);
  const root = ctx.source?.tree.rootNode;
  if (!name || !root) return [];
  const uses: RegexUse[] = [];
  for (const ref of nodesOnRows(root, rowsMatching(ctx, wordsPattern([name])!), ["identifier", "property_identifier"])) {
    if (ref.text !== name) continue;
    // `RE.test(x)` or `this.rules.RE.exec(x)`: the reference is the whole member chain.
    const expr = ref.type === "property_identifier" && ref.parent?.type === "member_expression" ? ref.parent : ref;
    const use = useOf(expr);
    if (use) uses.push(use);
  }
  return uses;
}

/** The identifiers a value is computed from (not property names), e.g. `a` and `b` in `a.trim() + b[0]`. */
function identifiersIn(node: SyntaxNode): SyntaxNode[] {
  if (node.type === "identifier") return [node];
  if (FUNCTION_TYPES.has(node.type)) return [];
  return node.namedChildren.flatMap((c) => (c.type === "property_identifier" ? [] : identifiersIn(c)));
}

function functionsAround(node: SyntaxNode): SyntaxNode[] {
  const chain: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) chain.push(p);
  return chain;
}

function containsRequestInput(node: SyntaxNode): boolean {
  return isRequestInput(node) || node.namedChildren.some(containsRequestInput);
}

/** True when `name` is a parameter of one of `fns`, or a local of theirs initialised from one (two levels). */
function derivesFromParameter(name: string, fns: SyntaxNode[], depth = 0): boolean {
  if (fns.some((fn) => parameterNames(fn).includes(name))) return true;
  if (depth >= 2) return false;
  for (const fn of fns) {
    for (const decl of fn.descendantsOfType("variable_declarator")) {
      if (decl.childForFieldName("name")?.text !== name) continue;
      const value = decl.childForFieldName("value");
      if (value && (containsRequestInput(value) || identifiersIn(value).some((id) => derivesFromParameter(id.text, fns, depth + 1)))) return true;
    }
  }
  return false;
}

/** True when the function compares `<name>.length` with something before `before`: the text is capped. */
function hasLengthCheck(name: string, fn: SyntaxNode, before: SyntaxNode): boolean {
  for (const cmp of fn.descendantsOfType("binary_expression")) {
    if (cmp.startIndex >= before.startIndex) break;
    if (!/^[<>]=?$/.test(cmp.childForFieldName("operator")?.text ?? "")) continue;
    const sides = [cmp.childForFieldName("left"), cmp.childForFieldName("right")];
    if (sides.some((s) => s?.type === "member_expression" && s.childForFieldName("property")?.text === "length" && s.childForFieldName("object")?.text === name)) return true;
  }
  return false;
}

/** Where the text a pattern scans comes from (see Exposure). */
export function exposureOf(use: RegexUse): Exposure {
  const subject = unwrap(use.subject);
  if (stringValue(subject) !== undefined || (isStringish(subject) && !subject.namedChildren.some((c) => c.type === "template_substitution"))) return "literal";
  const fns = functionsAround(use.call);
  if (containsRequestInput(subject)) return "external";
  const names = [...new Set(identifiersIn(subject).map((id) => id.text))];
  const external = names.filter((name) => derivesFromParameter(name, fns));
  if (!external.length) return "internal";
  return external.every((name) => fns.some((fn) => hasLengthCheck(name, fn, use.call))) ? "bounded" : "external";
}
