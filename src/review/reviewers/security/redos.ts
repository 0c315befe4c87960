import type { FileContext, Rule } from "../../rule.js";
import { anchorLine, excerpt } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { callArguments, memberPath, stringValue, type SyntaxNode } from "./js-syntax.js";
import { pyCalleeName, pyKeywordArg, pyPositionalArgs, pyStringPrefix, pyStringValue } from "./python-syntax.js";
import { analyzeBacktracking, type RegexFlags } from "./regex-backtracking.js";

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
}

function jsFlags(letters: string): RegexFlags {
  return {
    caseInsensitive: letters.includes("i"),
    unicode: letters.includes("u") || letters.includes("v"),
    dotAll: letters.includes("s"),
    multiLine: letters.includes("m"),
  };
}

function jsCandidates(ctx: FileContext, root: SyntaxNode): Candidate[] {
  const found: Candidate[] = [];
  for (const node of addedNodesOf(ctx, ["regex", "new_expression", "call_expression"])) {
    if (node.type === "regex") {
      const pattern = node.childForFieldName("pattern")?.text;
      const flags = node.childForFieldName("flags")?.text ?? "";
      if (pattern) found.push({ node, shown: node.text, pattern, flags: jsFlags(flags) });
      continue;
    }
    const callee = memberPath(node.childForFieldName(node.type === "new_expression" ? "constructor" : "function"));
    if (callee?.length !== 1 || callee[0] !== "RegExp") continue;
    const [patternArg, flagsArg] = callArguments(node);
    const pattern = stringValue(patternArg);
    const flags = flagsArg ? stringValue(flagsArg) : "";
    if (pattern !== undefined && flags !== undefined) found.push({ node, shown: `/${pattern}/${flags}`, pattern, flags: jsFlags(flags) });
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
    if (converted) found.push({ node: call, shown: arg.text, ...converted });
  }
  return found;
}

/** Regular expressions added by the change that can backtrack exponentially (checked with redos-detector). */
export const redos: Rule = {
  meta: {
    id: "security/redos",
    category: "security",
    severity: "warning",
    confidence: 0.7,
    rationale: "A regex with nested or overlapping repetition can take exponential time on a short crafted input and stall the event loop.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    const candidates = (ctx.source!.language === "python" ? pyCandidates(ctx, root) : jsCandidates(ctx, root)).slice(0, MAX_PATTERNS_PER_FILE);
    const started = Date.now();
    for (const c of candidates) {
      if (Date.now() - started > FILE_BUDGET_MS) break;
      const report = analyzeBacktracking(c.pattern, c.flags);
      if (!report) continue;
      const attack = report.attack ? ` For example \`${JSON.stringify(report.attack).slice(1, -1)}\`: the time doubles with every few extra characters.` : "";
      ctx.report({
        line: anchorLine(ctx, c.node),
        message:
          `\`${excerpt(c.shown, 60)}\` can backtrack exponentially: \`${excerpt(report.quantifier, 40)}\` can split the same text across its repetitions in many ways, ` +
          `so a near-miss input makes the match run for minutes and blocks the event loop.${attack} ` +
          "Rewrite it so each character can be matched only one way (e.g. `(a+)+` → `a+`, make alternatives disjoint), or bound the input length before matching.",
      });
    }
  },
};
