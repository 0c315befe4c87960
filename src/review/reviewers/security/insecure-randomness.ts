import type { FileContext, Rule } from "../../rule.js";
import { splitLines } from "../../file-context.js";
import { anchorLine } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { calleeName, FUNCTION_TYPES, functionName, identifierWords, lastName, memberPath, propertyKeyName, type SyntaxNode } from "./js-syntax.js";
import { pyCalleeName, pyDottedPath } from "./python-syntax.js";

// Values that must be unguessable, by the words of the name they are stored under.
const SECRET_WORDS = new Set(["token", "tokens", "secret", "password", "passwd", "pwd", "nonce", "salt", "otp", "csrf", "xsrf", "apikey", "passphrase", "credential", "credentials"]);
// Identifiers that are only sometimes secrets: enough to report, with less confidence.
const ID_WORDS = new Set(["uuid", "guid"]);
const SECRET_PAIRS: Array<[RegExp, RegExp]> = [
  [/^session$/, /^(id|key)$/],
  [/^(api|access|secret|signing|encryption|private)$/, /^key$/],
  [/^(reset|verification|verify|auth|invite|confirmation|activation|recovery|magic|login)$/, /^(code|link|key|id|pin)$/],
];
// Names that say the number is for timing, layout or sampling, whatever the function is called.
const HARMLESS_WORDS = new Set([
  "delay", "jitter", "timeout", "backoff", "wait", "sleep", "index", "idx", "color", "colour", "offset", "x", "y", "z", "angle",
  "sample", "shuffle", "shuffled", "duration", "ms", "percent", "chance", "probability", "weight", "pos", "position", "width",
  "height", "size", "opacity", "speed", "rotation", "noise", "hue", "retry", "interval", "ratio", "score", "latency", "animation",
]);
const PY_RANDOM_FUNCTIONS = new Set(["random", "randint", "randrange", "choice", "choices", "sample", "getrandbits", "uniform", "shuffle", "randbytes"]);

type Verdict = "secret" | "identifier" | "harmless" | undefined;

function judgeName(name: string): Verdict {
  // `uuidv4`, `token2`: a version or counter suffix does not change what the value is.
  const words = identifierWords(name).map((w) => w.replace(/(?<=[a-z])v?\d+$/, ""));
  if (words.some((w) => SECRET_WORDS.has(w))) return "secret";
  for (let i = 0; i + 1 < words.length; i++) if (SECRET_PAIRS.some(([a, b]) => a.test(words[i]) && b.test(words[i + 1]))) return "secret";
  if (words.some((w) => ID_WORDS.has(w))) return "identifier";
  if (words.some((w) => HARMLESS_WORDS.has(w))) return "harmless";
  return undefined;
}

/** The names around a node, nearest first, up to and including its (named) function's name. */
function contextNames(node: SyntaxNode, python: boolean): string[] {
  const names: string[] = [];
  for (let p = node.parent; p; p = p.parent) {
    let name: string | undefined;
    if (p.type === "variable_declarator") name = p.childForFieldName("name")?.text;
    else if (p.type === "assignment_expression" || p.type === "augmented_assignment_expression") name = lastName(p.childForFieldName("left"));
    else if (p.type === "pair" && !python) name = propertyKeyName(p.childForFieldName("key"));
    else if ((p.type === "public_field_definition" || p.type === "field_definition") && !python) name = (p.childForFieldName("name") ?? p.childForFieldName("property"))?.text;
    else if (p.type === "arguments" && p.parent?.type === "call_expression") name = calleeName(p.parent);
    else if (p.type === "assignment" || p.type === "augmented_assignment") name = pyDottedPath(p.childForFieldName("left"))?.pop();
    else if (p.type === "keyword_argument") name = p.childForFieldName("name")?.text;
    if (name) names.push(name);
    if (FUNCTION_TYPES.has(p.type) || p.type === "function_definition") {
      const own = python ? p.childForFieldName("name")?.text : functionName(p);
      // Anonymous callbacks (`.replace(/x/g, () => ...)`) belong to the function around them.
      if (own) {
        names.push(own);
        break;
      }
    }
  }
  return names;
}

/** The decisive verdict: the nearest name that says anything. */
function verdictFor(names: string[]): { verdict: Verdict; name?: string } {
  for (const name of names) {
    const verdict = judgeName(name);
    if (verdict) return { verdict, name };
  }
  return { verdict: undefined };
}

// `const token = Math.random().toString(36).slice(2);` → a mechanical swap for crypto.randomUUID().
const BASE36_TOKEN = /^Math\.random\(\)\.toString\((?:36|16)\)(?:\.(?:slice|substring|substr)\([^()]*\))*$/;

function suggestionFor(ctx: FileContext, call: SyntaxNode): string | undefined {
  let chain = call;
  while (chain.parent && (chain.parent.type === "member_expression" || chain.parent.type === "call_expression")) chain = chain.parent;
  const declarator = chain.parent;
  if (declarator?.type !== "variable_declarator" || declarator.childForFieldName("value")?.id !== chain.id) return undefined;
  if (!BASE36_TOKEN.test(chain.text) || chain.startPosition.row !== chain.endPosition.row) return undefined;
  const line = splitLines(ctx.newText)[chain.startPosition.row];
  if (line === undefined) return undefined;
  return line.slice(0, chain.startPosition.column) + "crypto.randomUUID()" + line.slice(chain.endPosition.column);
}

/** `Math.random()` / Python `random` producing tokens, passwords, nonces, salts or session ids. */
export const insecureRandomness: Rule = {
  meta: {
    id: "security/insecure-randomness",
    category: "security",
    severity: "warning",
    confidence: 0.7,
    rationale: "Math.random and Python's random are predictable; secrets made from them can be guessed.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx) {
    const python = ctx.source!.language === "python";
    const root = ctx.source!.tree.rootNode;
    const calls = python
      ? addedNodesOf(ctx, "call").filter((c) => {
          const [module, fn] = (pyCalleeName(c, root) ?? "").split(".");
          return module === "random" && PY_RANDOM_FUNCTIONS.has(fn);
        })
      : addedNodesOf(ctx, "call_expression").filter((c) => memberPath(c.childForFieldName("function"))?.join(".") === "Math.random");
    for (const call of calls) {
      const { verdict, name } = verdictFor(contextNames(call, python));
      if (verdict !== "secret" && verdict !== "identifier") continue;
      const api = python ? "the `secrets` module (`secrets.token_urlsafe()`, `secrets.choice`)" : "`crypto.randomUUID()` or `crypto.getRandomValues()` (node:crypto `randomBytes` on the server)";
      const suggestion = python ? undefined : suggestionFor(ctx, call);
      ctx.report({
        line: anchorLine(ctx, call),
        confidence: verdict === "secret" ? 0.7 : 0.4,
        message:
          `\`${python ? "random" : "Math.random()"}\` feeds \`${name}\`, which looks like ${verdict === "secret" ? "a secret" : "an identifier that may be used as a secret"}, ` +
          `but its output is predictable from a few observed values. Use ${api}.`,
        ...(suggestion !== undefined ? { suggestion } : {}),
      });
    }
  },
};
