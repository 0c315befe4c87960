import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";

type Node = Parser.SyntaxNode;

const MUTABLE_LITERALS = new Set(["list", "dictionary", "set", "list_comprehension", "dictionary_comprehension", "set_comprehension"]);
const MUTABLE_FACTORIES = new Set(["list", "dict", "set", "bytearray", "defaultdict", "OrderedDict", "deque", "Counter", "collections.defaultdict", "collections.OrderedDict", "collections.deque", "collections.Counter"]);
const MUTATING_METHODS = new Set(["append", "extend", "insert", "remove", "pop", "popitem", "clear", "update", "setdefault", "add", "discard", "sort", "reverse", "appendleft", "extendleft"]);

function isMutableDefault(value: Node | null): boolean {
  if (!value) return false;
  if (MUTABLE_LITERALS.has(value.type)) return true;
  return value.type === "call" && MUTABLE_FACTORIES.has(value.childForFieldName("function")?.text ?? "");
}

/** True when the body changes the object or lets it escape (stored, returned, yielded). */
function mutatesOrLeaks(body: Node, name: string): boolean {
  for (const call of body.descendantsOfType("call")) {
    const fn = call.childForFieldName("function");
    if (fn?.type === "attribute" && fn.childForFieldName("object")?.text === name && MUTATING_METHODS.has(fn.childForFieldName("attribute")?.text ?? "")) return true;
  }
  for (const target of body.descendantsOfType(["assignment", "augmented_assignment", "delete_statement"])) {
    const left = target.type === "delete_statement" ? target.namedChildren[0] : target.childForFieldName("left");
    if (left?.type === "subscript" && left.childForFieldName("value")?.text === name) return true;
    if (target.type === "augmented_assignment" && left?.text === name) return true;
    // `self.items = items` keeps the shared default alive across calls.
    if (target.type === "assignment" && left?.type === "attribute" && target.childForFieldName("right")?.text === name) return true;
  }
  for (const exit of body.descendantsOfType(["return_statement", "yield"])) {
    if (exit.namedChildren[0]?.text === name) return true;
  }
  return false;
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
    for (const param of ctx.source!.tree.rootNode.descendantsOfType(["default_parameter", "typed_default_parameter"])) {
      const value = param.childForFieldName("value");
      if (!isMutableDefault(value) || !ctx.addedLines.has(startLineOf(param))) continue;
      const name = param.childForFieldName("name")?.text ?? "";
      const fn = param.parent?.parent;
      const body = fn?.type === "function_definition" ? fn.childForFieldName("body") : null;
      // A default the function only reads is harmless today; say so with less certainty.
      const risky = !body || mutatesOrLeaks(body, name);
      ctx.report({
        line: startLineOf(param),
        confidence: risky ? 0.9 : 0.6,
        message:
          `The default \`${name}=${value!.text}\` is created once and shared by every call` +
          (risky ? ", and this function changes or keeps it, so state leaks from one call into the next." : "; any later change to it would leak between calls.") +
          ` Default to \`None\` and create it inside: \`if ${name} is None: ${name} = ${value!.text}\`.`,
      });
    }
  },
};
