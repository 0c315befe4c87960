import type { FileContext, Rule } from "../../rule.js";
import { anchorLine, excerpt } from "./anchor-lines.js";
import { addedNodesOf } from "./line-search.js";
import { callArguments, calleeName, memberPath, propertyKeyName, unwrap, type SyntaxNode } from "./js-syntax.js";
import { isRequestInput, provenanceOf } from "./taint-hints.js";

const HTML_PROPERTIES = new Set(["innerHTML", "outerHTML"]);
// Calls whose output is meant to be HTML-safe. (Markdown renderers are not: they pass HTML through.)
const SANITIZER = /sanitiz|purif|escape|encodeHtml|htmlEncode|xss|textToHtml/i;
const SAFE_NAME = /safe|sanitiz|escaped|clean|purified|trusted/i;
// Numbers cannot carry markup; these names and calls almost always hold one.
const NUMERIC_NAME = /^(count|total|length|size|num\w*|n|i|j|index|idx|percent\w*|amount|price|qty|quantity|width|height)$/i;
const NUMERIC_CALL = /^(toFixed|toPrecision|toLocaleString|round|floor|ceil|abs|min|max|Number|parseInt|parseFloat)$/;
// Browser-side values an attacker can put in a link.
const LOCATION_PARTS = new Set(["hash", "search", "href", "referrer"]);

interface Verdict {
  confidence: number;
  why: string;
}

function isClientInput(node: SyntaxNode): boolean {
  const path = memberPath(node);
  if (path && LOCATION_PARTS.has(path[path.length - 1]) && path.some((p) => p === "location" || p === "document")) return true;
  return isRequestInput(node);
}

function containsClientInput(node: SyntaxNode): boolean {
  if (isClientInput(node)) return true;
  return node.namedChildren.some(containsClientInput);
}

/** Whether HTML built from `value` can carry markup the page did not write; undefined when safe. */
function judgeHtml(value: SyntaxNode | null | undefined, root: SyntaxNode): Verdict | undefined {
  const n = unwrap(value);
  if (!n || provenanceOf(n, root) === "constant") return undefined;
  if (n.type === "call_expression" && SANITIZER.test(n.childForFieldName("function")?.text ?? "")) return undefined;
  if (n.type === "identifier" && SAFE_NAME.test(n.text)) return undefined;
  if (n.type === "call_expression" && NUMERIC_CALL.test(calleeName(n) ?? "")) return undefined;
  const path = memberPath(n);
  if (path && NUMERIC_NAME.test(path[path.length - 1])) return undefined;
  // Copying markup the document already holds adds nothing new.
  if (path && HTML_PROPERTIES.has(path[path.length - 1])) return undefined;
  if (n.type === "template_string" || n.type === "binary_expression") {
    const parts = n.type === "template_string"
      ? n.namedChildren.filter((c) => c.type === "template_substitution").map((s) => s.namedChildren[0])
      : [n.childForFieldName("left")!, n.childForFieldName("right")!];
    const unsafe = parts.filter((p) => p && judgeHtml(p, root));
    if (!unsafe.length) return undefined;
    const client = unsafe.some(containsClientInput);
    return { confidence: client ? 0.8 : 0.6, why: `interpolates \`${excerpt(unsafe.map((u) => u.text).join("`, `"), 50)}\` unescaped` };
  }
  if (n.type === "ternary_expression") {
    return judgeHtml(n.childForFieldName("consequence"), root) ?? judgeHtml(n.childForFieldName("alternative"), root);
  }
  if (containsClientInput(n)) return { confidence: 0.8, why: `comes from \`${excerpt(n.text, 50)}\`, which a link can set` };
  return { confidence: 0.35, why: `is \`${excerpt(n.text, 50)}\`, which nothing here shows to be escaped` };
}

const FIX = "Use `textContent` (or React children) for text, build nodes with `createElement`, or pass the HTML through `DOMPurify.sanitize(...)` first.";

function report(ctx: FileContext, node: SyntaxNode, value: SyntaxNode, sink: string, verdict: Verdict): void {
  ctx.report({
    line: anchorLine(ctx, node, value),
    confidence: verdict.confidence,
    message: `${sink} parses its value as HTML, and the value ${verdict.why}: markup or \`<img onerror=...>\` in it runs script in the page (XSS). ${FIX}`,
  });
}

/** HTML sinks (`innerHTML`, `outerHTML`, `insertAdjacentHTML`, `document.write`, `dangerouslySetInnerHTML`) fed non-constant markup. */
export const xssSink: Rule = {
  meta: {
    id: "security/xss-sink",
    category: "security",
    severity: "warning",
    confidence: 0.6,
    rationale: "Markup built from data and handed to an HTML sink runs any script the data carries.",
    languages: ["javascript", "typescript", "tsx"],
  },
  checkFile(ctx) {
    const root = ctx.source!.tree.rootNode;
    for (const node of addedNodesOf(ctx, ["assignment_expression", "augmented_assignment_expression"])) {
      const left = unwrap(node.childForFieldName("left"));
      const prop = left?.type === "member_expression" ? left.childForFieldName("property")?.text : undefined;
      if (!prop || !HTML_PROPERTIES.has(prop)) continue;
      const value = node.childForFieldName("right");
      const verdict = judgeHtml(value, root);
      if (value && verdict) report(ctx, node, value, `\`.${prop}\``, verdict);
    }
    for (const call of addedNodesOf(ctx, "call_expression")) {
      const name = calleeName(call);
      const args = callArguments(call);
      let html: SyntaxNode | undefined;
      if (name === "insertAdjacentHTML") html = args[1];
      else if (name === "write" || name === "writeln") {
        const path = memberPath(call.childForFieldName("function"));
        if (path && path[path.length - 2] === "document") html = args[0];
      }
      const verdict = html && judgeHtml(html, root);
      if (html && verdict) report(ctx, call, html, `\`${name}\``, verdict);
    }
    for (const attr of addedNodesOf(ctx, "jsx_attribute")) {
      if (attr.namedChildren[0]?.text !== "dangerouslySetInnerHTML") continue;
      const obj = unwrap(attr.namedChildren[1]?.namedChildren[0]);
      if (obj?.type !== "object") continue;
      for (const pair of obj.namedChildren) {
        if (pair.type !== "pair" || propertyKeyName(pair.childForFieldName("key")) !== "__html") continue;
        const value = pair.childForFieldName("value");
        const verdict = judgeHtml(value, root);
        if (value && verdict) report(ctx, attr, value, "`dangerouslySetInnerHTML`", { ...verdict, confidence: Math.max(verdict.confidence, 0.5) });
      }
    }
  },
};
