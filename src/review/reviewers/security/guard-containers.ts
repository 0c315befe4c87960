import type { FileContext } from "../../rule.js";
import type { ParsedSource } from "../../../code/parse-source.js";
import { FUNCTION_TYPES, callArguments, functionName, stringValue, type SyntaxNode } from "./js-syntax.js";

/** A stable name for a function or route registration, comparable across the two sides. */
export function containerKey(node: SyntaxNode, python: boolean): { key: string; node: SyntaxNode } | undefined {
  for (let p = node.parent; p; p = p.parent) {
    // A Python decorator belongs to the function it decorates, which is its sibling.
    // Its decorators count as part of it (so the container is the decorated_definition).
    if (python && p.type === "decorated_definition") {
      const def = p.childForFieldName("definition");
      const own = def?.type === "function_definition" ? def.childForFieldName("name")?.text : undefined;
      if (def && own) return { key: `${classNameOf(def, python)}${own}`, node: p };
    }
    if (python ? p.type === "function_definition" : FUNCTION_TYPES.has(p.type)) {
      const own = python ? p.childForFieldName("name")?.text : functionName(p);
      const node = python && p.parent?.type === "decorated_definition" ? p.parent : p;
      if (own) return { key: `${classNameOf(p, python)}${own}`, node };
      continue; // anonymous callback: its route registration or named function names it
    }
    if (!python && p.type === "call_expression") {
      const route = stringValue(callArguments(p)[0]);
      const callee = p.childForFieldName("function")?.text;
      if (route !== undefined && callee) return { key: `${callee}(${route})`, node: p };
    }
  }
  return undefined;
}

function classNameOf(fn: SyntaxNode, python: boolean): string {
  for (let p = fn.parent; p; p = p.parent) {
    if (p.type === (python ? "class_definition" : "class_declaration") || p.type === "class") {
      const name = p.childForFieldName("name")?.text;
      return name ? `${name}.` : "";
    }
  }
  return "";
}

/**
 * The container with `key` on the new side, looked up around `row` (where the deleted lines sat):
 * the nearest named container there, or one around it. Falls back to every container in the file
 * only when the function moved.
 */
export function keptContainer(now: ParsedSource, row: number, key: string): SyntaxNode | undefined {
  const python = now.language === "python";
  const root = now.tree.rootNode;
  const line = now.text.split("\n", row + 1)[row] ?? "";
  const at = root.descendantForPosition({ row, column: Math.max(0, line.search(/\S/)) });
  for (let owner = containerKey(at, python); owner; owner = containerKey(owner.node, python)) {
    if (owner.key === key) return owner.node;
  }
  return containersOf(now).get(key);
}

/** Every function and route registration on a side, by key. */
export function containersOf(source: ParsedSource): Map<string, SyntaxNode> {
  const python = source.language === "python";
  const found = new Map<string, SyntaxNode>();
  const types = python ? ["function_definition"] : [...FUNCTION_TYPES, "call_expression"];
  for (const node of source.tree.rootNode.descendantsOfType(types)) {
    const inner = node.namedChildren[0] ?? node;
    const owner = containerKey(inner, python);
    const expected = python && node.parent?.type === "decorated_definition" ? node.parent : node;
    if (owner && owner.node.id === expected.id && !found.has(owner.key)) found.set(owner.key, owner.node);
  }
  return found;
}

/** The new-side line where a deleted old-side line used to be: the first line shown after it. */
export function newRowAfter(ctx: FileContext, oldLine: number): number {
  for (const hunk of ctx.file.hunks) {
    let passed = false;
    let lastNew = hunk.newStart;
    for (const line of hunk.lines) {
      if (line.kind === "del" && line.oldLine === oldLine) passed = true;
      else if (line.newLine !== undefined) {
        if (passed) return line.newLine;
        lastNew = line.newLine;
      }
    }
    if (passed) return Math.max(1, lastNew);
  }
  return Math.max(1, oldLine);
}
