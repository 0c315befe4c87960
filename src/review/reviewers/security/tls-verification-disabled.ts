import type { FileContext, RawFinding, Rule } from "../../rule.js";
import { splitLines } from "../../file-context.js";
import { anchorLine } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { isTestPath } from "./file-roles.js";
import { FUNCTION_TYPES, memberPath, propertyKeyName, stringValue, unwrap, type SyntaxNode } from "./js-syntax.js";
import { pyDottedPath, pyKeywordArg } from "./python-syntax.js";

const JS_MESSAGE =
  "turns off certificate checking: anyone on the network path can pose as the server and read or change the traffic (tokens included). " +
  "Remove it; to trust a private CA pass its certificate with the `ca` option or `NODE_EXTRA_CA_CERTS`.";
const PY_MESSAGE =
  "turns off certificate checking: anyone on the network path can pose as the server and read or change the traffic. " +
  'Remove it; to trust a private CA pass its bundle instead (`verify="/path/ca.pem"`, `ssl.create_default_context(cafile=...)`).';
const PY_HTTP_CALLS = new Set(["get", "post", "put", "patch", "delete", "head", "options", "request", "send", "stream", "Client", "AsyncClient", "urlopen"]);
const CONFIG_FILE = /(^|\/)\.env(\.[\w.-]+)?$|\.(ya?ml|json|toml|ini|sh|bash|conf)$|(^|\/)Dockerfile$/i;

function isFalse(node: SyntaxNode | null | undefined): boolean {
  const n = unwrap(node);
  return n?.type === "false" || n?.text === "0";
}

function isZeroString(node: SyntaxNode | null | undefined): boolean {
  const n = unwrap(node);
  return stringValue(n) === "0" || n?.text === "0" || n?.type === "false";
}

/** `() => {}`, `() => undefined`, `function () { return undefined; }`: a check that accepts everything. */
function acceptsEverything(node: SyntaxNode | null | undefined): boolean {
  const fn = unwrap(node);
  if (!fn || !FUNCTION_TYPES.has(fn.type)) return false;
  const body = fn.childForFieldName("body");
  if (!body) return false;
  if (body.type !== "statement_block") return body.type === "undefined" || body.type === "null";
  const statements = body.namedChildren.filter((c) => c.type !== "comment");
  if (!statements.length) return true;
  return statements.length === 1 && statements[0].type === "return_statement" && ["", "undefined", "null"].includes(statements[0].namedChildren[0]?.text ?? "");
}

/** What a `key: value` (or `x.key = value`) setting disables, if anything. */
function disabledSetting(key: string, value: SyntaxNode | null): string | undefined {
  if ((key === "rejectUnauthorized" || key === "strictSSL") && isFalse(value)) return `\`${key}: false\``;
  if (key === "NODE_TLS_REJECT_UNAUTHORIZED" && isZeroString(value)) return "`NODE_TLS_REJECT_UNAUTHORIZED=0`";
  if (key === "checkServerIdentity" && acceptsEverything(value)) return "a `checkServerIdentity` that accepts every certificate";
  return undefined;
}

function checkJavaScript(ctx: FileContext, report: (f: RawFinding) => void): void {
  const root = ctx.source!.tree.rootNode;
  for (const pair of addedNodesOf(ctx, "pair")) {
    const what = disabledSetting(propertyKeyName(pair.childForFieldName("key")) ?? "", pair.childForFieldName("value"));
    if (what) report({ line: anchorLine(ctx, pair), message: `${what} ${JS_MESSAGE}` });
  }
  for (const assign of addedNodesOf(ctx, "assignment_expression")) {
    const path = memberPath(assign.childForFieldName("left"));
    const what = path && disabledSetting(path[path.length - 1], assign.childForFieldName("right"));
    if (what) report({ line: anchorLine(ctx, assign), message: `${what} ${JS_MESSAGE}` });
  }
}

function checkPython(ctx: FileContext, report: (f: RawFinding) => void): void {
  const root = ctx.source!.tree.rootNode;
  for (const call of addedNodesOf(ctx, "call")) {
    const path = pyDottedPath(call.childForFieldName("function")) ?? [];
    const name = path[path.length - 1] ?? "";
    if (PY_HTTP_CALLS.has(name) && pyKeywordArg(call, "verify")?.type === "false") {
      report({ line: anchorLine(ctx, call, pyKeywordArg(call, "verify")), message: `\`verify=False\` ${PY_MESSAGE}` });
    } else if (name === "TCPConnector" && (pyKeywordArg(call, "ssl")?.type === "false" || pyKeywordArg(call, "verify_ssl")?.type === "false")) {
      report({ line: anchorLine(ctx, call), message: `\`TCPConnector(ssl=False)\` ${PY_MESSAGE}` });
    } else if (name === "_create_unverified_context") {
      report({ line: anchorLine(ctx, call), message: `\`ssl._create_unverified_context()\` ${PY_MESSAGE}` });
    }
  }
  for (const assign of addedNodesOf(ctx, "assignment")) {
    const left = pyDottedPath(assign.childForFieldName("left")) ?? [];
    const target = left[left.length - 1];
    const right = assign.childForFieldName("right");
    const rightText = right?.text ?? "";
    const disabled =
      (target === "verify" && left.length > 1 && right?.type === "false") ||
      (target === "check_hostname" && right?.type === "false") ||
      (target === "verify_mode" && /CERT_NONE$/.test(rightText)) ||
      (target === "_create_default_https_context" && /_create_unverified_context$/.test(rightText));
    if (disabled) report({ line: anchorLine(ctx, assign), message: `\`${assign.text.replace(/\s+/g, " ")}\` ${PY_MESSAGE}` });
  }
}

function checkConfigText(ctx: FileContext, report: (f: RawFinding) => void): void {
  if (!CONFIG_FILE.test(ctx.path)) return;
  const lines = splitLines(ctx.newText);
  for (const line of [...ctx.addedLines].sort((a, b) => a - b)) {
    if (/\bNODE_TLS_REJECT_UNAUTHORIZED["']?\s*[=:]\s*["']?0\b/.test(lines[line - 1] ?? "")) {
      report({ line, message: `\`NODE_TLS_REJECT_UNAUTHORIZED=0\` ${JS_MESSAGE}` });
    }
  }
}

/** Disabled TLS certificate verification: `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, Python `verify=False`. */
export const tlsVerificationDisabled: Rule = {
  meta: {
    id: "security/tls-verification-disabled",
    category: "security",
    severity: "warning",
    confidence: 0.85,
    rationale: "Without certificate checks TLS no longer authenticates the server, so a network attacker can read and alter the connection.",
    languages: "any",
  },
  checkFile(ctx) {
    // Tests often talk to self-signed local servers on purpose.
    const inTest = isTestPath(ctx.path);
    const report = (f: RawFinding) => ctx.report(inTest ? { ...f, confidence: 0.4 } : f);
    if (!ctx.source) checkConfigText(ctx, report);
    else if (ctx.source.language === "python") checkPython(ctx, report);
    else checkJavaScript(ctx, report);
  },
};
