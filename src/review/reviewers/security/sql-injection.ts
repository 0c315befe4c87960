import type { FileContext, Rule } from "../../rule.js";
import { anchorLine, excerpt, firstAddedLine } from "./anchor-lines.js";
import {
  callArguments,
  calleeName,
  descendantsInScope,
  enclosingFunction,
  isStringish,
  propertyKeyName,
  stringValue,
  unwrap,
  type SyntaxNode,
} from "./js-syntax.js";
import { pyDottedPath, pyEnclosingFunction, pyImports, pyPositionalArgs, pyStringValue } from "./python-syntax.js";
import { provenanceOf } from "./taint-hints.js";
import { nodesOnMatchingLines, wordsPattern } from "./line-search.js";

// Methods of database clients and query builders that send their string argument as SQL.
const SQL_METHODS = new Set([
  "query",
  "execute",
  "exec",
  "raw",
  "whereRaw",
  "havingRaw",
  "orderByRaw",
  "joinRaw",
  "unsafe",
  "prepare",
  "$queryRawUnsafe",
  "$executeRawUnsafe",
]);
const PY_SQL_METHODS = new Set(["execute", "executemany", "executescript", "raw"]);

// Text that reads as a SQL statement, so that `.query(...)`/`.execute(...)` of other kinds do not count.
const SQL_SHAPE = /\b(select\b[\s\S]*\bfrom|insert\s+into|update\s+[\w."`\[\]]+\s+set|delete\s+from|where\s|order\s+by|group\s+by|values\s*\(|(drop|create|alter|truncate)\s+table|join\s+\w)/i;

// Calls whose result is safe to splice into SQL: numeric conversions and the drivers' escapers.
const SQL_SAFE_CALLS = /^(Number|parseInt|parseFloat|BigInt|Boolean|toFixed|escape\w*|quote\w*|format|literal|identifier|sqlstring)$/i;
// Builders of placeholder lists (`ids.map(() => "?").join(",")`) and their usual names.
const PLACEHOLDER_NAME = /placeholders?|bindings?|markers?/i;

/** A dynamic part of an assembled SQL string and whether it is one of the known-safe shapes. */
function isSafeSqlPart(part: SyntaxNode, root: SyntaxNode): boolean {
  const n = unwrap(part);
  if (provenanceOf(n, root) === "constant") return true;
  if (n.type === "identifier" || n.type === "member_expression") {
    const last = n.type === "identifier" ? n.text : n.childForFieldName("property")?.text ?? "";
    if (PLACEHOLDER_NAME.test(last)) return true;
    if (n.type === "identifier" && isNumberTyped(n)) return true;
  }
  if (n.type === "call_expression") {
    if (SQL_SAFE_CALLS.test(calleeName(n) ?? "")) return true;
    // `.join(", ")` over a list of `?`/`$n` markers.
    if (calleeName(n) === "join" && /["'`]\?["'`]|\$\$\{|`\$\$/.test(n.text)) return true;
  }
  return false;
}

/** True when the identifier is a parameter annotated `number`/`bigint`/`boolean` (TypeScript). */
function isNumberTyped(id: SyntaxNode): boolean {
  const fn = enclosingFunction(id);
  const params = fn?.childForFieldName("parameters");
  for (const p of params?.namedChildren ?? []) {
    if (p.childForFieldName("pattern")?.text !== id.text) continue;
    const type = p.childForFieldName("type")?.text.replace(/^:\s*/, "");
    return type === "number" || type === "bigint" || type === "boolean";
  }
  return false;
}

interface Assembly {
  /** The literal text, for recognising SQL. */
  text: string;
  /** The non-constant parts spliced in. */
  parts: SyntaxNode[];
}

/** Splits a template or `+` chain into its literal text and its spliced expressions. */
function assemblyOf(node: SyntaxNode, root: SyntaxNode): Assembly | undefined {
  const n = unwrap(node);
  if (n.type === "template_string") {
    const parts = n.namedChildren.filter((c) => c.type === "template_substitution").map((s) => s.namedChildren[0]).filter(Boolean);
    const text = n.namedChildren.filter((c) => c.type === "string_fragment").map((c) => c.text).join(" ? ");
    return { text, parts };
  }
  if (n.type === "binary_expression" && n.childForFieldName("operator")?.text === "+") {
    const pieces: SyntaxNode[] = [];
    const flatten = (e: SyntaxNode) => {
      const u = unwrap(e);
      if (u.type === "binary_expression" && u.childForFieldName("operator")?.text === "+") {
        flatten(u.childForFieldName("left")!);
        flatten(u.childForFieldName("right")!);
      } else pieces.push(u);
    };
    flatten(n);
    if (!pieces.some((p) => isStringish(p))) return undefined;
    let text = "";
    const parts: SyntaxNode[] = [];
    for (const piece of pieces) {
      const inner = assemblyOf(piece, root);
      const literal = stringValue(piece);
      if (literal !== undefined) text += literal;
      else if (inner) {
        text += inner.text;
        parts.push(...inner.parts);
      } else {
        text += " ? ";
        parts.push(piece);
      }
    }
    return { text, parts };
  }
  return undefined;
}

/** The unsafe spliced parts of an assembled SQL string, or [] when it is not assembled SQL. */
function unsafeParts(node: SyntaxNode, root: SyntaxNode): SyntaxNode[] {
  const assembly = assemblyOf(node, root);
  if (!assembly || !SQL_SHAPE.test(assembly.text)) return [];
  return assembly.parts.filter((p) => !isSafeSqlPart(p, root));
}

/** The query argument: the first argument, or its `text`/`sql` field (`{ text, values }` configs). */
function queryArgument(call: SyntaxNode): SyntaxNode | undefined {
  const first = unwrap(callArguments(call)[0]);
  if (first?.type !== "object") return first;
  for (const pair of first.namedChildren) {
    if (pair.type === "pair" && ["text", "sql", "query"].includes(propertyKeyName(pair.childForFieldName("key")) ?? "")) {
      return pair.childForFieldName("value") ?? undefined;
    }
  }
  return undefined;
}

/** The expressions that built a local string: its initializer and later `=`/`+=` before `use`. */
function localBuilders(id: SyntaxNode): SyntaxNode[] {
  const scope = enclosingFunction(id) ?? id.tree.rootNode;
  const builders: SyntaxNode[] = [];
  const kinds = new Set(["variable_declarator", "assignment_expression", "augmented_assignment_expression"]);
  for (const node of descendantsInScope(scope, kinds)) {
    if (node.startIndex >= id.startIndex) break;
    const target = node.childForFieldName(node.type === "variable_declarator" ? "name" : "left");
    const value = node.childForFieldName(node.type === "variable_declarator" ? "value" : "right");
    if (target?.type === "identifier" && target.text === id.text && value) builders.push(value);
  }
  return builders;
}

const MESSAGE_FIX =
  "Pass values as bound parameters (`query(\"... WHERE id = $1\", [id])` / `?` placeholders) or use a tagged template such as sql`...`; " +
  "table and column names must come from an allow-list.";

// Lines naming a query method: the only places a query call can start (or continue, `db\n.query(`).
const SQL_METHOD_WORDS = wordsPattern(SQL_METHODS)!;
const PY_SQL_WORDS = wordsPattern([...PY_SQL_METHODS, "text"])!;

function checkJavaScript(ctx: FileContext, root: SyntaxNode): void {
  // Unchanged calls count too when an added line builds their SQL, so search by name, not by change.
  for (const call of nodesOnMatchingLines(ctx, SQL_METHOD_WORDS, "call_expression")) {
    const fn = unwrap(call.childForFieldName("function"));
    if (fn?.type !== "member_expression" || !SQL_METHODS.has(fn.childForFieldName("property")?.text ?? "")) continue;
    const arg = queryArgument(call);
    if (!arg) continue;
    let culprits = unsafeParts(arg, root);
    let built: SyntaxNode | undefined;
    if (!culprits.length && unwrap(arg).type === "identifier") {
      // Incremental builders: the SQL text may be spread over `sql = "..."; sql += ...`.
      const builders = localBuilders(unwrap(arg));
      const text = builders.map((b) => assemblyOf(b, root)?.text ?? stringValue(b) ?? "").join(" ");
      if (SQL_SHAPE.test(text)) {
        for (const b of builders) {
          const parts = (assemblyOf(b, root)?.parts ?? []).filter((p) => !isSafeSqlPart(p, root));
          if (parts.length && !culprits.length) built = b;
          culprits.push(...parts);
        }
      }
    }
    if (!culprits.length) continue;
    const line = ctx.touchesAdded(call) ? anchorLine(ctx, call, arg) : firstAddedLine(ctx, [built]);
    if (line === undefined) continue;
    const method = fn.childForFieldName("property")!.text;
    ctx.report({
      line,
      message:
        `SQL passed to \`.${method}()\` is assembled from \`${excerpt(culprits.map((c) => c.text).join("`, `"), 60)}\`: ` +
        `a value containing a quote rewrites the statement (SQL injection). ${MESSAGE_FIX}`,
    });
  }
}

// Python's safe splices: numbers, lengths and placeholder strings.
function isSafePyPart(part: SyntaxNode): boolean {
  if (part.type === "integer" || part.type === "float" || pyStringValue(part) !== undefined) return true;
  if (part.type === "identifier") return /^[A-Z][A-Z0-9_]*$/.test(part.text) || PLACEHOLDER_NAME.test(part.text);
  if (part.type === "call") {
    const fn = part.childForFieldName("function");
    const name = pyDottedPath(fn)?.join(".") ?? "";
    if (["int", "float", "len", "bool"].includes(name)) return true;
    // `",".join("?" * len(ids))` and the like build placeholder lists.
    return fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "join" && /["'](\?|%s)["']/.test(part.text);
  }
  return false;
}

function pyAssembly(node: SyntaxNode): Assembly | undefined {
  if (node.type === "string" || node.type === "concatenated_string") {
    const strings = node.type === "string" ? [node] : node.namedChildren;
    const parts = strings.flatMap((s) => s.namedChildren.filter((c) => c.type === "interpolation").map((i) => i.childForFieldName("expression") ?? i.namedChildren[0]));
    if (!parts.length) return undefined;
    const text = strings.flatMap((s) => s.namedChildren.filter((c) => c.type === "string_content").map((c) => c.text)).join(" ? ");
    return { text, parts };
  }
  if (node.type === "binary_operator") {
    const op = node.childForFieldName("operator")?.text;
    const left = node.childForFieldName("left")!;
    const right = node.childForFieldName("right")!;
    const leftText = pyStringValue(left);
    if (op === "%" && leftText !== undefined) {
      return { text: leftText, parts: right.type === "tuple" || right.type === "dictionary" ? right.namedChildren : [right] };
    }
    if (op === "+") {
      const l = pyStringValue(left) !== undefined ? { text: pyStringValue(left)!, parts: [] } : pyAssembly(left) ?? { text: " ? ", parts: [left] };
      const r = pyStringValue(right) !== undefined ? { text: pyStringValue(right)!, parts: [] } : pyAssembly(right) ?? { text: " ? ", parts: [right] };
      if (pyStringValue(left) === undefined && pyStringValue(right) === undefined && !pyAssembly(left) && !pyAssembly(right)) return undefined;
      return { text: l.text + r.text, parts: [...l.parts, ...r.parts] };
    }
  }
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    const base = fn?.type === "attribute" ? pyStringValue(fn.childForFieldName("object")) : undefined;
    if (fn?.childForFieldName("attribute")?.text === "format" && base !== undefined) {
      const args = (node.childForFieldName("arguments")?.namedChildren ?? []).map((a) => (a.type === "keyword_argument" ? a.childForFieldName("value")! : a));
      return { text: base, parts: args };
    }
  }
  return undefined;
}

function pyLocalValue(id: SyntaxNode): SyntaxNode | undefined {
  let scope: SyntaxNode | undefined = pyEnclosingFunction(id);
  if (!scope) scope = id.tree.rootNode;
  let value: SyntaxNode | undefined;
  for (const assign of scope.descendantsOfType("assignment")) {
    if (assign.startIndex >= id.startIndex) break;
    const left = assign.childForFieldName("left");
    if (left?.type === "identifier" && left.text === id.text && pyEnclosingFunction(assign) === pyEnclosingFunction(id)) value = assign.childForFieldName("right") ?? undefined;
  }
  return value;
}

function checkPython(ctx: FileContext, root: SyntaxNode): void {
  const imported = pyImports(root);
  for (const call of nodesOnMatchingLines(ctx, PY_SQL_WORDS, "call")) {
    const fn = call.childForFieldName("function");
    const path = pyDottedPath(fn);
    const method = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : undefined;
    const isSqlalchemyText = path?.length === 1 && imported.get(path[0])?.startsWith("sqlalchemy") && path[0] === "text";
    if (!(method && PY_SQL_METHODS.has(method)) && !isSqlalchemyText) continue;
    const [arg] = pyPositionalArgs(call);
    if (!arg) continue;
    const built = arg.type === "identifier" ? pyLocalValue(arg) : undefined;
    const assembly = pyAssembly(built ?? arg);
    if (!assembly || !SQL_SHAPE.test(assembly.text)) continue;
    const culprits = assembly.parts.filter((p) => !isSafePyPart(p));
    if (!culprits.length) continue;
    const line = ctx.touchesAdded(call) ? anchorLine(ctx, call, arg) : firstAddedLine(ctx, [built]);
    if (line === undefined) continue;
    ctx.report({
      line,
      message:
        `SQL passed to \`${method ?? "text"}()\` is assembled from \`${excerpt(culprits.map((c) => c.text).join("`, `"), 60)}\` with an f-string, \`%\`, \`.format\` or \`+\`: ` +
        "a value containing a quote rewrites the statement (SQL injection). Pass the values separately: " +
        '`cursor.execute("... WHERE id = %s", (user_id,))` (or `text("... :id")` with bound parameters).',
    });
  }
}

/** SQL statements assembled by interpolation or concatenation and sent to a database call. */
export const sqlInjection: Rule = {
  meta: {
    id: "security/sql-injection",
    category: "security",
    severity: "blocking",
    confidence: 0.75,
    rationale: "SQL text assembled from values lets a quote in a value change the statement; bound parameters cannot.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    if (ctx.source!.language === "python") checkPython(ctx, root);
    else checkJavaScript(ctx, root);
  },
};
