import { posix } from "node:path";
import type Parser from "tree-sitter";
import type { ParsedSource } from "./parse-source.js";
import { startLineOf } from "./parse-source.js";

/** How a module reference is written. */
export type ImportKind = "import" | "require" | "dynamic" | "export-from" | "python";

/** One module reference found in a file. */
export interface ImportRef {
  /** The module as written: `./x.js`, `lodash`, `..pkg.mod` (Python relative dots kept). */
  specifier: string;
  /** 1-based line of the statement or call. */
  line: number;
  /**
   * The target module's names this reference binds: imported names as the target exports them
   * (`b` for `import { b as c }`), `"default"` for a default import, `"*"` for a whole-module
   * binding (namespace import, `const m = require(...)`, `export *`, Python `import a.b`,
   * `from m import *`), and none for side-effect imports and unbound dynamic imports.
   */
  names: string[];
  kind: ImportKind;
}

function stringValue(node: Parser.SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "string") {
    // Escapes in module specifiers are vanishingly rare; the fragment text is what we want.
    return node.namedChildren.filter((c) => c.type === "string_fragment").map((c) => c.text).join("");
  }
  // A template literal without substitutions is a constant specifier too.
  if (node.type === "template_string" && !node.namedChildren.some((c) => c.type === "template_substitution")) {
    return node.text.slice(1, -1);
  }
  return undefined;
}

function firstStringArgument(call: Parser.SyntaxNode): string | undefined {
  const args = call.childForFieldName("arguments");
  const first = args?.namedChildren[0];
  return args?.namedChildCount === 1 ? stringValue(first) : undefined;
}

function importClauseNames(clause: Parser.SyntaxNode): string[] {
  const names: string[] = [];
  for (const child of clause.namedChildren) {
    if (child.type === "identifier") names.push("default");
    else if (child.type === "namespace_import") names.push("*");
    else if (child.type === "named_imports") {
      for (const spec of child.namedChildren) {
        if (spec.type !== "import_specifier") continue;
        const name = spec.childForFieldName("name");
        if (name) names.push(name.text);
      }
    }
  }
  return names;
}

function exportFromNames(statement: Parser.SyntaxNode): string[] {
  const clause = statement.namedChildren.find((c) => c.type === "export_clause");
  if (!clause) return ["*"]; // `export * from` and `export * as ns from`
  const names: string[] = [];
  for (const spec of clause.namedChildren) {
    if (spec.type !== "export_specifier") continue;
    const name = spec.childForFieldName("name");
    if (name) names.push(name.text);
  }
  return names;
}

/** Names bound by the value that `receiver` (the parent of the call or await) receives. */
function boundNames(receiver: Parser.SyntaxNode | null, whenUnbound: string[]): string[] {
  if (receiver?.type === "variable_declarator") {
    const pattern = receiver.childForFieldName("name");
    if (pattern?.type !== "object_pattern") return ["*"];
    const names: string[] = [];
    for (const prop of pattern.namedChildren) {
      if (prop.type === "shorthand_property_identifier_pattern") names.push(prop.text);
      else if (prop.type === "pair_pattern") {
        const key = prop.childForFieldName("key");
        if (key) names.push(key.text);
      }
    }
    return names;
  }
  // `require("x").y` binds one name.
  if (receiver?.type === "member_expression") {
    const prop = receiver.childForFieldName("property");
    return prop ? [prop.text] : ["*"];
  }
  if (receiver?.type === "expression_statement") return [];
  return whenUnbound;
}

function requireNames(call: Parser.SyntaxNode): string[] {
  return boundNames(call.parent, ["*"]);
}

function dynamicImportNames(call: Parser.SyntaxNode): string[] {
  const up = call.parent?.type === "await_expression" ? call.parent.parent : call.parent;
  // `import("x").then(...)` binds through a callback we do not follow.
  return up?.type === "member_expression" ? [] : boundNames(up, []);
}

function extractEcmaImports(root: Parser.SyntaxNode): ImportRef[] {
  const refs: ImportRef[] = [];
  const visit = (node: Parser.SyntaxNode) => {
    switch (node.type) {
      case "import_statement": {
        const source = stringValue(node.childForFieldName("source"));
        const clause = node.namedChildren.find((c) => c.type === "import_clause");
        const requireClause = node.namedChildren.find((c) => c.type === "import_require_clause");
        if (source !== undefined) {
          refs.push({ specifier: source, line: startLineOf(node), names: clause ? importClauseNames(clause) : [], kind: "import" });
        } else if (requireClause) {
          // TypeScript's `import fs = require("fs")`.
          const spec = stringValue(requireClause.childForFieldName("source"));
          if (spec !== undefined) refs.push({ specifier: spec, line: startLineOf(node), names: ["*"], kind: "require" });
        }
        return;
      }
      case "export_statement": {
        const source = stringValue(node.childForFieldName("source"));
        if (source !== undefined) {
          refs.push({ specifier: source, line: startLineOf(node), names: exportFromNames(node), kind: "export-from" });
          return;
        }
        break;
      }
      case "call_expression": {
        const fn = node.childForFieldName("function");
        if (fn?.type === "import") {
          const spec = firstStringArgument(node);
          if (spec !== undefined) refs.push({ specifier: spec, line: startLineOf(node), names: dynamicImportNames(node), kind: "dynamic" });
        } else if (fn?.type === "identifier" && fn.text === "require") {
          const spec = firstStringArgument(node);
          if (spec !== undefined) refs.push({ specifier: spec, line: startLineOf(node), names: requireNames(node), kind: "require" });
        }
        break;
      }
    }
    for (const child of node.namedChildren) visit(child);
  };
  visit(root);
  return refs;
}

function pythonModuleName(node: Parser.SyntaxNode | null): string | undefined {
  if (!node) return undefined;
  if (node.type === "dotted_name") return node.text;
  if (node.type === "aliased_import") return pythonModuleName(node.childForFieldName("name"));
  // relative_import: import_prefix ("." / "..") followed by an optional dotted_name.
  if (node.type === "relative_import") return node.text.replace(/\s+/g, "");
  return undefined;
}

function extractPythonImports(root: Parser.SyntaxNode): ImportRef[] {
  const refs: ImportRef[] = [];
  const visit = (node: Parser.SyntaxNode) => {
    if (node.type === "import_statement") {
      for (const name of node.childrenForFieldName("name")) {
        const spec = pythonModuleName(name);
        if (spec) refs.push({ specifier: spec, line: startLineOf(node), names: ["*"], kind: "python" });
      }
      return;
    }
    if (node.type === "import_from_statement") {
      const spec = pythonModuleName(node.childForFieldName("module_name"));
      if (!spec) return;
      const names = node.namedChildren.some((c) => c.type === "wildcard_import")
        ? ["*"]
        : node.childrenForFieldName("name").map((n) => pythonModuleName(n)).filter((n): n is string => n !== undefined);
      refs.push({ specifier: spec, line: startLineOf(node), names, kind: "python" });
      return;
    }
    for (const child of node.namedChildren) visit(child);
  };
  visit(root);
  return refs;
}

/**
 * Lists the module references of a parsed file, in source order: ES imports (default, named,
 * namespace, side-effect, `import type`), `export … from`, `require("x")`, dynamic `import("x")`,
 * and Python `import a.b` / `from .x import y`. Only constant specifiers are reported.
 */
export function extractImports(source: ParsedSource): ImportRef[] {
  const refs = source.language === "python" ? extractPythonImports(source.tree.rootNode) : extractEcmaImports(source.tree.rootNode);
  return refs.sort((a, b) => a.line - b.line);
}

const SCRIPT_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];
// TypeScript ESM projects import `./x.js` for `./x.ts` (the emitted name); map back to sources.
const EMITTED_TO_SOURCE: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

function resolveScript(base: string, fileExists: (p: string) => boolean): string | undefined {
  if (fileExists(base)) return base;
  const ext = posix.extname(base);
  const mapped = EMITTED_TO_SOURCE[ext];
  if (mapped) {
    const stem = base.slice(0, -ext.length);
    for (const m of mapped) if (fileExists(stem + m)) return stem + m;
  }
  for (const e of [...SCRIPT_EXTENSIONS, ".py"]) if (fileExists(base + e)) return base + e;
  for (const e of SCRIPT_EXTENSIONS) if (fileExists(`${base}/index${e}`)) return `${base}/index${e}`;
  return undefined;
}

function resolvePythonPath(base: string, fileExists: (p: string) => boolean): string | undefined {
  for (const candidate of [`${base}.py`, `${base}/__init__.py`, `${base}.pyi`]) {
    const clean = posix.normalize(candidate).replace(/^\.\//, "");
    if (!clean.startsWith("../") && fileExists(clean)) return clean;
  }
  return undefined;
}

// Where Python projects usually keep their top-level packages, for absolute imports.
const PYTHON_ROOTS = ["", "src/", "lib/"];

function resolvePython(fromPath: string, specifier: string, fileExists: (p: string) => boolean): string | undefined {
  const dots = /^\.*/.exec(specifier)![0].length;
  const rest = specifier.slice(dots).split(".").filter(Boolean).join("/");
  if (dots === 0) {
    for (const root of PYTHON_ROOTS) {
      const hit = resolvePythonPath(root + rest, fileExists);
      if (hit) return hit;
    }
    return undefined;
  }
  // One dot is the importing file's own package; each further dot goes one level up.
  let dir = posix.dirname(fromPath);
  for (let i = 1; i < dots; i++) dir = posix.dirname(dir);
  if (dir === ".") dir = "";
  const base = rest ? (dir ? `${dir}/${rest}` : rest) : dir;
  return rest ? resolvePythonPath(base, fileExists) : resolvePythonPath(`${base}/__init__`.replace(/^\//, ""), fileExists);
}

/**
 * Resolves a specifier written in `fromPath` to a repository path (POSIX, relative to the root), or
 * undefined for packages and anything that does not exist. Relative script specifiers try the path
 * as written, the `.js`→`.ts` mapping of TypeScript ESM, the usual extensions and `/index.*`. Python
 * relative specifiers (`.x`, `..pkg.mod`) resolve against the importing file's package; absolute
 * Python specifiers are tried from the repository root, `src/` and `lib/`.
 */
export function resolveImport(fromPath: string, specifier: string, fileExists: (p: string) => boolean): string | undefined {
  if (fromPath.endsWith(".py") || fromPath.endsWith(".pyi")) return resolvePython(fromPath, specifier, fileExists);
  if (!specifier.startsWith("./") && !specifier.startsWith("../") && specifier !== "." && specifier !== "..") return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  if (joined.startsWith("../") || joined === "..") return undefined;
  return resolveScript(joined === "." ? "index" : joined.replace(/\/$/, ""), fileExists);
}

/**
 * Every repository file one reference may load: the resolved module and, for Python
 * `from pkg import name`, the submodule `pkg/name.py` when `name` is one.
 */
export function resolveImportTargets(fromPath: string, ref: ImportRef, fileExists: (p: string) => boolean): string[] {
  const targets = new Set<string>();
  const main = resolveImport(fromPath, ref.specifier, fileExists);
  if (main) targets.add(main);
  if (ref.kind === "python") {
    for (const name of ref.names) {
      if (name === "*") continue;
      const sep = ref.specifier.endsWith(".") ? "" : ".";
      const sub = resolveImport(fromPath, `${ref.specifier}${sep}${name}`, fileExists);
      if (sub) targets.add(sub);
    }
  }
  return [...targets];
}
