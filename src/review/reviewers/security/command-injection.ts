import type { FileContext, Rule } from "../../rule.js";
import { withTestConfidence } from "./file-roles.js";
import { anchorLine, excerpt, firstAddedLine } from "./anchor-lines.js";
import { callArguments, enclosingFunction, memberPath, propertyKeyName, unwrap, type SyntaxNode } from "./js-syntax.js";
import { addedNodesOf, nodesOnMatchingLines, wordsPattern } from "./line-search.js";
import { namesBoundTo, resolveCallee } from "./module-bindings.js";
import { pyCalleeName, pyKeywordArg, pyPositionalArgs, pyProvenanceThroughLocals } from "./python-syntax.js";
import { localInitializer, provenanceOf, provenanceThroughLocals, type Provenance } from "./taint-hints.js";

/** How a process-running function treats its command: always through a shell, or only with `shell` set. */
type ShellUse = "always" | "with-option";

// Module → member path ("" for the module itself) → shell use.
const SHELL_APIS: Record<string, Record<string, ShellUse>> = {
  child_process: { exec: "always", execSync: "always", spawn: "with-option", spawnSync: "with-option", execFile: "with-option", execFileSync: "with-option" },
  // execa runs files directly; `shell: true` (or the old `execa.shell`) hands the command to a shell.
  execa: {
    "": "with-option",
    execa: "with-option",
    execaSync: "with-option",
    sync: "with-option",
    command: "with-option",
    commandSync: "with-option",
    execaCommand: "with-option",
    execaCommandSync: "with-option",
    shell: "always",
    shellSync: "always",
  },
  shelljs: { exec: "always" },
  "cross-spawn": { "": "with-option", sync: "with-option", spawn: "with-option" },
};
const SHELL_MODULES = Object.keys(SHELL_APIS);
// Every call this rule can trace names one of the modules somewhere in the file (import or receiver).
const MENTIONS_SHELL_MODULE = /child_process|childProcess|execa|shelljs|cross-spawn/;
const PY_SHELL_ALWAYS = new Set(["os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"]);
const PY_SHELL_OPTIONAL = new Set(["subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen"]);

const FALSY_LITERALS = new Set(["false", "null", "undefined", "0", '""', "''"]);

interface ShellApi {
  /** How the message names it: `exec`, `execa`, `spawn`. */
  name: string;
  module: string;
  use: ShellUse;
}

function shellApi(call: SyntaxNode, root: SyntaxNode): ShellApi | undefined {
  const resolved = resolveCallee(call, root);
  if (resolved) {
    const use = SHELL_APIS[resolved.module]?.[resolved.path.join(".")];
    const name = resolved.path[resolved.path.length - 1] ?? (resolved.module === "cross-spawn" ? "spawn" : resolved.module);
    return use ? { name, module: resolved.module, use } : undefined;
  }
  // Files reconstructed from hunks may lack their imports; these receiver names are unambiguous.
  const path = memberPath(call.childForFieldName("function"));
  const use = path?.length === 2 && (path[0] === "child_process" || path[0] === "childProcess") ? SHELL_APIS.child_process[path[1]] : undefined;
  return use ? { name: path![1], module: "child_process", use } : undefined;
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
function shellParts(use: ShellUse, args: SyntaxNode[]): SyntaxNode[] {
  if (use === "always") return args.slice(0, 1);
  if (!hasShellOption(args)) return [];
  const parts = args.slice(0, 1);
  const list = unwrap(args[1]);
  if (list?.type === "array") parts.push(...list.namedChildren);
  return parts;
}

/**
 * How a command part was built. Beyond `provenanceThroughLocals`: `args.join(" ")` over a local
 * array is assembled from whatever the array was given (its literal and its `push`es).
 */
function commandProvenance(part: SyntaxNode, root: SyntaxNode): Provenance {
  if (part.type === "spread_element") return "opaque";
  const direct = provenanceThroughLocals(part, root);
  const n = unwrap(part);
  const fn = n.type === "call_expression" ? unwrap(n.childForFieldName("function")) : undefined;
  const list = fn?.type === "member_expression" && fn.childForFieldName("property")?.text === "join" ? unwrap(fn.childForFieldName("object")) : undefined;
  if (direct !== "opaque" || list?.type !== "identifier") return direct;
  const init = unwrap(localInitializer(list));
  const scope = enclosingFunction(n) ?? root;
  const elements: SyntaxNode[] = init?.type === "array" ? [...init.namedChildren] : [];
  for (const call of scope.descendantsOfType("call_expression")) {
    if (call.startIndex >= n.startIndex) break;
    const callee = memberPath(call.childForFieldName("function"));
    if (callee?.length === 2 && callee[0] === list.text && (callee[1] === "push" || callee[1] === "unshift")) elements.push(...callArguments(call));
  }
  if (init?.type !== "array" && !elements.length) return direct;
  return elements.every((e) => e.type !== "spread_element" && provenanceOf(e, root) === "constant") ? "constant" : "interpolated";
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

function checkJavaScript(ctx: FileContext, root: SyntaxNode): void {
  if (!MENTIONS_SHELL_MODULE.test(ctx.newText)) return;
  // Only lines that name a module or a local bound to one can hold a shell call; this also finds
  // unchanged calls whose command an added line now builds.
  const names = wordsPattern(["child_process", "childProcess", ...SHELL_MODULES.flatMap((m) => namesBoundTo(root, m))])!;
  for (const call of nodesOnMatchingLines(ctx, names, "call_expression")) {
    const api = shellApi(call, root);
    if (!api) continue;
    const parts = shellParts(api.use, callArguments(call));
    let how: Provenance = "constant";
    let culprit: SyntaxNode | undefined;
    for (const part of parts) {
      const p = commandProvenance(part, root);
      if (p !== "constant" && (!culprit || worst(how, p) !== how)) culprit = part;
      how = worst(how, p);
    }
    if (!culprit) continue;
    const safeApi = api.module === "child_process" ? "`execFile(file, args)` or `spawn(file, args)` without `shell`" : `\`${api.name}(file, args)\` without \`shell\``;
    report(ctx, call, culprit, api.name, how, safeApi);
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

const DEFAULT_CONFIDENCE = 0.8;

/** Shell commands built from non-constant strings (`exec`, `shell: true`, `os.system`, `shell=True`). */
export const commandInjection: Rule = {
  meta: {
    id: "security/command-injection",
    category: "security",
    severity: "blocking",
    confidence: DEFAULT_CONFIDENCE,
    rationale: "A shell command assembled from variables lets any shell metacharacter in them run arbitrary commands.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(file) {
    const ctx = withTestConfidence(file, DEFAULT_CONFIDENCE);
    const root = ctx.source!.tree.rootNode;
    if (ctx.source!.language === "python") checkPython(ctx, root);
    else checkJavaScript(ctx, root);
  },
};
