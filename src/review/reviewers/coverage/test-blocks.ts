import type Parser from "tree-sitter";
import { endLineOf, startLineOf, type ParsedSource } from "../../../code/parse-source.js";

/** One test or suite definition: `it("…")`, `describe("…")`, Python `def test_…`, `class Test…`. */
export interface TestBlock {
  kind: "test" | "suite";
  /** The title (JS) or function/class name (Python); "" when not a constant string. */
  name: string;
  line: number;
  endLine: number;
  /** Skipped or to-do tests (`it.skip`, `xit`, `it.todo`): deleting them loses nothing that ran. */
  skipped: boolean;
  node: Parser.SyntaxNode;
}

const TEST_FUNCTIONS = new Set(["it", "test", "specify", "xit", "xtest", "fit"]);
const SUITE_FUNCTIONS = new Set(["describe", "context", "suite", "xdescribe", "fdescribe"]);
const SKIP_MODIFIERS = new Set(["skip", "todo"]);

/** The base name and modifiers of a test call's callee: `it.each(t)` → it, [each]. */
function calleeParts(fn: Parser.SyntaxNode | null): { base: string; modifiers: string[] } | undefined {
  if (!fn) return undefined;
  if (fn.type === "identifier") return { base: fn.text, modifiers: [] };
  if (fn.type === "member_expression") {
    const inner = calleeParts(fn.childForFieldName("object"));
    const prop = fn.childForFieldName("property")?.text;
    return inner && prop ? { base: inner.base, modifiers: [...inner.modifiers, prop] } : undefined;
  }
  // `it.each(table)("title", fn)`: the callee is itself a call.
  if (fn.type === "call_expression") return calleeParts(fn.childForFieldName("function"));
  return undefined;
}

function titleOf(call: Parser.SyntaxNode): string {
  const first = call.childForFieldName("arguments")?.namedChildren[0];
  if (!first) return "";
  if (first.type === "string") return first.text.slice(1, -1);
  if (first.type === "template_string") return first.text.slice(1, -1);
  return "";
}

function ecmaBlocks(root: Parser.SyntaxNode): TestBlock[] {
  const blocks: TestBlock[] = [];
  for (const call of root.descendantsOfType("call_expression")) {
    const parts = calleeParts(call.childForFieldName("function"));
    if (!parts) continue;
    const isTest = TEST_FUNCTIONS.has(parts.base);
    if (!isTest && !SUITE_FUNCTIONS.has(parts.base)) continue;
    // Only the outer call of `it.each(t)("…")` is the test; and `it` must be called with a body.
    if (call.parent?.type === "call_expression" && call.parent.childForFieldName("function")?.id === call.id) continue;
    const args = call.childForFieldName("arguments")?.namedChildren ?? [];
    const modifiers = parts.modifiers;
    const todo = modifiers.includes("todo");
    if (args.length < 2 && !todo) continue;
    blocks.push({
      kind: isTest ? "test" : "suite",
      name: titleOf(call),
      line: startLineOf(call),
      endLine: endLineOf(call),
      skipped: parts.base.startsWith("x") || modifiers.some((m) => SKIP_MODIFIERS.has(m)),
      node: call,
    });
  }
  return blocks;
}

function isSkipDecorated(def: Parser.SyntaxNode): boolean {
  const parent = def.parent;
  if (parent?.type !== "decorated_definition") return false;
  return parent.namedChildren.some((d) => d.type === "decorator" && /\b(skip|skipIf|skipUnless|expectedFailure)\b/.test(d.text));
}

function pythonBlocks(root: Parser.SyntaxNode): TestBlock[] {
  const blocks: TestBlock[] = [];
  for (const def of root.descendantsOfType(["function_definition", "class_definition"])) {
    const name = def.childForFieldName("name")?.text ?? "";
    const isTest = def.type === "function_definition" && name.startsWith("test");
    const isSuite = def.type === "class_definition" && name.startsWith("Test");
    if (!isTest && !isSuite) continue;
    const outer = def.parent?.type === "decorated_definition" ? def.parent : def;
    blocks.push({
      kind: isTest ? "test" : "suite",
      name,
      line: startLineOf(outer),
      endLine: endLineOf(outer),
      skipped: isSkipDecorated(def),
      node: outer,
    });
  }
  return blocks;
}

/** Finds the test and suite definitions of a test file. */
export function findTestBlocks(source: ParsedSource): TestBlock[] {
  const blocks = source.language === "python" ? pythonBlocks(source.tree.rootNode) : ecmaBlocks(source.tree.rootNode);
  return blocks.sort((a, b) => a.line - b.line);
}

function isEcmaAssertion(call: Parser.SyntaxNode): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type === "identifier") return fn.text === "expect" || fn.text === "assert";
  if (fn?.type === "member_expression") {
    const object = fn.childForFieldName("object");
    // `assert.equal(...)`, `assert.strict.equal(...)`, `expect.assertions(n)` is bookkeeping, not a check.
    return object?.type === "identifier" && object.text === "assert";
  }
  return false;
}

function isPythonAssertionCall(call: Parser.SyntaxNode): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "attribute") return false;
  const attr = fn.childForFieldName("attribute")?.text ?? "";
  return attr.startsWith("assert") || (attr === "raises" && fn.childForFieldName("object")?.text === "pytest");
}

/** 1-based lines of the assertions in a test file (`expect(`, `assert…`, Python `assert`, `self.assert…(`). */
export function findAssertionLines(source: ParsedSource): number[] {
  const root = source.tree.rootNode;
  if (source.language === "python") {
    const asserts = root.descendantsOfType("assert_statement");
    const calls = root.descendantsOfType("call").filter(isPythonAssertionCall);
    return [...asserts, ...calls].map(startLineOf).sort((a, b) => a - b);
  }
  return root.descendantsOfType("call_expression").filter(isEcmaAssertion).map(startLineOf).sort((a, b) => a - b);
}
