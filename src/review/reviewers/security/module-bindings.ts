import { callArguments, calleeName, memberPath, requiredModule, unwrap, type SyntaxNode } from "./js-syntax.js";

/** What a local name refers to: a module (`path` []) or a member path of its exports. */
export interface ModuleBinding {
  /** Module specifier without `node:`, e.g. "child_process", "fs/promises". */
  module: string;
  /** Export path inside the module: [] for the module itself, ["exec"], ["promises"]. */
  path: string[];
}

/** A resolved callee: which module member a call ends up in. */
export interface ResolvedCallee {
  module: string;
  /** Member path below the module, e.g. ["exec"] or ["promises", "readFile"]. */
  path: string[];
}

// Wrappers that return a function with the same inputs (and the same danger) as their argument.
const SAME_INPUT_WRAPPERS = new Set(["promisify"]);

const cache = new WeakMap<SyntaxNode, Map<string, ModuleBinding>>();

/**
 * Collects the file's module bindings: ES imports (`import cp from`, `import * as cp from`,
 * `import { exec as run } from`), `require` (whole, destructured, or a member of it), and
 * `promisify(exec)` aliases. Scoping is ignored: module imports are almost always top-level.
 */
export function moduleBindings(root: SyntaxNode): Map<string, ModuleBinding> {
  const cached = cache.get(root);
  if (cached) return cached;
  const bindings = new Map<string, ModuleBinding>();

  for (const imp of root.descendantsOfType("import_statement")) {
    const source = imp.childForFieldName("source");
    const spec = source ? source.text.slice(1, -1).replace(/^node:/, "") : undefined;
    if (!spec) continue;
    const clause = imp.namedChildren.find((c) => c.type === "import_clause");
    if (!clause) continue;
    for (const part of clause.namedChildren) {
      if (part.type === "identifier") bindings.set(part.text, { module: spec, path: [] });
      else if (part.type === "namespace_import") {
        const id = part.namedChildren.find((c) => c.type === "identifier");
        if (id) bindings.set(id.text, { module: spec, path: [] });
      } else if (part.type === "named_imports") {
        for (const specifier of part.namedChildren) {
          if (specifier.type !== "import_specifier") continue;
          const name = specifier.childForFieldName("name")?.text;
          const alias = specifier.childForFieldName("alias")?.text ?? name;
          if (name && alias) bindings.set(alias, { module: spec, path: name === "default" ? [] : [name] });
        }
      }
    }
  }

  // Declarators in source order, so that `const run = promisify(exec)` sees `exec` bound.
  for (const decl of root.descendantsOfType("variable_declarator")) {
    const name = decl.childForFieldName("name");
    const value = unwrap(decl.childForFieldName("value"));
    if (!name || !value) continue;
    const target = bindingOfExpression(value, bindings);
    if (!target) continue;
    if (name.type === "identifier") bindings.set(name.text, target);
    else if (name.type === "object_pattern") {
      for (const prop of name.namedChildren) {
        if (prop.type === "shorthand_property_identifier_pattern") {
          bindings.set(prop.text, { module: target.module, path: [...target.path, prop.text] });
        } else if (prop.type === "pair_pattern") {
          const key = prop.childForFieldName("key")?.text;
          const local = unwrap(prop.childForFieldName("value"));
          if (key && local?.type === "identifier") bindings.set(local.text, { module: target.module, path: [...target.path, key] });
        }
      }
    }
  }
  cache.set(root, bindings);
  return bindings;
}

function bindingOfExpression(value: SyntaxNode, bindings: Map<string, ModuleBinding>): ModuleBinding | undefined {
  if (value.type === "await_expression") return bindingOfExpression(unwrap(value.namedChildren[0]), bindings);
  if (value.type === "call_expression") {
    const module = requiredModule(value);
    if (module !== undefined) return { module, path: [] };
    if (SAME_INPUT_WRAPPERS.has(calleeName(value) ?? "")) {
      const [arg] = callArguments(value);
      return arg ? resolveReference(arg, bindings) : undefined;
    }
    return undefined;
  }
  return resolveReference(value, bindings);
}

function resolveReference(node: SyntaxNode, bindings: Map<string, ModuleBinding>): ModuleBinding | undefined {
  const path = memberPath(node);
  if (!path) return undefined;
  const [head, ...rest] = path;
  if (head.startsWith("require:")) return { module: head.slice("require:".length), path: rest };
  const bound = bindings.get(head);
  return bound ? { module: bound.module, path: [...bound.path, ...rest] } : undefined;
}

/** Local names bound to `module` itself or to one of its members (`cp`, `exec`, `run` for `promisify(exec)`). */
export function namesBoundTo(root: SyntaxNode, module: string): string[] {
  const names: string[] = [];
  for (const [name, binding] of moduleBindings(root)) if (binding.module === module) names.push(name);
  return names;
}

/**
 * Resolves the callee of a call or `new` expression to a module member, e.g.
 * `cp.exec(...)`, `exec(...)` after `import { exec }`, `require("fs").readFileSync(...)`.
 * Undefined when the callee is not traced to an import.
 */
export function resolveCallee(call: SyntaxNode, root: SyntaxNode): ResolvedCallee | undefined {
  const fn = call.childForFieldName("function") ?? call.childForFieldName("constructor");
  if (!fn) return undefined;
  const resolved = resolveReference(fn, moduleBindings(root));
  if (!resolved) return undefined;
  // `fs/promises` is `fs.promises`; normalizing lets rules list names once.
  if (resolved.module === "fs/promises") return { module: "fs", path: ["promises", ...resolved.path] };
  return resolved;
}
