import type Parser from "tree-sitter";

/** 1-based last line of a node, not counting a final newline the node happens to end with. */
export function lastLineOf(node: Parser.SyntaxNode): number {
  const { row, column } = node.endPosition;
  // The root node (and some error-recovery nodes) end at column 0 of the line after their text.
  return column === 0 && row > node.startPosition.row ? row : row + 1;
}

/** Unquotes string literals (`"a"`, `'a'`); other name nodes keep their source text. */
export function unquotedText(node: Parser.SyntaxNode): string {
  const text = node.text;
  if (node.type === "string" && text.length >= 2) return text.slice(1, -1);
  return text;
}

/**
 * The name a target of an assignment gives its value: `f = …` → f, `a.b.f = …` → f (JS member
 * expressions and Python attributes). Destructuring and computed targets give no name.
 */
export function targetName(target: Parser.SyntaxNode | null): string | undefined {
  if (!target) return undefined;
  switch (target.type) {
    case "identifier":
      return target.text;
    case "member_expression":
      return target.childForFieldName("property")?.text;
    case "attribute":
      return target.childForFieldName("attribute")?.text;
    default:
      return undefined;
  }
}

/**
 * The name an anonymous function or class takes from where it is written: `const f = () => {}`,
 * `obj.f = function () {}`, `{ f: () => {} }`, a class field `f = () => {}`, Python `f = lambda: 0`.
 * `field` is the node's field name in its parent (from the walking cursor).
 */
export function assignedName(node: Parser.SyntaxNode, field: string | undefined): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case "variable_declarator":
      return field === "value" ? targetName(parent.childForFieldName("name")) : undefined;
    case "assignment_expression":
    case "assignment":
      return field === "right" ? targetName(parent.childForFieldName("left")) : undefined;
    case "pair":
      return field === "value" ? keyName(parent.childForFieldName("key")) : undefined;
    case "field_definition":
      return field === "value" ? keyName(parent.childForFieldName("property")) : undefined;
    case "public_field_definition":
      return field === "value" ? keyName(parent.childForFieldName("name")) : undefined;
    default:
      return undefined;
  }
}

/** Name of an object key or class member: `foo`, `#foo`, `"foo"` → foo, `[expr]` → `[expr]`. */
export function keyName(node: Parser.SyntaxNode | null): string | undefined {
  return node ? unquotedText(node) : undefined;
}
