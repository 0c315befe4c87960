import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";

type Node = Parser.SyntaxNode;

const MUTABLE_LITERALS = new Set(["list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension"]);
const MUTABLE_FACTORIES = new Set(["list", "dict", "set", "bytearray", "defaultdict", "OrderedDict", "deque", "Counter", "collections.defaultdict", "collections.OrderedDict", "collections.deque", "collections.Counter"]);
const MUTATING_METHODS = new Set(["append", "extend", "insert", "remove", "pop", "popitem", "clear", "update", "setdefault", "add", "discard", "sort", "reverse", "appendleft", "extendleft"]);

function isMutableDefault(value: Node | null): boolean {
  if (!value) return false;
  if (MUTABLE_LITERALS.has(value.type)) return true;
  return value.type === "call" && MUTABLE_FACTORIES.has(value.childForFieldName("function")?.text ?? "");
}

/** How the body treats the parameter: changes it in place, lets it escape, or only reads it. */
function useOf(body: Node, name: string): "mutates" | "escapes" | "reads" {
  // `items = list(items)` first: later changes go to a copy, and we can't tell which one.
  const rebinds = body.descendantsOfType("assignment").some((a) => a.childForFieldName("left")?.text === name);
  if (rebinds) return "reads";
  for (const call of body.descendantsOfType("call")) {
    const fn = call.childForFieldName("function");
    if (fn?.type === "attribute" && fn.childForFieldName("object")?.text === name && MUTATING_METHODS.has(fn.childForFieldName("attribute")?.text ?? "")) return "mutates";
  }
  let escapes = false;
  for (const target of body.descendantsOfType(["assignment", "augmented_assignment", "delete_statement"])) {
    const left = target.type === "delete_statement" ? target.namedChildren[0] : target.childForFieldName("left");
    if (left?.type === "subscript" && left.childForFieldName("value")?.text === name) return "mutates";
    if (target.type === "augmented_assignment" && left?.text === name) return "mutates";
    // `self.items = items` keeps the shared default alive where other code may change it.
    if (target.type === "assignment" && left?.type === "attribute" && target.childForFieldName("right")?.text === name) escapes = true;
  }
  for (const exit of body.descendantsOfType(["return_statement", "yield"])) {
    if (exit.namedChildren[0]?.text === name) escapes = true;
  }
  return escapes ? "escapes" : "reads";
}

/** `def f(items=[])`: the default is built once and shared by every call. */
export const mutableDefaultArgument: Rule = {
  meta: {
    id: "correctness/mutable-default-argument",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rationale: "Python evaluates a default once, at definition time; a mutable default is shared and keeps changes between calls.",
    languages: ["python"],
  },
  checkFile(ctx: FileContext) {
    for (const param of addedNodesOfType(ctx, ["default_parameter", "typed_default_parameter"])) {
      const value = param.childForFieldName("value");
      if (!isMutableDefault(value) || !ctx.addedLines.has(startLineOf(param))) continue;
      const name = param.childForFieldName("name")?.text ?? "";
      // `_cache={}` / `memo={}`: a shared default used on purpose as a cache across calls.
      if (/^_|cache|memo/i.test(name)) continue;
      const fn = param.parent?.parent;
      const body = fn?.type === "function_definition" ? fn.childForFieldName("body") : null;
      // Changed in place: the bug is already there. Stored or returned: callers may change it.
      // Only read: harmless today, a trap for the next edit.
      const use = body ? useOf(body, name) : "escapes";
      if (!isNewCode(ctx, param)) continue;
      ctx.report({
        line: startLineOf(param),
        confidence: use === "mutates" ? 0.9 : use === "escapes" ? 0.65 : 0.5,
        message:
          `The default \`${name}=${value!.text}\` is created once, when the function is defined, and shared by every call` +
          (use === "mutates"
            ? "; this function changes it, so what one call adds is still there in the next."
            : use === "escapes"
              ? "; this function hands it out (stores or returns it), so a change made elsewhere leaks into later calls."
              : "; any change to it would leak between calls.") +
          ` Default to \`None\` and create it inside: \`if ${name} is None: ${name} = ${value!.text}\`.`,
      });
    }
  },
};
