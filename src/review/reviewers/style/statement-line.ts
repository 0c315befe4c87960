import type Parser from "tree-sitter";

/**
 * When `call` is a statement of its own that fills its line (`  console.log(x);`), returns "" — the
 * committable suggestion that deletes the line. Otherwise undefined: deleting a call that sits in
 * an expression or shares its line would change other code.
 */
export function removalSuggestion(call: Parser.SyntaxNode, lines: readonly string[]): string | undefined {
  const statement = call.parent;
  if (statement?.type !== "expression_statement" || statement.startPosition.row !== statement.endPosition.row) return undefined;
  const holder = statement.parent?.type;
  if (holder !== "statement_block" && holder !== "program" && holder !== "block" && holder !== "module") return undefined;
  // A Python block needs at least one statement; removing its only one would break the syntax.
  if (holder === "block" && statement.parent!.namedChildCount === 1) return undefined;
  const line = lines[statement.startPosition.row] ?? "";
  return line.trim() === statement.text.trim() ? "" : undefined;
}

/** True when the node runs under an `if` that checks a debug or verbose switch. */
export function isUnderDebugGuard(node: Parser.SyntaxNode): boolean {
  for (let up = node.parent; up; up = up.parent) {
    if (up.type !== "if_statement") continue;
    const condition = up.childForFieldName("condition")?.text ?? "";
    if (/debug|verbose|trace/i.test(condition)) return true;
  }
  return false;
}
