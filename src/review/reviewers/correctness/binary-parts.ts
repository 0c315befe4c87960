import type Parser from "tree-sitter";

type Node = Parser.SyntaxNode;

/** A binary expression's operator ("" when missing) and operands. */
export interface BinaryParts {
  operator: string;
  left: Node | null;
  right: Node | null;
}

// Four rules look at every added binary expression; the index hands them the same node wrappers,
// so the three field reads (each a native call and a new wrapper) happen once per node.
const parts = new WeakMap<Node, BinaryParts>();

/** The operator and operands of a `binary_expression`, read once per node for all rules. */
export function binaryParts(node: Node): BinaryParts {
  let found = parts.get(node);
  if (!found) {
    found = { operator: node.childForFieldName("operator")?.text ?? "", left: node.childForFieldName("left"), right: node.childForFieldName("right") };
    parts.set(node, found);
  }
  return found;
}
