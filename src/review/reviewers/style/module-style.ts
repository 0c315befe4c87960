import type Parser from "tree-sitter";
import type { ParsedSource } from "../../../code/parse-source.js";
import { startLineOf } from "../../../code/parse-source.js";

/** How a JavaScript/TypeScript file loads its modules at the top level. */
export interface ModuleUsage {
  /** Lines of `import … from` / `export … from` statements. */
  esm: number[];
  /** Lines of top-level `require("…")` calls (not inside functions, where lazy loading is deliberate). */
  require: number[];
  /** True when the file binds its own `require` (ESM's `createRequire`), which makes require deliberate. */
  ownRequire: boolean;
}

const FUNCTION_NODES = new Set(["function_declaration", "function_expression", "arrow_function", "method_definition", "generator_function_declaration", "function", "class_body"]);

function collectRequires(node: Parser.SyntaxNode, lines: number[]): void {
  if (FUNCTION_NODES.has(node.type)) return;
  if (node.type === "call_expression") {
    const fn = node.childForFieldName("function");
    const arg = node.childForFieldName("arguments")?.namedChildren[0];
    if (fn?.type === "identifier" && fn.text === "require" && arg?.type === "string") lines.push(startLineOf(node));
  }
  for (const child of node.namedChildren) collectRequires(child, lines);
}

function bindsRequire(root: Parser.SyntaxNode): boolean {
  for (const decl of root.descendantsOfType("variable_declarator")) {
    if (decl.childForFieldName("name")?.text === "require") return true;
  }
  return root.descendantsOfType("import_specifier").some((s) => (s.childForFieldName("alias") ?? s.childForFieldName("name"))?.text === "require");
}

/** Classifies a file's top-level module loading. */
export function moduleUsageOf(source: ParsedSource): ModuleUsage {
  const root = source.tree.rootNode;
  const esm: number[] = [];
  const require: number[] = [];
  for (const stmt of root.namedChildren) {
    // `import type` is erased; TypeScript's `import x = require()` is CommonJS in disguise.
    if (stmt.type === "import_statement" && stmt.childForFieldName("source") && !/^import\s+type\b/.test(stmt.text)) esm.push(startLineOf(stmt));
    else if (stmt.type === "export_statement" && stmt.childForFieldName("source")) esm.push(startLineOf(stmt));
    else collectRequires(stmt, require);
  }
  return { esm, require, ownRequire: bindsRequire(root) };
}

/** "esm" or "cjs" when the file uses one style only, undefined when it uses neither or both. */
export function moduleStyleOf(usage: ModuleUsage): "esm" | "cjs" | undefined {
  if (usage.esm.length && !usage.require.length) return "esm";
  if (usage.require.length && !usage.esm.length && !usage.ownRequire) return "cjs";
  return undefined;
}
