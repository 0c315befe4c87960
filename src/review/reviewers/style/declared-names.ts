import type Parser from "tree-sitter";
import type { ParsedSource } from "../../../code/parse-source.js";
import type { FileContext } from "../../rule.js";
import { addedNodesOfType } from "../correctness/added-nodes.js";
import { casesOf, type NameCase } from "./name-case.js";

/** The kinds of declaration whose naming a codebase tends to keep consistent. */
export type NameKind = "function" | "method" | "class" | "type" | "constant";

/** One declared name and where its identifier sits. */
export interface DeclaredName {
  name: string;
  kind: NameKind;
  node: Parser.SyntaxNode;
}

type Node = Parser.SyntaxNode;

const FUNCTION_VALUES = new Set(["arrow_function", "function_expression", "function", "generator_function"]);
const PRIMITIVE_LITERALS = new Set(["string", "number", "true", "false", "integer", "float"]);
// The value types `isPrimitiveLiteral` can accept: anything else is rejected before looking further.
const LITERAL_CANDIDATES = new Set([...PRIMITIVE_LITERALS, "unary_expression", "template_string"]);
// Hook names that unittest and friends dictate; a subclass cannot choose them.
const FRAMEWORK_METHODS = new Set(["setUp", "tearDown", "setUpClass", "tearDownClass", "setUpModule", "tearDownModule", "asyncSetUp", "asyncTearDown", "addCleanup", "setUpTestData"]);
const NAME_NODES = new Set(["identifier", "type_identifier", "property_identifier"]);

/** The ECMAScript node types that can declare a name; one native search finds them all. */
const ECMA_DECLARATIONS: Record<string, NameKind | undefined> = {
  function_declaration: "function",
  generator_function_declaration: "function",
  class_declaration: "class",
  abstract_class_declaration: "class",
  interface_declaration: "type",
  type_alias_declaration: "type",
  enum_declaration: "type",
  method_definition: "method",
  // A function when its value is one, a constant when it is a module-level literal.
  variable_declarator: undefined,
};
const ECMA_TYPES: readonly string[] = Object.keys(ECMA_DECLARATIONS);
const PYTHON_DEFINITIONS: readonly string[] = ["function_definition", "class_definition"];
const PYTHON_ADDED_TYPES = [...PYTHON_DEFINITIONS, "expression_statement"];
// A declarator is module-level when every node above it is one of these.
const TOP_LEVEL_CHAIN = new Set(["program", "export_statement", "lexical_declaration"]);

function isPrimitiveLiteral(node: Node | null): boolean {
  if (!node) return false;
  if (node.type === "unary_expression") return isPrimitiveLiteral(node.childForFieldName("argument"));
  if (node.type === "template_string") return !node.namedChildren.some((c) => c.type === "template_substitution");
  if (node.type === "string" && node.namedChildren.some((c) => c.type === "interpolation")) return false;
  return PRIMITIVE_LITERALS.has(node.type);
}

function isTopLevel(node: Node): boolean {
  for (let up = node.parent; up; up = up.parent) if (!TOP_LEVEL_CHAIN.has(up.type)) return false;
  return true;
}

/** The name an ECMAScript declaration node declares, if it is one the conventions cover. */
function ecmaNameOf(node: Node): DeclaredName | undefined {
  const type = node.type;
  let kind = ECMA_DECLARATIONS[type];
  if (type === "method_definition") {
    // Object-literal keys often mirror someone else's API; only class members are ours to name.
    if (node.parent?.type !== "class_body") return undefined;
  } else if (type === "variable_declarator") {
    const value = node.childForFieldName("value");
    const valueType = value?.type;
    if (valueType !== undefined && FUNCTION_VALUES.has(valueType)) kind = "function";
    // Cheapest tests first: most declarators hold calls or objects, and most are inside functions.
    else if (valueType !== undefined && LITERAL_CANDIDATES.has(valueType) && isTopLevel(node) && node.parent?.child(0)?.type === "const" && isPrimitiveLiteral(value)) kind = "constant";
    else return undefined;
  }
  if (!kind) return undefined;
  const name = node.childForFieldName("name");
  if (!name || !NAME_NODES.has(name.type)) return undefined;
  const text = name.text;
  if (type === "method_definition" && text === "constructor") return undefined;
  return { name: text, kind, node: name };
}

/** The definition kind a Python `def` has: a method when its nearest enclosing definition is a class. */
function pythonDefKind(def: Node): NameKind {
  for (let up = def.parent; up; up = up.parent) {
    if (up.type === "class_definition") return "method";
    if (up.type === "function_definition") return "function";
  }
  return "function";
}

function pythonDefinitionName(node: Node): DeclaredName | undefined {
  const name = node.childForFieldName("name");
  if (!name) return undefined;
  const text = name.text;
  if (node.type === "class_definition") return { name: text, kind: "class", node: name };
  if (/^__.*__$/.test(text) || FRAMEWORK_METHODS.has(text)) return undefined;
  return { name: text, kind: pythonDefKind(node), node: name };
}

/** A module-level `NAME = <literal>` statement's constant (the caller checks it is module-level). */
function pythonConstantName(stmt: Node): DeclaredName | undefined {
  const assign = stmt.type === "expression_statement" ? stmt.firstNamedChild : undefined;
  if (assign?.type !== "assignment") return undefined;
  const left = assign.childForFieldName("left");
  if (left?.type !== "identifier") return undefined;
  const text = left.text;
  if (/^__.*__$/.test(text) || !isPrimitiveLiteral(assign.childForFieldName("right"))) return undefined;
  return { name: text, kind: "constant", node: left };
}

function definedNames<T>(nodes: readonly T[], nameOf: (node: T) => DeclaredName | undefined, out: DeclaredName[]): DeclaredName[] {
  for (const node of nodes) {
    const decl = nameOf(node);
    if (decl) out.push(decl);
  }
  return out;
}

/** The node types {@link declaredNamesOf} reads, for a caller that searches the tree for more. */
export function declarationTypes(language: ParsedSource["language"]): readonly string[] {
  return language === "python" ? PYTHON_DEFINITIONS : ECMA_TYPES;
}

/**
 * {@link collectDeclaredNames} from a search the caller made: `declarations` are the file's nodes
 * of {@link declarationTypes}, in document order.
 */
export function declaredNamesOf(source: ParsedSource, declarations: readonly Node[]): DeclaredName[] {
  if (source.language !== "python") return definedNames(declarations, ecmaNameOf, []);
  const out = definedNames(declarations, pythonDefinitionName, []);
  return definedNames(source.tree.rootNode.namedChildren, pythonConstantName, out);
}

/** Lists the functions, methods, classes, types and module-level literal constants a file declares. */
export function collectDeclaredNames(source: ParsedSource): DeclaredName[] {
  // One native search for the declaring node types: walking every node through `.namedChildren`
  // from JavaScript cost ~10x as much on large files.
  return declaredNamesOf(source, source.tree.rootNode.descendantsOfType(declarationTypes(source.language) as string[]));
}

/**
 * The declared names whose identifier sits on a line the change adds, in the order
 * {@link collectDeclaredNames} lists them. Searches only the changed ranges of the file.
 */
export function addedDeclaredNames(ctx: FileContext): DeclaredName[] {
  const source = ctx.source;
  if (!source) return [];
  let names: DeclaredName[];
  if (source.language !== "python") {
    names = definedNames(addedNodesOfType(ctx, ECMA_TYPES), ecmaNameOf, []);
  } else {
    const nodes = addedNodesOfType(ctx, PYTHON_ADDED_TYPES);
    names = definedNames(
      nodes.filter((n) => n.type !== "expression_statement"),
      pythonDefinitionName,
      [],
    );
    // Only the module's own statements declare constants.
    definedNames(
      nodes.filter((n) => n.type === "expression_statement" && n.parent?.type === "module"),
      pythonConstantName,
      names,
    );
  }
  return names.filter((d) => ctx.addedLines.has(d.node.startPosition.row + 1));
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
