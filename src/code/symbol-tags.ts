import type { ParsedSource } from "./parse-source.js";
import { extractPythonTags } from "./python-symbol-tags.js";
import { extractScriptTags } from "./script-symbol-tags.js";

/** Whether a tag declares a name or uses one. */
export type SymbolRole = "definition" | "reference";

/**
 * Definitions: function, method, class, interface, type, enum, variable, module (TS namespace).
 * References: call (a called name, also a JSX component), class (`new X`, `extends X`), type (a
 * type annotation's name).
 */
export type SymbolKind = "function" | "method" | "class" | "interface" | "type" | "enum" | "variable" | "call" | "module";

/** One named definition or reference in a file. Lines are 1-based. */
export interface SymbolTag {
  name: string;
  role: SymbolRole;
  kind: SymbolKind;
  /** Definitions: the definition's first line (Python: its first decorator). References: the name's line. */
  line: number;
  /** Last line of a definition; absent on references. */
  endLine?: number;
  /**
   * Visible to other modules: ES `export` (declarations, `export default`, `export { a as b }`),
   * CommonJS `module.exports`/`exports.x`, Python top-level names without a leading underscore or
   * listed in `__all__` when the module has one. Always false for references and for methods.
   */
  exported: boolean;
}

/**
 * Definitions and references of a parsed file in document order, from one cursor walk of its tree.
 * An anonymous default export (`export default () => {}`) is a definition named "default".
 */
export function extractSymbolTags(source: ParsedSource): SymbolTag[] {
  return source.language === "python" ? extractPythonTags(source.tree.rootNode) : extractScriptTags(source.tree.rootNode);
}

/** The file's exported definitions (its public surface), in document order. */
export function exportedDefinitions(source: ParsedSource): SymbolTag[] {
  return extractSymbolTags(source).filter((tag) => tag.role === "definition" && tag.exported);
}
