import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode } from "./report-range.js";
import { enclosingFunction, JS_LANGUAGES } from "./syntax-walk.js";

type Node = Parser.SyntaxNode;

interface Header {
  loop: Node;
  /** Variables the initializer declares (`let i`) or assigns (`i = 0`). */
  declared: string[];
  assigned: string[];
  /** `var` declarations share the function scope, so an inner `var i` is the outer `i`. */
  usesVar: boolean;
  /** Variables the update expression changes. */
  updated: string[];
  conditionNames: Set<string>;
}

function identifiersIn(node: Node | null): string[] {
  if (!node) return [];
  return node.type === "identifier" ? [node.text] : node.descendantsOfType("identifier").map((n) => n.text);
}

function updatedNames(update: Node | null): string[] {
  if (!update) return [];
  const targets: string[] = [];
  // descendantsOfType includes the node itself when it matches.
  for (const n of update.descendantsOfType(["update_expression", "augmented_assignment_expression", "assignment_expression"])) {
    const target = n.type === "update_expression" ? n.childForFieldName("argument") : n.childForFieldName("left");
    if (target?.type === "identifier") targets.push(target.text);
  }
  return [...new Set(targets)];
}

function headerOf(loop: Node): Header | undefined {
  const init = loop.childForFieldName("initializer");
  const header: Header = {
    loop,
    declared: [],
    assigned: [],
    usesVar: init?.type === "variable_declaration",
    updated: updatedNames(loop.childForFieldName("increment")),
    conditionNames: new Set(identifiersIn(loop.childForFieldName("condition"))),
  };
  if (init?.type === "lexical_declaration" || init?.type === "variable_declaration") {
    for (const d of init.namedChildren) if (d.childForFieldName("name")?.type === "identifier") header.declared.push(d.childForFieldName("name")!.text);
  } else if (init && ["assignment_expression", "sequence_expression", "expression_statement"].includes(init.type)) {
    for (const a of init.descendantsOfType("assignment_expression")) {
      const left = a.childForFieldName("left");
      if (left?.type === "identifier") header.assigned.push(left.text);
    }
  }
  // Only the classic counting loop header: it sets up exactly one variable.
  return header.declared.length + header.assigned.length === 1 ? header : undefined;
}

/** The first problem an inner loop header has with an enclosing loop's counter. */
function mixup(inner: Header, outer: Header): string | undefined {
  const outerCounter = [...outer.declared, ...outer.assigned][0];
  const own = [...inner.declared, ...inner.assigned][0];
  if (own === outerCounter && (inner.assigned.length || (inner.usesVar && outer.usesVar))) {
    return `This inner loop reuses \`${own}\`, the counter of the enclosing loop (line ${startLineOf(outer.loop)}): it resets it, so the outer loop repeats or never ends. Declare a new counter (\`let ${own === "j" ? "k" : "j"} = …\`).`;
  }
  if (own === outerCounter) return undefined;
  if (inner.updated.includes(outerCounter) && !inner.updated.includes(own)) {
    return `This inner loop updates \`${outerCounter}\` (the enclosing loop's counter) instead of its own \`${own}\`. Did you mean \`${own}\`?`;
  }
  if (inner.conditionNames.has(outerCounter) && !inner.conditionNames.has(own) && inner.updated.includes(own)) {
    return `This inner loop tests \`${outerCounter}\` (the enclosing loop's counter) instead of its own \`${own}\`, so its condition never changes. Did you mean \`${own}\`?`;
  }
  return undefined;
}

/** Nested counting loops that mix up their counters: `for (i…) for (j…; i < n; i++)`. */
export const loopCounterMixup: Rule = {
  meta: {
    id: "correctness/loop-counter-mixup",
    category: "correctness",
    severity: "warning",
    confidence: 0.85,
    rationale: "An inner loop that resets, updates or tests the outer loop's counter instead of its own runs the wrong number of times or never ends.",
    languages: JS_LANGUAGES,
  },
  checkFile(ctx: FileContext) {
    for (const loop of addedNodesOfType(ctx, "for_statement")) {
      const initializer = loop.childForFieldName("initializer");
      if (!initializer || !ctx.addedLines.has(startLineOf(loop)) || loop.hasError) continue;
      const inner = headerOf(loop);
      if (!inner) continue;
      // Walk out through enclosing loops of the same function (a callback starts afresh).
      const fn = enclosingFunction(loop);
      for (let n = loop.parent; n && n !== fn; n = n.parent) {
        if (n.type !== "for_statement" || !n.childForFieldName("body")) continue;
        const outer = headerOf(n);
        // The enclosing loop must count with its own variable for "its counter" to mean anything.
        if (!outer || !outer.updated.includes([...outer.declared, ...outer.assigned][0])) continue;
        const problem = mixup(inner, outer);
        if (!problem || !isNewCode(ctx, n)) continue;
        ctx.report({ line: startLineOf(loop), message: problem });
        break;
      }
    }
  },
};
