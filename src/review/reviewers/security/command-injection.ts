import type { FileContext, Rule } from "../../rule.js";
import { anchorLine, excerpt, firstAddedLine } from "./anchor-lines.js";
import { callArguments, memberPath, propertyKeyName, unwrap, type SyntaxNode } from "./js-syntax.js";
import { addedNodesOf, nodesOnMatchingLines, wordsPattern } from "./line-search.js";
import { namesBoundTo, resolveCallee } from "./module-bindings.js";
import { pyCalleeName, pyKeywordArg, pyPositionalArgs, pyProvenanceThroughLocals } from "./python-syntax.js";
import { localInitializer, provenanceThroughLocals, type Provenance } from "./taint-hints.js";

// child_process functions that always hand their command string to /bin/sh.
const SHELL_ALWAYS = new Set(["exec", "execSync"]);
// ... and those that do so only with `shell` set.
const SHELL_OPTIONAL = new Set(["spawn", "spawnSync", "execFile", "execFileSync"]);
const PY_SHELL_ALWAYS = new Set(["os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"]);
const PY_SHELL_OPTIONAL = new Set(["subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen"]);

const FALSY_LITERALS = new Set(["false", "null", "undefined", "0", '""', "''"]);

function childProcessFunction(call: SyntaxNode, root: SyntaxNode): string | undefined {
  const resolved = resolveCallee(call, root);
  if (resolved) return resolved.module === "child_process" && resolved.path.length === 1 ? resolved.path[0] : undefined;
  // Files reconstructed from hunks may lack their imports; these receiver names are unambiguous.
  const path = memberPath(call.childForFieldName("function"));
  return path?.length === 2 && (path[0] === "child_process" || path[0] === "childProcess") ? path[1] : undefined;
}

function hasShellOption(args: SyntaxNode[]): boolean {
  for (const arg of args) {
    const obj = unwrap(arg);
    if (obj?.type !== "object") continue;
    for (const pair of obj.namedChildren) {
      if (pair.type === "pair" && propertyKeyName(pair.childForFieldName("key")) === "shell") {
        return !FALSY_LITERALS.has(unwrap(pair.childForFieldName("value"))?.text ?? "false");
      }
      if (pair.type === "shorthand_property_identifier" && pair.text === "shell") return true;
    }
  }
  return false;
}

/** The parts of a command that reach the shell: the command, and with `shell` its argument array. */
function shellParts(fn: string, args: SyntaxNode[]): SyntaxNode[] {
  if (SHELL_ALWAYS.has(fn)) return args.slice(0, 1);
  if (!SHELL_OPTIONAL.has(fn) || !hasShellOption(args)) return [];
  const parts = args.slice(0, 1);
  const list = unwrap(args[1]);
  if (list?.type === "array") parts.push(...list.namedChildren);
  return parts;
}

function worst(a: Provenance, b: Provenance): Provenance {
  if (a === "interpolated" || b === "interpolated") return "interpolated";
  return a === "opaque" || b === "opaque" ? "opaque" : "constant";
}

function report(ctx: FileContext, call: SyntaxNode, culprit: SyntaxNode, fn: string, how: Provenance, safeApi: string): void {
  const init = culprit.type === "identifier" ? localInitializer(culprit) : undefined;
  const line = ctx.touchesAdded(call) ? anchorLine(ctx, call, culprit) : firstAddedLine(ctx, [init]);
  if (line === undefined) return;
  const built = how === "interpolated" ? "is assembled from non-constant values" : "is not a constant";
  ctx.report({
    line,
    severity: how === "interpolated" ? "blocking" : "warning",
    confidence: how === "interpolated" ? 0.8 : 0.45,
    message:
      `\`${fn}\` hands \`${excerpt(culprit.text, 50)}\` to a shell, and that command ${built}: a value containing \`;\`, \`|\`, \`$(...)\` or quotes runs extra commands. ` +
      `Run the program directly with its arguments as an array (${safeApi}) and validate any value that chooses what runs.`,
  });
}

// Every call this rule can trace names the module somewhere in the file (import or receiver).
const MENTIONS_CHILD_PROCESS = /child_process|childProcess/;

function checkJavaScript(ctx: FileContext, root: SyntaxNode): void {
  if (!MENTIONS_CHILD_PROCESS.test(ctx.newText)) return;
  // Only lines that name the module or a local bound to it can hold a shell call; this also finds
  // unchanged calls whose command an added line now builds.
  const names = wordsPattern(["child_process", "childProcess", ...namesBoundTo(root, "child_process")])!;
  for (const call of nodesOnMatchingLines(ctx, names, "call_expression")) {
    const fn = childProcessFunction(call, root);
    if (!fn) continue;
    const parts = shellParts(fn, callArguments(call));
    let how: Provenance = "constant";
    let culprit: SyntaxNode | undefined;
    for (const part of parts) {
      const p = part.type === "spread_element" ? "opaque" : provenanceThroughLocals(part, root);
      if (p !== "constant" && (!culprit || worst(how, p) !== how)) culprit = part;
      how = worst(how, p);
    }
    if (!culprit) continue;
    report(ctx, call, culprit, fn, how, "`execFile(file, args)` or `spawn(file, args)` without `shell`");
  }
}

function checkPython(ctx: FileContext, root: SyntaxNode): void {
  for (const call of addedNodesOf(ctx, "call")) {
    const name = pyCalleeName(call, root);
    if (!name) continue;
    const always = PY_SHELL_ALWAYS.has(name);
    if (!always && !(PY_SHELL_OPTIONAL.has(name) && pyKeywordArg(call, "shell")?.type === "true")) continue;
    const [command] = pyPositionalArgs(call);
    if (!command || command.type === "list" || command.type === "tuple") continue;
    const how = pyProvenanceThroughLocals(command);
    if (how === "constant") continue;
    const short = name.split(".").pop()!;
    ctx.report({
      line: anchorLine(ctx, call, command),
      severity: how === "interpolated" ? "blocking" : "warning",
      confidence: how === "interpolated" ? 0.8 : 0.45,
      message:
        `\`${short}\` runs \`${excerpt(command.text, 50)}\` through a shell, and that command ${how === "interpolated" ? "is assembled from non-constant values" : "is not a constant"}: ` +
        "a value containing `;`, `|` or `$(...)` runs extra commands. Pass a list of arguments to `subprocess.run([...])` without `shell=True` " +
        "(or quote each value with `shlex.quote`).",
    });
  }
}

/** Shell commands built from non-constant strings (`exec`, `shell: true`, `os.system`, `shell=True`). */
export const commandInjection: Rule = {
  meta: {
    id: "security/command-injection",
    category: "security",
    severity: "blocking",
    confidence: 0.8,
    rationale: "A shell command assembled from variables lets any shell metacharacter in them run arbitrary commands.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    if (ctx.source!.language === "python") checkPython(ctx, root);
    else checkJavaScript(ctx, root);
  },
};
