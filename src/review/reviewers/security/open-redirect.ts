import type { Rule } from "../../rule.js";
import { anchorLine, excerpt } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { callArguments, calleeName, memberPath, unwrap, type SyntaxNode } from "./js-syntax.js";
import { isRequestInput, outermostFunction, requestTaintedLocals } from "./taint-hints.js";

const REDIRECTORS = new Set(["res", "response", "reply", "ctx", "h"]);
const LOCATION_TARGETS = [["location"], ["location", "href"], ["window", "location"], ["window", "location", "href"], ["document", "location"], ["document", "location", "href"]];
const LOCATION_METHODS = new Set(["assign", "replace"]);
// Pass-through methods: the result still starts with the input.
const PASS_THROUGH = new Set(["toString", "trim", "toLowerCase", "decodeURIComponent", "decodeURI", "String"]);
// Calls and names that show the target is checked against something before use.
const CHECK_CALLS = /^(startsWith|includes|has|test|match|indexOf|some|find|isSafe\w*|isValid\w*|isAllowed\w*|validate\w*|isRelative\w*|isLocal\w*|isInternal\w*|isSameOrigin\w*|sanitize\w*)$/;
const CHECK_NAMES = /allow|whitelist|safelist|trusted|permitted|origin|hostname/i;

/** Browser-side input: `location.hash`/`search`, `router.query.next`, `new URLSearchParams(...).get("next")`. */
function isNavigationInput(node: SyntaxNode): boolean {
  if (isRequestInput(node)) return true;
  const path = memberPath(node);
  if (path && path.length >= 2 && path.includes("location") && (path.includes("hash") || path.includes("search"))) return true;
  if (path && path.length >= 3 && path[0] === "router" && path[1] === "query") return true;
  if (node.type === "call_expression" && calleeName(node) === "get") {
    const receiver = unwrap(node.childForFieldName("function"))?.childForFieldName("object");
    return /URLSearchParams|searchParams|query/i.test(receiver?.text ?? "");
  }
  return false;
}

/**
 * True when the URL's beginning (which decides the host) comes from input: `req.query.next`,
 * `` `${next}/x` ``, `next || "/"`. A fixed prefix such as `"/login?next=" + x` keeps the host ours.
 */
function leadsWithInput(node: SyntaxNode | null | undefined, tainted: ReadonlySet<string>): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (isNavigationInput(n)) return true;
  switch (n.type) {
    case "identifier":
      return tainted.has(n.text);
    case "template_string": {
      const first = n.namedChildren[0];
      return first?.type === "template_substitution" && leadsWithInput(first.namedChildren[0], tainted);
    }
    case "binary_expression": {
      const op = n.childForFieldName("operator")?.text;
      if (op === "+") return leadsWithInput(n.childForFieldName("left"), tainted);
      if (op === "||" || op === "??") return leadsWithInput(n.childForFieldName("left"), tainted) || leadsWithInput(n.childForFieldName("right"), tainted);
      return false;
    }
    case "ternary_expression":
      return leadsWithInput(n.childForFieldName("consequence"), tainted) || leadsWithInput(n.childForFieldName("alternative"), tainted);
    case "call_expression": {
      const name = calleeName(n) ?? "";
      if (!PASS_THROUGH.has(name)) return false;
      const fn = unwrap(n.childForFieldName("function"));
      return fn?.type === "member_expression" ? leadsWithInput(fn.childForFieldName("object"), tainted) : leadsWithInput(callArguments(n)[0], tainted);
    }
    default:
      return false;
  }
}

function hasAllowListCheck(scope: SyntaxNode): boolean {
  for (const call of scope.descendantsOfType("call_expression")) if (CHECK_CALLS.test(calleeName(call) ?? "")) return true;
  return scope.descendantsOfType(["identifier", "property_identifier"]).some((id) => CHECK_NAMES.test(id.text));
}

function samePath(a: string[] | undefined, b: string[]): boolean {
  return !!a && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Redirects to a URL whose beginning comes from the request, with no allow-list check in sight. */
export const openRedirect: Rule = {
  meta: {
    id: "security/open-redirect",
    category: "security",
    severity: "warning",
    confidence: 0.7,
    rationale: "Redirecting to a URL taken from the request lets a link on our domain send users to a phishing site.",
    languages: ["javascript", "typescript", "tsx"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    const sinks: Array<{ node: SyntaxNode; target: SyntaxNode; label: string }> = [];
    for (const call of addedNodesOf(ctx, "call_expression")) {
      const path = memberPath(call.childForFieldName("function"));
      const args = callArguments(call);
      if (path?.length === 2 && REDIRECTORS.has(path[0]) && path[1] === "redirect" && args.length) {
        // Express takes `redirect([status,] url)`: the URL is the last argument.
        sinks.push({ node: call, target: args[args.length - 1], label: `\`${path.join(".")}\`` });
      } else if (path && LOCATION_METHODS.has(path[path.length - 1]) && LOCATION_TARGETS.some((t) => samePath(path.slice(0, -1), t)) && args[0]) {
        sinks.push({ node: call, target: args[0], label: `\`${path.join(".")}\`` });
      }
    }
    for (const assign of addedNodesOf(ctx, "assignment_expression")) {
      const left = memberPath(assign.childForFieldName("left"));
      const right = assign.childForFieldName("right");
      if (right && LOCATION_TARGETS.some((t) => samePath(left, t))) sinks.push({ node: assign, target: right, label: `assigning \`${left!.join(".")}\`` });
    }
    for (const { node, target, label } of sinks) {
      const scope = outermostFunction(node) ?? root;
      const tainted = requestTaintedLocals(scope, leadsWithInput);
      if (!leadsWithInput(target, tainted) || hasAllowListCheck(scope)) continue;
      ctx.report({
        line: anchorLine(ctx, node, target),
        message:
          `${label} sends the user to \`${excerpt(target.text, 50)}\`, which comes from the request unchecked: ` +
          "a link to our site can bounce users to any other site (phishing, token theft). " +
          "Accept only relative paths (starts with `/` but not `//` or `/\\`) or hosts from an allow-list, and fall back to a fixed page.",
      });
    }
  },
};
