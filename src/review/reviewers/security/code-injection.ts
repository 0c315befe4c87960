import type { FileContext, Rule } from "../../rule.js";
import { anchorLine, excerpt, firstAddedLine } from "./anchor-lines.js";
import { callArguments, memberPath, unwrap, type SyntaxNode } from "./js-syntax.js";
import { addedNodesOf, nodesOnMatchingLines, wordsPattern } from "./line-search.js";
import { namesBoundTo, resolveCallee } from "./module-bindings.js";
import { pyDottedPath, pyImports, pyPositionalArgs, pyProvenanceThroughLocals } from "./python-syntax.js";
import { localInitializer, provenanceThroughLocals, type Provenance } from "./taint-hints.js";

const GLOBAL_OBJECTS = new Set(["window", "globalThis", "global", "self"]);
const TIMERS = new Set(["setTimeout", "setInterval", "setImmediate"]);
const VM_FUNCTIONS = new Set(["runInNewContext", "runInThisContext", "runInContext", "compileFunction", "Script"]);

/** `eval`, `window.eval`, `setTimeout` ... : a global function called by its own name. */
function globalName(callee: SyntaxNode | null): string | undefined {
  const path = memberPath(callee);
  if (!path) return undefined;
  if (path.length === 1) return path[0];
  return path.length === 2 && GLOBAL_OBJECTS.has(path[0]) ? path[1] : undefined;
}

function vmFunction(call: SyntaxNode, root: SyntaxNode, vmImported: boolean): string | undefined {
  const path = memberPath(call.childForFieldName("function") ?? call.childForFieldName("constructor"));
  // Resolving imports means reading the whole file: only worth it when `vm` is in sight.
  const resolved = vmImported || path?.[0] === "vm" ? resolveCallee(call, root) : undefined;
  if (resolved) return resolved.module === "vm" && resolved.path.length === 1 && VM_FUNCTIONS.has(resolved.path[0]) ? resolved.path[0] : undefined;
  return path?.length === 2 && path[0] === "vm" && VM_FUNCTIONS.has(path[1]) ? path[1] : undefined;
}

interface Sink {
  /** How the sink is named in the message. */
  label: string;
  /** The argument that becomes code. */
  code: SyntaxNode;
  /** Opaque (not visibly assembled) input is reported too, at lower confidence. */
  reportOpaque: boolean;
}

function sinkOf(node: SyntaxNode, root: SyntaxNode, vmImported: boolean): Sink | undefined {
  const args = callArguments(node);
  if (node.type === "new_expression") {
    const name = globalName(node.childForFieldName("constructor"));
    if (name === "Function" && args.length) return { label: "`new Function`", code: args[args.length - 1], reportOpaque: true };
    const vm = vmFunction(node, root, vmImported);
    if (vm === "Script" && args[0]) return { label: "`new vm.Script`", code: args[0], reportOpaque: true };
    return undefined;
  }
  const name = globalName(node.childForFieldName("function"));
  if (name === "eval" && args[0]) return { label: "`eval`", code: args[0], reportOpaque: true };
  if (name === "Function" && args.length) return { label: "`Function(...)`", code: args[args.length - 1], reportOpaque: true };
  // A timer's first argument is usually a function; only a string built at runtime is code.
  if (name && TIMERS.has(name) && args[0]) return { label: `\`${name}\` with a string`, code: args[0], reportOpaque: false };
  const vm = vmFunction(node, root, vmImported);
  if (vm && vm !== "Script" && args[0]) return { label: `\`vm.${vm}\``, code: args[0], reportOpaque: true };
  return undefined;
}

function reportJs(ctx: FileContext, node: SyntaxNode, sink: Sink, how: Provenance): void {
  const code = unwrap(sink.code);
  const init = code.type === "identifier" ? localInitializer(code) : undefined;
  const line = ctx.touchesAdded(node) ? anchorLine(ctx, node, code) : firstAddedLine(ctx, [init]);
  if (line === undefined) return;
  const built = how === "interpolated" ? "is assembled from non-constant values" : "is not a constant";
  ctx.report({
    line,
    severity: how === "interpolated" ? "blocking" : "warning",
    confidence: how === "interpolated" ? 0.8 : 0.5,
    message:
      `${sink.label} compiles \`${excerpt(code.text, 50)}\` as JavaScript, and that text ${built}: anyone who controls part of it runs code with this process's rights. ` +
      "Parse data with `JSON.parse`, look behaviour up in a map of functions, or pass a function instead of a string.",
  });
}

const GLOBAL_SINKS = ["eval", "Function", ...TIMERS];
const MENTIONS_VM = /["'](?:node:)?vm["']/;

function checkJavaScript(ctx: FileContext, root: SyntaxNode): void {
  // Sinks are called by name, so only lines naming one (or a local bound to `vm`) are parsed
  // further; this also finds unchanged sinks whose code an added line now builds.
  const vmImported = MENTIONS_VM.test(ctx.newText);
  const names = [...GLOBAL_SINKS, "vm", ...(vmImported ? namesBoundTo(root, "vm") : [])];
  for (const node of nodesOnMatchingLines(ctx, wordsPattern(names)!, ["call_expression", "new_expression"])) {
    const sink = sinkOf(node, root, vmImported);
    if (!sink) continue;
    const how = provenanceThroughLocals(sink.code, root);
    if (how === "constant" || (how === "opaque" && !sink.reportOpaque)) continue;
    reportJs(ctx, node, sink, how);
  }
}

function checkPython(ctx: FileContext, root: SyntaxNode): void {
  const imported = pyImports(root);
  for (const call of addedNodesOf(ctx, "call")) {
    const path = pyDottedPath(call.childForFieldName("function"));
    const name = path?.length === 1 ? path[0] : undefined;
    // A local `from x import exec` shadows the builtin.
    if ((name !== "eval" && name !== "exec") || imported.has(name)) continue;
    const [code] = pyPositionalArgs(call);
    if (!code) continue;
    const how = pyProvenanceThroughLocals(code);
    if (how === "constant") continue;
    ctx.report({
      line: anchorLine(ctx, call, code),
      severity: how === "interpolated" ? "blocking" : "warning",
      confidence: how === "interpolated" ? 0.8 : 0.5,
      message:
        `\`${name}\` runs \`${excerpt(code.text, 50)}\` as Python code, and that text ${how === "interpolated" ? "is assembled from non-constant values" : "is not a constant"}: ` +
        "anyone who controls part of it runs code in this process. Use `ast.literal_eval` or `json.loads` for data, or dispatch through a dict of functions.",
    });
  }
}

/** `eval`, `new Function`, `vm.*` and string timers fed with non-constant code; Python `eval`/`exec`. */
export const codeInjection: Rule = {
  meta: {
    id: "security/code-injection",
    category: "security",
    severity: "blocking",
    confidence: 0.8,
    rationale: "Evaluating text built at runtime as code lets whoever controls that text run arbitrary code.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    if (ctx.source!.language === "python") checkPython(ctx, root);
    else checkJavaScript(ctx, root);
  },
};
