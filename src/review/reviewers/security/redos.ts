import type { FileContext, Rule } from "../../rule.js";
import { withTestConfidence } from "./file-roles.js";
import { anchorLine, excerpt } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { callArguments, memberPath, stringValue, type SyntaxNode } from "./js-syntax.js";
import { pyCalleeName, pyEnclosingFunction, pyKeywordArg, pyPositionalArgs, pyStringPrefix, pyStringValue } from "./python-syntax.js";
import { judgeRegex, type RegexFlags } from "./regex-backtracking.js";
import type { GrowthReport } from "./regex-growth.js";
import { exposureOf, regexUses, type Exposure } from "./regex-uses.js";

// Keeps one file's analysis bounded even when it adds hundreds of patterns.
const MAX_PATTERNS_PER_FILE = 60;
const FILE_BUDGET_MS = 1_500;

const PY_RE_FUNCTIONS = new Set(["compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split"]);

interface Candidate {
  node: SyntaxNode;
  /** How the pattern is shown in the message. */
  shown: string;
  pattern: string;
  flags: RegexFlags;
  /** Sticky patterns (`y`) are tried at one position only. */
  sticky: boolean;
  /** Where the text the pattern scans comes from, computed on demand (polynomial cases only). */
  exposure: () => Exposure | "unused";
}

function jsFlags(letters: string): RegexFlags {
  return {
    caseInsensitive: letters.includes("i"),
    unicode: letters.includes("u") || letters.includes("v"),
    dotAll: letters.includes("s"),
    multiLine: letters.includes("m"),
  };
}

// Most exposed first: one use on outside text is enough to matter.
const EXPOSURE_ORDER: Exposure[] = ["external", "internal", "bounded", "literal"];

function jsExposure(ctx: FileContext, pattern: SyntaxNode): Exposure | "unused" {
  const found = regexUses(ctx, pattern).map(exposureOf);
  return found.length ? EXPOSURE_ORDER.find((e) => found.includes(e))! : "unused";
}

function jsCandidates(ctx: FileContext, root: SyntaxNode): Candidate[] {
  const found: Candidate[] = [];
  for (const node of addedNodesOf(ctx, ["regex", "new_expression", "call_expression"])) {
    if (node.type === "regex") {
      const pattern = node.childForFieldName("pattern")?.text;
      const flags = node.childForFieldName("flags")?.text ?? "";
      if (pattern) found.push({ node, shown: node.text, pattern, flags: jsFlags(flags), sticky: flags.includes("y"), exposure: () => jsExposure(ctx, node) });
      continue;
    }
    const callee = memberPath(node.childForFieldName(node.type === "new_expression" ? "constructor" : "function"));
    if (callee?.length !== 1 || callee[0] !== "RegExp") continue;
    const [patternArg, flagsArg] = callArguments(node);
    const pattern = stringValue(patternArg);
    const flags = flagsArg ? stringValue(flagsArg) : "";
    if (pattern !== undefined && flags !== undefined) {
      found.push({ node, shown: `/${pattern}/${flags}`, pattern, flags: jsFlags(flags), sticky: flags.includes("y"), exposure: () => jsExposure(ctx, node) });
    }
  }
  return found;
}

/** Python syntax → JavaScript syntax for the constructs the two engines share. */
function pythonToJs(pattern: string, fn: string): { pattern: string; flags: RegexFlags } | undefined {
  let body = pattern;
  // Not JavaScript's `u` mode: it rejects identity escapes such as `\-` that Python accepts.
  const flags: RegexFlags = { caseInsensitive: false, unicode: false, dotAll: false, multiLine: false };
  const inline = /^\(\?([aiLmsux]+)\)/.exec(body);
  if (inline) {
    if (inline[1].includes("x")) return undefined; // verbose patterns change whitespace meaning
    flags.caseInsensitive = inline[1].includes("i");
    flags.dotAll = inline[1].includes("s");
    flags.multiLine = inline[1].includes("m");
    body = body.slice(inline[0].length);
  }
  // Atomic groups and possessive quantifiers (3.11+) do not backtrack; leave them alone.
  if (/\(\?>|[*+?}]\+/.test(body)) return undefined;
  body = body.replace(/\(\?P<(\w+)>/g, "(?<$1>").replace(/\(\?P=(\w+)\)/g, "\\k<$1>");
  if (fn === "match") body = `^(?:${body})`;
  if (fn === "fullmatch") body = `^(?:${body})$`;
  return { pattern: body, flags };
}

// Position of the text argument in `re.<fn>(pattern, ...)`.
const PY_TEXT_ARGUMENT: Record<string, number> = { match: 1, search: 1, fullmatch: 1, findall: 1, finditer: 1, split: 1, sub: 2, subn: 2 };

/** Python: the text is a parameter of the enclosing `def` (external), another value, or unknown (`compile`). */
function pyExposure(call: SyntaxNode, fn: string): Exposure | "unused" {
  const index = PY_TEXT_ARGUMENT[fn];
  const text = index === undefined ? undefined : (pyPositionalArgs(call)[index] ?? pyKeywordArg(call, "string"));
  if (!text) return "unused";
  if (pyStringValue(text) !== undefined) return "literal";
  const def = pyEnclosingFunction(call);
  const params = def?.childForFieldName("parameters")?.namedChildren.map((p) => (p.type === "identifier" ? p.text : p.childForFieldName("name")?.text ?? p.namedChildren[0]?.text)) ?? [];
  return text.type === "identifier" && params.includes(text.text) ? "external" : "internal";
}

function pyCandidates(ctx: FileContext, root: SyntaxNode): Candidate[] {
  const found: Candidate[] = [];
  for (const call of addedNodesOf(ctx, "call")) {
    const name = pyCalleeName(call, root) ?? "";
    const [module, fn] = name.split(".");
    if ((module !== "re" && module !== "regex") || !PY_RE_FUNCTIONS.has(fn)) continue;
    const arg = pyPositionalArgs(call)[0] ?? pyKeywordArg(call, "pattern");
    const value = pyStringValue(arg);
    if (!arg || value === undefined || arg.type !== "string") continue;
    // Non-raw strings would need their escapes decoded first; most patterns are raw.
    if (!pyStringPrefix(arg).includes("r") && value.includes("\\")) continue;
    const converted = pythonToJs(value, fn);
    if (converted) found.push({ node: call, shown: arg.text, ...converted, sticky: fn === "match" || fn === "fullmatch", exposure: () => pyExposure(call, fn) });
  }
  return found;
}

// Input sizes in messages: enough to take seconds on a quadratic pattern.
const QUADRATIC_ATTACK_UNITS = 50_000;
const CUBIC_ATTACK_UNITS = 3_000;

const POLYNOMIAL_CONFIDENCE: Record<Exposure | "unused", number | undefined> = {
  // Text from a caller or a request: the usual shape of a ReDoS advisory.
  external: 0.6,
  // Fields, file contents, results of other calls: often, not always, under the caller's control.
  internal: 0.45,
  // Stored in a table or exported and run elsewhere.
  unused: 0.4,
  bounded: undefined,
  literal: undefined,
};

function attackExpression(growth: GrowthReport): string {
  const units = growth.degree >= 3 ? CUBIC_ATTACK_UNITS : QUADRATIC_ATTACK_UNITS;
  const parts = [growth.prefix ? JSON.stringify(growth.prefix) : "", `${JSON.stringify(growth.pump)}.repeat(${units})`, growth.suffix ? JSON.stringify(growth.suffix) : ""];
  return parts.filter(Boolean).join(" + ");
}

function exponentialMessage(c: Candidate, quantifier: string, attack: string | undefined): string {
  const example = attack ? ` For example \`${JSON.stringify(attack).slice(1, -1)}\`: the time doubles with every few extra characters.` : "";
  return (
    `\`${excerpt(c.shown, 60)}\` can backtrack exponentially: \`${excerpt(quantifier, 40)}\` can split the same text across its repetitions in many ways, ` +
    `so a near-miss input makes the match run for minutes and blocks the event loop.${example} ` +
    "Rewrite it so each character can be matched only one way (e.g. `(a+)+` → `a+`, make alternatives disjoint), or bound the input length before matching."
  );
}

function polynomialMessage(c: Candidate, growth: GrowthReport, exposure: Exposure | "unused"): string {
  const degree = growth.degree >= 3 ? "cubic (or worse)" : "quadratic";
  const where =
    exposure === "external" ? "It runs on text passed in by the caller (or the request)" : exposure === "internal" ? "It runs on text built elsewhere" : "Wherever it runs on untrusted text";
  return (
    `\`${excerpt(c.shown, 60)}\` takes ${degree} time on text like \`${excerpt(attackExpression(growth), 70)}\`: ` +
    `\`${excerpt(growth.quantifier, 30)}\` can consume the same characters as what follows it, so a backtracking engine retries every split (from every start position) before failing. ` +
    `${where}: tens of kilobytes then block the event loop for seconds. ` +
    "Cap the input length before matching, anchor the pattern, or make the repeated part unable to match what comes next (e.g. `\\s*,\\s*` → split on `,` and trim)."
  );
}

const DEFAULT_CONFIDENCE = 0.7;

/** Regular expressions added by the change that can backtrack exponentially, or polynomially on outside text. */
export const redos: Rule = {
  meta: {
    id: "security/redos",
    category: "security",
    severity: "warning",
    confidence: DEFAULT_CONFIDENCE,
    rationale: "A regex whose repetitions can match the same text in many ways takes exponential or polynomial time on crafted input and stalls the event loop.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(file) {
    const ctx = withTestConfidence(file, DEFAULT_CONFIDENCE);
    const root = ctx.source!.tree.rootNode;
    const candidates = (ctx.source!.language === "python" ? pyCandidates(ctx, root) : jsCandidates(ctx, root)).slice(0, MAX_PATTERNS_PER_FILE);
    const started = Date.now();
    for (const c of candidates) {
      if (Date.now() - started > FILE_BUDGET_MS) break;
      const verdict = judgeRegex(c.pattern, c.flags, c.sticky);
      if (!verdict) continue;
      if (verdict.kind === "exponential") {
        ctx.report({ line: anchorLine(ctx, c.node), message: exponentialMessage(c, verdict.report.quantifier, verdict.report.attack) });
        continue;
      }
      const exposure = c.exposure();
      const confidence = POLYNOMIAL_CONFIDENCE[exposure];
      if (confidence === undefined) continue;
      ctx.report({ line: anchorLine(ctx, c.node), confidence, message: polynomialMessage(c, verdict.growth, exposure) });
    }
  },
};
