import type { Rule } from "../../rule.js";
import { anchorLine, excerpt } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { callArguments, calleeName, memberPath, propertyKeyName, stringValue, unwrap, type SyntaxNode } from "./js-syntax.js";
import { resolveCallee } from "./module-bindings.js";
import { prefixChecksWithoutSeparator, untrustedJoins } from "./path-joins.js";
import { carriesRequestInput, outermostFunction, requestTaintedLocals } from "./taint-hints.js";

const FS_MODULES = new Set(["fs", "fs-extra", "graceful-fs"]);
// File-system calls whose first argument names the file read, written or removed.
const FS_SINKS = new Set([
  "readFile",
  "readFileSync",
  "writeFile",
  "writeFileSync",
  "appendFile",
  "appendFileSync",
  "createReadStream",
  "createWriteStream",
  "open",
  "openSync",
  "unlink",
  "unlinkSync",
  "rm",
  "rmSync",
  "readdir",
  "readdirSync",
  "copyFile",
  "copyFileSync",
  "outputFile",
  "outputFileSync",
  "readJson",
  "readJsonSync",
  "remove",
  "removeSync",
]);
// Conventional receiver names when the import is outside the diff's view.
const FS_NAMES = new Set(["fs", "fsp", "fse", "fsPromises"]);
const RESPONSE_NAMES = new Set(["res", "response", "reply"]);
const RESPONSE_FILE_METHODS = new Set(["sendFile", "download"]);

// Calls that confine a path to a directory, or validate it, when they appear in the handler.
const CONTAINMENT_CALLS = /^(startsWith|relative|isSafe\w*|isInside\w*|isWithin\w*|isSubPath\w*|isPathInside|isUnder\w*|assert\w*Inside\w*|safeJoin|resolveSafe\w*|sanitize\w*|validate\w*Path\w*)$/;

// An import of one of FS_MODULES: the only way a call with another name can reach them.
const MENTIONS_FS_MODULE = /["'](?:node:)?(?:fs|fs-extra|graceful-fs|fs\/promises)["']/;

function fsFunction(call: SyntaxNode, root: SyntaxNode, fsImported: boolean): string | undefined {
  // Resolving imports reads the whole file: skip it for calls that cannot be a sink.
  if (!fsImported && !FS_SINKS.has(calleeName(call) ?? "")) return undefined;
  const resolved = resolveCallee(call, root);
  if (resolved) {
    if (!FS_MODULES.has(resolved.module)) return undefined;
    const name = resolved.path[resolved.path.length - 1];
    const nested = resolved.path.length === 1 || (resolved.path.length === 2 && resolved.path[0] === "promises");
    return nested && FS_SINKS.has(name) ? name : undefined;
  }
  const path = memberPath(call.childForFieldName("function"));
  if (!path || !FS_NAMES.has(path[0])) return undefined;
  const name = path[path.length - 1];
  return (path.length === 2 || (path.length === 3 && path[1] === "promises")) && FS_SINKS.has(name) ? name : undefined;
}

/** `res.sendFile(p)` / `res.download(p)`; undefined when a `root` option confines the path. */
function responseFileMethod(call: SyntaxNode): string | undefined {
  const path = memberPath(call.childForFieldName("function"));
  if (!path || path.length !== 2 || !RESPONSE_NAMES.has(path[0]) || !RESPONSE_FILE_METHODS.has(path[1])) return undefined;
  // Express's `send` refuses `..` segments that would leave `root`.
  for (const arg of callArguments(call).slice(1)) {
    const obj = unwrap(arg);
    if (obj?.type === "object" && obj.namedChildren.some((p) => p.type === "pair" && propertyKeyName(p.childForFieldName("key")) === "root")) return undefined;
  }
  return path[1];
}

/** True when the handler compares or confines paths somewhere (startsWith(root), path.relative, a `..` test ...). */
function hasContainmentCheck(scope: SyntaxNode): boolean {
  for (const call of scope.descendantsOfType("call_expression")) if (CONTAINMENT_CALLS.test(calleeName(call) ?? "")) return true;
  for (const str of scope.descendantsOfType(["string", "template_string"])) if (stringValue(str)?.includes("..")) return true;
  for (const re of scope.descendantsOfType("regex_pattern")) if (re.text.includes("\\.\\.")) return true;
  return false;
}

/**
 * File-system reads, writes and downloads whose path comes from the request, with no containment
 * check; paths joined from decoded URL paths, request input or archive entry names with no check;
 * and containment checks against a directory without its trailing separator.
 */
export const pathTraversal: Rule = {
  meta: {
    id: "security/path-traversal",
    category: "security",
    severity: "warning",
    confidence: 0.65,
    rationale: "A file path taken from a request can climb out of the intended directory with `../` and read or overwrite any file.",
    languages: ["javascript", "typescript", "tsx"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    const tainted = new Map<SyntaxNode, Set<string>>();
    const fsImported = MENTIONS_FS_MODULE.test(ctx.newText);
    const reported = new Set<number>();
    for (const call of addedNodesOf(ctx, "call_expression")) {
      const sink = fsFunction(call, root, fsImported) ?? responseFileMethod(call);
      const target = callArguments(call)[0];
      if (!sink || !target) continue;
      const scope = outermostFunction(call) ?? root;
      let names = tainted.get(scope);
      if (!names) tainted.set(scope, (names = requestTaintedLocals(scope)));
      if (!carriesRequestInput(target, names) || hasContainmentCheck(scope)) continue;
      const line = anchorLine(ctx, call, target);
      reported.add(line);
      ctx.report({
        line,
        message:
          `\`${sink}\` opens \`${excerpt(target.text, 50)}\`, which is built from request input with no containment check: ` +
          "`../` segments (or an absolute path) reach any file the process can access. " +
          "Resolve the path, then refuse it unless `path.relative(root, full)` does not start with `..` (or `full.startsWith(root + path.sep)`); " +
          "use `path.basename` when only a file name is expected.",
      });
    }
    // Library code: the path is built here and opened elsewhere.
    for (const finding of [...untrustedJoins(ctx, root), ...prefixChecksWithoutSeparator(ctx, root)]) {
      if (!reported.has(finding.line)) ctx.report(finding);
      reported.add(finding.line);
    }
  },
};
