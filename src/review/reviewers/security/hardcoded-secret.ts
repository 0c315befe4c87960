import type { FileContext, RawFinding, Rule } from "../../rule.js";
import { splitLines } from "../../file-context.js";
import { anchorLine } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { isTestPath } from "./file-roles.js";
import { lastName, propertyKeyName, stringValue, type SyntaxNode } from "./js-syntax.js";
import { pyDottedPath, pyStringValue } from "./python-syntax.js";
import { findKnownSecret, isSecretName, looksLikeCredential, maskSecret } from "./secret-formats.js";

// Expressions a literal can sit in and still be "the value" of the name around it.
const PASS_THROUGH = new Set([
  "parenthesized_expression", "binary_expression", "ternary_expression", "as_expression", "satisfies_expression", "non_null_expression",
  "boolean_operator", "conditional_expression", "concatenated_string",
]);
// Unparsed files where credentials turn up: configuration, environment, scripts, infrastructure.
const CONFIG_FILE = /(^|\/)\.env(\.[\w.-]+)?$|\.(ya?ml|json|toml|ini|properties|cfg|conf|sh|bash|tf|tfvars|xml|gradle)$/i;
const AUTH_SCHEME = /^(?:Bearer|Basic|token)\s+(\S{16,})$/;

/** The name a literal is assigned to: variable, property, parameter default, keyword argument. */
function assignedName(literal: SyntaxNode): string | undefined {
  let node = literal;
  while (node.parent && PASS_THROUGH.has(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case "variable_declarator":
      return parent.childForFieldName("name")?.text;
    case "assignment_expression":
    case "assignment_pattern":
      return lastName(parent.childForFieldName("left"));
    case "pair":
      return parent.childForFieldName("value")?.id === node.id ? keyName(parent.childForFieldName("key")) : undefined;
    case "public_field_definition":
    case "field_definition":
      return (parent.childForFieldName("name") ?? parent.childForFieldName("property"))?.text;
    case "required_parameter":
    case "optional_parameter":
      return parent.childForFieldName("pattern")?.text;
    // Python
    case "assignment": {
      const path = pyDottedPath(parent.childForFieldName("left"));
      return path ? path[path.length - 1] : undefined;
    }
    case "keyword_argument":
    case "default_parameter":
    case "typed_default_parameter":
      return parent.childForFieldName("name")?.text;
    default:
      return undefined;
  }
}

function isPythonString(node: SyntaxNode): boolean {
  return node.type === "string" && node.namedChildren.some((c) => c.type === "string_start");
}

function literalValue(node: SyntaxNode): string | undefined {
  return isPythonString(node) ? pyStringValue(node) : stringValue(node);
}

function keyName(key: SyntaxNode | null): string | undefined {
  if (!key) return undefined;
  return isPythonString(key) ? pyStringValue(key) : propertyKeyName(key);
}

function messageFor(kind: string, shown: string): string {
  return (
    `Hard-coded ${kind} (\`${shown}\`): anyone who can read this repository or its history can use it. ` +
    "Load it at runtime from an environment variable or a secret manager (e.g. `process.env.X` / `os.environ[\"X\"]`), and revoke this one: removing it later leaves it in git history."
  );
}

function checkLiterals(ctx: FileContext, report: (f: RawFinding) => void): void {
  for (const literal of addedNodesOf(ctx, ["string", "template_string"])) {
    const value = literalValue(literal);
    if (value === undefined || value.length < 10) continue;
    const known = findKnownSecret(value);
    if (known) {
      report({ line: anchorLine(ctx, literal), confidence: known.confidence, severity: known.confidence >= 0.8 ? "blocking" : "warning", message: messageFor(known.kind, maskSecret(known.token)) });
      continue;
    }
    const name = assignedName(literal);
    if (!name) continue;
    const scheme = AUTH_SCHEME.exec(value);
    if (scheme && /authorization/i.test(name) && looksLikeCredential(scheme[1], "token")) {
      report({ line: anchorLine(ctx, literal), confidence: 0.6, severity: "warning", message: messageFor("authorization credential", maskSecret(value)) });
    } else if (isSecretName(name) && looksLikeCredential(value, name)) {
      report({ line: anchorLine(ctx, literal), confidence: 0.6, severity: "warning", message: messageFor(`value for \`${name}\``, maskSecret(value)) });
    }
  }
}

/** Known credential shapes on added lines of configuration files the engine does not parse. */
function checkConfigText(ctx: FileContext, report: (f: RawFinding) => void): void {
  if (!CONFIG_FILE.test(ctx.path)) return;
  const lines = splitLines(ctx.newText);
  for (const line of [...ctx.addedLines].sort((a, b) => a - b)) {
    const known = findKnownSecret(lines[line - 1] ?? "");
    if (known) report({ line, confidence: known.confidence, severity: known.confidence >= 0.8 ? "blocking" : "warning", message: messageFor(known.kind, maskSecret(known.token)) });
  }
}

/** Credentials committed in added code: known token formats, and random-looking values of secret-named fields. */
export const hardcodedSecret: Rule = {
  meta: {
    id: "security/hardcoded-secret",
    category: "security",
    severity: "blocking",
    confidence: 0.9,
    rationale: "A credential committed to the repository is readable by everyone with access, forever (git history), and must be rotated.",
    languages: "any",
  },
  checkFile(ctx) {
    // Test fixtures carry fake credentials on purpose; keep them visible but quiet.
    const inTest = isTestPath(ctx.path);
    const report = (f: RawFinding) =>
      ctx.report(inTest ? { ...f, severity: "warning", confidence: Math.round((f.confidence ?? 0.9) * 50) / 100 } : f);
    if (ctx.source) checkLiterals(ctx, report);
    else checkConfigText(ctx, report);
  },
};
