import type { FileContext, RawFinding } from "../../rule.js";
import { anchorLine, excerpt, firstAddedLine } from "./anchor-lines.js";
import { callArguments, calleeName, enclosingFunction, memberPath, unwrap, type SyntaxNode } from "./js-syntax.js";
import { addedNodesOf } from "./line-search.js";
import { resolveCallee } from "./module-bindings.js";
import { carriesRequestInput, localInitializer, outermostFunction, requestTaintedLocals } from "./taint-hints.js";

// Receivers that are the path module by convention when its import is out of sight.
const PATH_NAMES = new Set(["path", "pth", "nodePath", "posix"]);
const JOINERS = new Set(["join", "resolve"]);
const MENTIONS_PATH_MODULE = /["'](?:node:)?path(?:\/posix)?["']/;
// Calls that turn a URL path back into raw characters, `%2e%2e%2f` into `../`.
const DECODERS = new Set(["decodeURIComponent", "decodeURI", "unescape"]);
// Names archives give to the path of an entry (zip, tar): chosen by whoever made the archive.
const ENTRY_NAMES = new Set(["entryName", "fileName", "filename"]);
const ENTRY_OBJECTS = /^(entry|header|file|zipEntry|item)$/i;

/** `path.join(...)` / `resolve(...)` of node's path module. */
function isPathJoin(call: SyntaxNode, root: SyntaxNode, pathImported: boolean): boolean {
  const name = calleeName(call);
  if (!name || !JOINERS.has(name)) return false;
  // `resolve(value)` is mostly a promise's: read the imports only when the path module is imported.
  const resolved = pathImported ? resolveCallee(call, root) : undefined;
  if (resolved) return (resolved.module === "path" || resolved.module === "path/posix") && resolved.path.length <= 1;
  const path = memberPath(call.childForFieldName("function"));
  return path?.length === 2 && PATH_NAMES.has(path[0]);
}

/** What makes a path segment untrusted, or undefined: a decoded URL path, request input, an archive entry's name. */
function untrustedSource(segment: SyntaxNode, tainted: ReadonlySet<string>): string | undefined {
  const n = unwrap(segment);
  for (const call of [n, ...n.descendantsOfType("call_expression")]) {
    if (call.type === "call_expression" && DECODERS.has(calleeName(call) ?? "")) return `\`${calleeName(call)}\` turns \`%2e%2e%2f\` into \`../\``;
  }
  if (carriesRequestInput(n, tainted)) return "it comes from the request";
  for (const member of [n, ...n.descendantsOfType("member_expression")]) {
    const path = member.type === "member_expression" ? memberPath(member) : undefined;
    if (path && path.length >= 2 && ENTRY_NAMES.has(path[path.length - 1]) && ENTRY_OBJECTS.test(path[path.length - 2])) return "an archive entry's name can hold `../` (zip slip)";
  }
  return undefined;
}

// Calls that confine a path to a directory, or validate it, when they appear in the function.
const CONTAINMENT_CALLS = /^(startsWith|relative|indexOf|isSafe\w*|isInside\w*|isWithin\w*|isSubPath\w*|isPathInside|isUnder\w*|assert\w*Inside\w*|safeJoin|resolveSafe\w*|sanitize\w*|validate\w*Path\w*|contains\w*)$/;

function hasContainmentCheck(scope: SyntaxNode): boolean {
  for (const call of scope.descendantsOfType("call_expression")) if (CONTAINMENT_CALLS.test(calleeName(call) ?? "")) return true;
  for (const str of scope.descendantsOfType(["string", "template_string"])) if (str.text.includes("..")) return true;
  for (const re of scope.descendantsOfType("regex_pattern")) if (re.text.includes("\\.\\.")) return true;
  return false;
}

/**
 * Library-style traversal: `path.join(root, decodeURIComponent(p))`, `path.resolve(dest, entry.fileName)`
 * on added lines, in a function that never confines the result (no `startsWith`, `relative`, `..` test).
 */
export function untrustedJoins(ctx: FileContext, root: SyntaxNode): RawFinding[] {
  const found: RawFinding[] = [];
  const taintedByScope = new Map<SyntaxNode, Set<string>>();
  const pathImported = MENTIONS_PATH_MODULE.test(ctx.newText);
  for (const call of addedNodesOf(ctx, "call_expression")) {
    if (!isPathJoin(call, root, pathImported)) continue;
    const scope = outermostFunction(call) ?? root;
    let tainted = taintedByScope.get(scope);
    if (!tainted) taintedByScope.set(scope, (tainted = requestTaintedLocals(scope)));
    const segments = callArguments(call).slice(1);
    const culprit = segments.map((s) => ({ s, why: untrustedSource(s, tainted) })).find((x) => x.why);
    if (!culprit || hasContainmentCheck(scope)) continue;
    found.push({
      line: anchorLine(ctx, call, culprit.s),
      confidence: 0.6,
      message:
        `\`${excerpt(call.text, 60)}\` builds a file path from \`${excerpt(culprit.s.text, 40)}\`, and ${culprit.why}: ` +
        "nothing in this function checks that the result stays inside the base directory, so `../` segments reach any file the process can open. " +
        "Resolve the path, then refuse it unless it starts with the base directory plus a separator (`full.startsWith(base + path.sep)`).",
    });
  }
  return found;
}

// A separator (or a helper that adds one) at the end of a directory prefix.
const ENDS_WITH_SEPARATOR = /\bsep\b|["'`][/\\]["'`]|\+\s*["'`][^"'`]*[/\\]["'`]|[/\\]["'`]\s*$/;

/** `root = normalize(root)` / `resolve(dir)`: a directory path with no trailing separator. */
function bareDirectory(value: SyntaxNode | null | undefined): boolean {
  const n = unwrap(value);
  return n?.type === "call_expression" && /^(normalize|resolve|join)$/.test(calleeName(n) ?? "") && !ENDS_WITH_SEPARATOR.test(n.text);
}

/** The prefix a check tests against: `p.startsWith(R)`, `p.indexOf(R) === 0`, `p.substr(0, R.length) === R`. */
function prefixOf(call: SyntaxNode): SyntaxNode | undefined {
  const name = calleeName(call);
  const args = callArguments(call);
  if (name === "startsWith" || name === "indexOf") {
    if (name === "indexOf" && !/^[!=]==?$/.test(call.parent?.childForFieldName("operator")?.text ?? "")) return undefined;
    return unwrap(args[0]);
  }
  if ((name === "substr" || name === "substring" || name === "slice") && args[0]?.text === "0") {
    const length = unwrap(args[1]);
    return length?.type === "member_expression" && length.childForFieldName("property")?.text === "length" ? unwrap(length.childForFieldName("object")) : undefined;
  }
  return undefined;
}

/** The value an identifier holds at `use`: its last assignment before it in the function, or its initializer. */
function lastValue(id: SyntaxNode): SyntaxNode | undefined {
  const scope = enclosingFunction(id) ?? id.tree.rootNode;
  let value: SyntaxNode | undefined = localInitializer(id);
  for (const assign of scope.descendantsOfType("assignment_expression")) {
    if (assign.startIndex >= id.startIndex) break;
    if (unwrap(assign.childForFieldName("left"))?.text === id.text) value = assign.childForFieldName("right") ?? undefined;
  }
  return value;
}

/**
 * Containment checks that compare with a directory lacking its trailing separator:
 * `p.startsWith(normalize(root))` also accepts `/srv/www-private/...` for root `/srv/www`.
 * Reported when the check or the line that set the prefix is added.
 */
export function prefixChecksWithoutSeparator(ctx: FileContext, root: SyntaxNode): RawFinding[] {
  // Checks on added lines, and checks anywhere in a function whose added line sets their prefix.
  const checks = new Set<SyntaxNode>();
  for (const call of addedNodesOf(ctx, "call_expression")) {
    const name = calleeName(call) ?? "";
    if (prefixOf(call)) checks.add(call);
    else if (/^(normalize|resolve)$/.test(name) && bareDirectory(call)) {
      const holder = call.parent?.type === "assignment_expression" ? call.parent.childForFieldName("left") : call.parent?.type === "variable_declarator" ? call.parent.childForFieldName("name") : undefined;
      if (holder?.type !== "identifier") continue;
      for (const other of (enclosingFunction(call) ?? root).descendantsOfType("call_expression")) if (other.startIndex > call.startIndex && prefixOf(other)?.text === holder.text) checks.add(other);
    }
  }
  const found: RawFinding[] = [];
  for (const call of checks) {
    const prefix = prefixOf(call)!;
    const value = prefix.type === "identifier" ? lastValue(prefix) : prefix;
    if (!bareDirectory(value)) continue;
    const line = ctx.touchesAdded(call) ? anchorLine(ctx, call) : firstAddedLine(ctx, [value?.parent ?? undefined]);
    if (line === undefined) continue;
    found.push({
      line,
      confidence: 0.6,
      message:
        `\`${excerpt(call.parent?.type === "binary_expression" ? call.parent.text : call.text, 60)}\` checks a path against \`${excerpt(value!.text, 40)}\`, which has no trailing separator: ` +
        "a sibling directory that shares the prefix (`/srv/www-private` for `/srv/www`) passes the check. Compare with the directory plus `path.sep` (or use `path.relative`).",
    });
  }
  return found;
}
