import type Parser from "tree-sitter";
import type { ParsedSource } from "../../../code/parse-source.js";
import { casesOf, type NameCase } from "./name-case.js";

/** The kinds of declaration whose naming a codebase tends to keep consistent. */
export type NameKind = "function" | "method" | "class" | "type" | "constant";

/** One declared name and where its identifier sits. */
export interface DeclaredName {
  name: string;
  kind: NameKind;
  node: Parser.SyntaxNode;
}

const FUNCTION_VALUES = new Set(["arrow_function", "function_expression", "function", "generator_function"]);
const PRIMITIVE_LITERALS = new Set(["string", "number", "true", "false", "integer", "float"]);
// Hook names that unittest and friends dictate; a subclass cannot choose them.
const FRAMEWORK_METHODS = new Set(["setUp", "tearDown", "setUpClass", "tearDownClass", "setUpModule", "tearDownModule", "asyncSetUp", "asyncTearDown", "addCleanup", "setUpTestData"]);

function isPrimitiveLiteral(node: Parser.SyntaxNode | null): boolean {
  if (!node) return false;
  if (node.type === "unary_expression") return isPrimitiveLiteral(node.childForFieldName("argument"));
  if (node.type === "template_string") return !node.namedChildren.some((c) => c.type === "template_substitution");
  if (node.type === "string" && node.namedChildren.some((c) => c.type === "interpolation")) return false;
  return PRIMITIVE_LITERALS.has(node.type);
}

function ecmaNames(root: Parser.SyntaxNode): DeclaredName[] {
  const out: DeclaredName[] = [];
  const push = (node: Parser.SyntaxNode | null, kind: NameKind) => {
    if (node && (node.type === "identifier" || node.type === "type_identifier" || node.type === "property_identifier")) out.push({ name: node.text, kind, node });
  };
  const visit = (node: Parser.SyntaxNode, topLevel: boolean) => {
    switch (node.type) {
      case "function_declaration":
      case "generator_function_declaration":
        push(node.childForFieldName("name"), "function");
        break;
      case "class_declaration":
      case "abstract_class_declaration":
        push(node.childForFieldName("name"), "class");
        break;
      case "interface_declaration":
      case "type_alias_declaration":
      case "enum_declaration":
        push(node.childForFieldName("name"), "type");
        break;
      case "method_definition":
        // Object-literal keys often mirror someone else's API; only class members are ours to name.
        if (node.parent?.type === "class_body" && node.childForFieldName("name")?.text !== "constructor") push(node.childForFieldName("name"), "method");
        break;
      case "variable_declarator": {
        const value = node.childForFieldName("value");
        if (value && FUNCTION_VALUES.has(value.type)) push(node.childForFieldName("name"), "function");
        else if (topLevel && node.parent?.child(0)?.type === "const" && isPrimitiveLiteral(value)) push(node.childForFieldName("name"), "constant");
        break;
      }
    }
    const childTopLevel = topLevel && (node.type === "program" || node.type === "export_statement" || node.type === "lexical_declaration");
    for (const child of node.namedChildren) visit(child, childTopLevel);
  };
  visit(root, true);
  return out;
}

/** The definition kind a Python `def` has: a method when its nearest enclosing definition is a class. */
function pythonDefKind(def: Parser.SyntaxNode): NameKind {
  for (let up = def.parent; up; up = up.parent) {
    if (up.type === "class_definition") return "method";
    if (up.type === "function_definition") return "function";
  }
  return "function";
}

function pythonNames(root: Parser.SyntaxNode): DeclaredName[] {
  const out: DeclaredName[] = [];
  for (const node of root.descendantsOfType(["function_definition", "class_definition"])) {
    const name = node.childForFieldName("name");
    if (!name) continue;
    if (node.type === "class_definition") {
      out.push({ name: name.text, kind: "class", node: name });
      continue;
    }
    if (/^__.*__$/.test(name.text) || FRAMEWORK_METHODS.has(name.text)) continue;
    out.push({ name: name.text, kind: pythonDefKind(node), node: name });
  }
  for (const stmt of root.namedChildren) {
    const assign = stmt.type === "expression_statement" ? stmt.namedChildren[0] : undefined;
    if (assign?.type !== "assignment") continue;
    const left = assign.childForFieldName("left");
    if (left?.type === "identifier" && !/^__.*__$/.test(left.text) && isPrimitiveLiteral(assign.childForFieldName("right"))) {
      out.push({ name: left.text, kind: "constant", node: left });
    }
  }
  return out;
}

/** Lists the functions, methods, classes, types and module-level literal constants a file declares. */
export function collectDeclaredNames(source: ParsedSource): DeclaredName[] {
  return source.language === "python" ? pythonNames(source.tree.rootNode) : ecmaNames(source.tree.rootNode);
}

/**
 * The cases a declared name counts as, for learning and for judging a convention. In JavaScript a
 * PascalCase function is a component or a constructor by long custom, so it is left out.
 */
export function conventionCasesOf(decl: DeclaredName, language: ParsedSource["language"]): NameCase[] {
  const cases = casesOf(decl.name);
  if (language !== "python" && decl.kind === "function" && cases.length === 1 && cases[0] === "PascalCase") return [];
  return cases;
}
