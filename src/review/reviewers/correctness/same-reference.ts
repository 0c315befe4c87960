import type Parser from "tree-sitter";

type Node = Parser.SyntaxNode;

/**
 * True for expressions that name a place without side effects: `x`, `this.a.b`, `a[0]`, `a["k"]`,
 * `a[i]`, Python `self.x`. Evaluating them twice gives the same value, which is what makes
 * `x = x` or `a === a` meaningless rather than merely unusual.
 */
export function isPureReference(node: Node | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case "identifier":
    case "this":
    case "self":
      return true;
    case "member_expression":
      return !node.children.some((c) => c.type === "optional_chain") && isPureReference(node.childForFieldName("object"));
    case "attribute":
      return isPureReference(node.childForFieldName("object"));
    case "subscript_expression": {
      const index = node.childForFieldName("index");
      return !!index && ["number", "string", "identifier"].includes(index.type) && isPureReference(node.childForFieldName("object"));
    }
    default:
      return false;
  }
}

/** Two pure references that spell the same place (whitespace aside). */
export function isSameReference(a: Node | null | undefined, b: Node | null | undefined): boolean {
  if (!a || !b || !isPureReference(a) || !isPureReference(b)) return false;
  return a.text.replace(/\s+/g, "") === b.text.replace(/\s+/g, "");
}
