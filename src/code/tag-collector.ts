import type Parser from "tree-sitter";
import { startLineOf } from "./parse-source.js";
import { lastLineOf } from "./node-names.js";
import type { SymbolKind, SymbolTag } from "./symbol-tags.js";

/** How a definition is declared, beyond its name and kind. */
export interface DefinitionFlags {
  /** Exported by its own declaration (`export function`, `exports.a = …`). */
  exported?: boolean;
  /** Declared at module level, where a later export list (`export { a }`, `__all__`) can reach it. */
  topLevel?: boolean;
}

/**
 * Accumulates tags during a walk. Export lists may come after the definitions they name
 * (`module.exports = { a }` at the end of a file), so top-level definitions are settled in
 * {@link TagCollector.finish}.
 */
export class TagCollector {
  private readonly tags: SymbolTag[] = [];
  private readonly topLevel: SymbolTag[] = [];

  /** Records a definition spanning `node`. */
  define(name: string, kind: SymbolKind, node: Parser.SyntaxNode, flags: DefinitionFlags = {}): void {
    const tag: SymbolTag = { name, role: "definition", kind, line: startLineOf(node), endLine: lastLineOf(node), exported: flags.exported ?? false };
    this.tags.push(tag);
    if (flags.topLevel && kind !== "method") this.topLevel.push(tag);
  }

  /** Records a use of `name` on a 1-based line. */
  reference(name: string, kind: SymbolKind, line: number): void {
    this.tags.push({ name, role: "reference", kind, line, exported: false });
  }

  /** Marks top-level definitions the module exports by name and returns all tags in document order. */
  finish(exportsName: (name: string) => boolean): SymbolTag[] {
    for (const tag of this.topLevel) if (!tag.exported && exportsName(tag.name)) tag.exported = true;
    return this.tags;
  }
}
