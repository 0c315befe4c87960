import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { literalKeyName } from "./literal-keys.js";
import { isNewCode } from "./report-range.js";

type Node = Parser.SyntaxNode;

interface Entry {
  node: Node;
  name: string;
  /** "get"/"set" accessors may share a name with each other, not with a value. */
  kind: "value" | "get" | "set";
  value: string;
}

function entryOf(node: Node): Entry | undefined {
  let name: string | undefined;
  let kind: Entry["kind"] = "value";
  let value = node.text;
  if (node.type === "pair") {
    name = literalKeyName(node.childForFieldName("key"));
    value = node.childForFieldName("value")?.text ?? "";
  } else if (node.type === "shorthand_property_identifier") {
    name = node.text;
  } else if (node.type === "method_definition") {
    name = literalKeyName(node.childForFieldName("name"));
    if (node.children.some((c) => c.type === "get")) kind = "get";
    if (node.children.some((c) => c.type === "set")) kind = "set";
  }
  return name === undefined ? undefined : { node, name, kind, value: value.replace(/\s+/g, " ") };
}

/** Two entries of one name clash unless they are a getter and a setter. */
function conflicts(a: Entry, b: Entry): boolean {
  return a.kind === "value" || b.kind === "value" || a.kind === b.kind;
}

/** `{ a: 1, a: 2 }`: the earlier entry is silently overwritten by the later one. */
export const duplicateKey: Rule = {
  meta: {
    id: "correctness/duplicate-key",
    category: "correctness",
    severity: "warning",
    confidence: 0.95,
    rationale: "In an object or dict literal a repeated key silently discards the earlier value.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx: FileContext) {
    for (const literal of addedNodesOfType(ctx, ["object", "dictionary"])) {
      if (!ctx.touchesAdded(literal) || literal.hasError) continue;
      const seen = new Map<string, Entry[]>();
      for (const child of literal.namedChildren) {
        const entry = entryOf(child);
        if (!entry) continue;
        const sameName = seen.get(entry.name) ?? [];
        const earlier = sameName.find((e) => conflicts(e, entry));
        seen.set(entry.name, [...sameName, entry]);
        if (!earlier) continue;
        // Anchor on whichever of the two the change wrote (the later one when it wrote both).
        const wrote = (n: Node) => ctx.addedLines.has(startLineOf(n));
        const anchor = wrote(entry.node) ? entry.node : wrote(earlier.node) ? earlier.node : undefined;
        if (!anchor) continue;
        const other = anchor === entry.node ? earlier.node : entry.node;
        if (!isNewCode(ctx, earlier.node, entry.node)) continue;
        const differs = earlier.value !== entry.value;
        ctx.report({
          line: startLineOf(anchor),
          // Two different values for one key means one of them is lost: that is a bug, not noise.
          severity: differs ? "blocking" : "warning",
          message:
            `Key \`${entry.name}\` appears twice in this literal (also on line ${startLineOf(other)}); only the later entry survives` +
            (differs ? ", so the earlier value is silently discarded." : ".") +
            " Remove one, or rename the key that was meant to be different.",
        });
      }
    }
  },
};
