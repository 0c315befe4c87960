import type { FileContext, Rule } from "../../rule.js";
import { withTestConfidence } from "./file-roles.js";
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
  /** `Function`'s parameter names, which are compiled into the code too. */
  params?: SyntaxNode[];
}

function sinkOf(node: SyntaxNode, root: SyntaxNode, vmImported: boolean): Sink | undefined {
  const args = callArguments(node);
  if (node.type === "new_expression") {
    const name = globalName(node.childForFieldName("constructor"));
    if (name === "Function" && args.length) return { label: "`new Function`", code: args[args.length - 1], reportOpaque: true, params: args.slice(0, -1) };
    const vm = vmFunction(node, root, vmImported);
    if (vm === "Script" && args[0]) return { label: "`new vm.Script`", code: args[0], reportOpaque: true };
    return undefined;
  }
  const name = globalName(node.childForFieldName("function"));
  if (name === "eval" && args[0]) return { label: "`eval`", code: args[0], reportOpaque: true };
  if (name === "Function" && args.length) return { label: "`Function(...)`", code: args[args.length - 1], reportOpaque: true, params: args.slice(0, -1) };
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

// Objects that carry caller-chosen settings: a parameter name read from them is chosen by the caller.
const OPTION_OBJECT = /^(options|opts|settings|config|conf|cfg)$/i;

/**
 * A `Function` parameter name that is not a constant: it is spliced into the compiled source as
 * is, so `"a){evil()}//"` becomes code. Template engines that take the data variable's name from
 * options (`settings.variable`) are the usual case. Undefined when every name is constant.
 */
function judgeParams(params: SyntaxNode[], root: SyntaxNode): { param: SyntaxNode; confidence: number } | undefined {
  let worst: { param: SyntaxNode; confidence: number } | undefined;
  for (const param of params) {
    if (param.type === "spread_element") continue; // `...Object.keys(scope)`: names of the caller's own object
    const how = provenanceThroughLocals(param, root);
    if (how === "constant") continue;
    const fromOptions = param.descendantsOfType("member_expression").some((m) => OPTION_OBJECT.test(memberPath(m)?.[0] ?? ""));
    // Code generators splice their own names (`${names.scope}`); options are where callers reach in.
    const confidence = fromOptions || OPTION_OBJECT.test(memberPath(param)?.[0] ?? "") ? 0.6 : 0.45;
    if (!worst || confidence > worst.confidence) worst = { param, confidence };
  }
  return worst;
}

function reportParam(ctx: FileContext, node: SyntaxNode, sink: Sink, param: SyntaxNode, confidence: number): void {
  if (!ctx.touchesAdded(node)) return;
  ctx.report({
    line: anchorLine(ctx, node, param),
    severity: "warning",
    confidence,
    message:
      `${sink.label} takes the parameter name \`${excerpt(param.text, 50)}\`, which is not a constant, and compiles it into the function's source: ` +
      "a \"name\" such as `x){process.exit()}//` runs code. Check it against an identifier pattern (`/^[A-Za-z_$][\\w$]*$/`) before use, or pass the value as an argument instead.",
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
    const badParam = sink.params && judgeParams(sink.params, root);
    if (badParam) reportParam(ctx, node, sink, badParam.param, badParam.confidence);
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

const DEFAULT_CONFIDENCE = 0.8;

/** `eval`, `new Function`, `vm.*` and string timers fed with non-constant code; Python `eval`/`exec`. */
export const codeInjection: Rule = {
  meta: {
    id: "security/code-injection",
    category: "security",
    severity: "blocking",
    confidence: DEFAULT_CONFIDENCE,
    rationale: "Evaluating text built at runtime as code lets whoever controls that text run arbitrary code.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(file) {
    const ctx = withTestConfidence(file, DEFAULT_CONFIDENCE);
    const root = ctx.source!.tree.rootNode;
    if (ctx.source!.language === "python") checkPython(ctx, root);
    else checkJavaScript(ctx, root);
  },
};
