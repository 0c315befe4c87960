import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { collectPromiseBindings, isPromiseFunctionNode, returnsPromiseType, type PromiseBindings } from "./promise-bindings.js";
import { codeSnippet, isNewCode, rangeOf } from "./report-range.js";
import { enclosingFunction, isAsyncFunction, JS_LANGUAGES } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

const PROMISE_COMBINATORS = new Set(["all", "allSettled", "race", "any"]);

/** The method a `this.name()` call inside a class method resolves to, when the file shows it. */
function classMemberKinds(call: Node, name: string): "promise" | "other" | undefined {
  // `this` is the instance only up to the first non-arrow function: that must be a class method.
  let fn = enclosingFunction(call);
  while (fn?.type === "arrow_function") fn = enclosingFunction(fn);
  if (fn?.type !== "method_definition" || fn.parent?.type !== "class_body") return undefined;
  const members = fn.parent.namedChildren.filter((m) => m.childForFieldName("name")?.text === name);
  if (!members.length) return undefined;
  const allPromise = members.every((m) => {
    if (m.type === "method_definition" || m.type === "method_signature") {
      // A getter named like the method would make `this.name` a property read, not a call.
      if (m.children.some((c) => c.type === "get" || c.type === "set")) return false;
      return isPromiseFunctionNode(m) || (m.type === "method_signature" && returnsPromiseType(m));
    }
    if (m.type === "public_field_definition") return isPromiseFunctionNode(m.childForFieldName("value"));
    return false;
  });
  return allPromise ? "promise" : "other";
}

/** Why the callee certainly returns a promise, or undefined when we can't be sure. */
function promiseCallee(call: Node, bindings: PromiseBindings): string | undefined {
  const callee = call.childForFieldName("function");
  if (!callee || call.children.some((c) => c.type === "?.") || call.childForFieldName("arguments")?.type !== "arguments") return undefined;
  if (callee.type === "identifier") {
    if (!bindings.isPromiseFunction(callee.text)) return undefined;
    return callee.text === "fetch" ? "`fetch` returns a promise" : `\`${callee.text}\` returns a promise`;
  }
  if (callee.type !== "member_expression" || callee.children.some((c) => c.type === "optional_chain")) return undefined;
  const object = callee.childForFieldName("object");
  const property = callee.childForFieldName("property");
  if (!object || property?.type !== "property_identifier") return undefined;
  if (object.type === "this") {
    return classMemberKinds(call, property.text) === "promise" ? `\`this.${property.text}\` is an async method` : undefined;
  }
  if (object.type === "identifier" && bindings.isPromiseNamespace(object.text)) {
    return `\`${object.text}\` is a promise API, so \`${callee.text}\` returns a promise`;
  }
  // `Promise.all([...])` as a statement: the combined promise is dropped, and with it every error.
  if (object.type === "identifier" && object.text === "Promise" && PROMISE_COMBINATORS.has(property.text)) {
    return `\`Promise.${property.text}\` returns a promise`;
  }
  // `fs.promises.*` with the conventional binding name of the fs module.
  if (object.text.replace(/\s/g, "") === "fs.promises") {
    return `\`${callee.text}\` returns a promise`;
  }
  return undefined;
}

/** A promise-returning call used as a bare statement inside an async function: nobody awaits it. */
export const floatingPromise: Rule = {
  meta: {
    id: "correctness/floating-promise",
    category: "correctness",
    severity: "warning",
    confidence: 0.85,
    rationale: "An un-awaited promise in an async function lets the code run ahead of it and turns its rejection into an unhandled one.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    const root = ctx.source!.tree.rootNode;
    let bindings: PromiseBindings | undefined;
    for (const statement of addedNodesOfType(ctx, "expression_statement")) {
      if (!ctx.touchesAdded(statement) || statement.hasError) continue;
      const call = statement.firstNamedChild;
      if (call?.type !== "call_expression") continue;
      const fn = enclosingFunction(statement);
      if (!fn || !isAsyncFunction(fn)) continue;
      bindings ??= collectPromiseBindings(root);
      const why = promiseCallee(call, bindings);
      if (!why) continue;
      if (!isNewCode(ctx, statement)) continue;
      ctx.report({
        ...rangeOf(statement),
        message:
          `\`${codeSnippet(call)}\` is not awaited: ${why}, so this async function ` +
          "moves on before it settles and a rejection becomes an unhandled one. Add `await` (or `void` if fire-and-forget is intended, with a `.catch`).",
      });
    }
  },
};
