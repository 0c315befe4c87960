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

type Node = Parser.SyntaxNode;

const FUNCTION_NODES = new Set(["function_declaration", "function_expression", "arrow_function", "method_definition", "generator_function_declaration", "function", "class_body"]);
// Every spelling of the identifier `require` (with `$` counted as a word character, as in JS).
const REQUIRE_WORD = /(?<![\w$])require(?![\w$])/g;

/** True for a top-level `import … from "x"` that loads a module at run time (`import type` is erased). */
function isRuntimeImport(stmt: Node): boolean {
  return stmt.type === "import_statement" && stmt.childForFieldName("source") !== null && !/^import\s+type\b/.test(stmt.text);
}

function isReexport(stmt: Node): boolean {
  return stmt.type === "export_statement" && stmt.childForFieldName("source") !== null;
}

/** The `require("…")` call `id` is the callee of, when it runs as the module loads (outside functions). */
function topLevelRequireCall(id: Node): Node | undefined {
  const call = id.parent;
  if (call?.type !== "call_expression" || call.childForFieldName("function")?.startIndex !== id.startIndex) return undefined;
  if (call.childForFieldName("arguments")?.firstNamedChild?.type !== "string") return undefined;
  let top: Node = call;
  // Up to the root (the only node without a parent); `top` ends as the top-level statement.
  for (let up = call.parent; up?.parent; up = up.parent) {
    if (FUNCTION_NODES.has(up.type)) return undefined;
    top = up;
  }
  // A top-level import or re-export statement counts as ESM as a whole.
  return isRuntimeImport(top) || isReexport(top) ? undefined : call;
}

/** True when `id` is the name a declaration binds (`const require = createRequire(…)`, `import { x as require }`). */
function bindsName(id: Node): boolean {
  const parent = id.parent;
  if (parent?.type === "variable_declarator") return parent.childForFieldName("name")?.startIndex === id.startIndex;
  if (parent?.type !== "import_specifier") return false;
  const bound = parent.childForFieldName("alias") ?? parent.childForFieldName("name");
  return bound?.startIndex === id.startIndex;
}

/**
 * Classifies a file's top-level module loading.
 *
 * `require` is found in the text and each spelling looked up in the tree, instead of walking
 * every node: a file that never says `require` costs no tree access for it at all.
 */
export function moduleUsageOf(source: ParsedSource): ModuleUsage {
  const root = source.tree.rootNode;
  const text = source.text;
  const esm: number[] = [];
  const require: number[] = [];
  let ownRequire = false;
  if (text.includes("import") || text.includes("export")) {
    for (const stmt of root.namedChildren) if (isRuntimeImport(stmt) || isReexport(stmt)) esm.push(startLineOf(stmt));
  }
  for (const match of text.matchAll(REQUIRE_WORD)) {
    // node-tree-sitter indexes count UTF-16 code units, like the regex's match index.
    const id = root.descendantForIndex(match.index, match.index + "require".length);
    if (id.type !== "identifier" || id.text !== "require") continue;
    const call = topLevelRequireCall(id);
    if (call) require.push(startLineOf(call));
    else if (!ownRequire && bindsName(id)) ownRequire = true;
  }
  return { esm, require, ownRequire };
}

/** "esm" or "cjs" when the file uses one style only, undefined when it uses neither or both. */
export function moduleStyleOf(usage: ModuleUsage): "esm" | "cjs" | undefined {
  if (usage.esm.length && !usage.require.length) return "esm";
  if (usage.require.length && !usage.esm.length && !usage.ownRequire) return "cjs";
  return undefined;
}
