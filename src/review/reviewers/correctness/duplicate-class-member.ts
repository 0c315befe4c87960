import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { literalKeyName } from "./literal-keys.js";
import { isNewCode } from "./report-range.js";

type Node = Parser.SyntaxNode;

/** The slot a class member occupies (`static` and accessors kept apart), or undefined. */
function memberSlot(member: Node): { name: string; slot: string } | undefined {
  if (member.type === "method_definition") {
    const name = literalKeyName(member.childForFieldName("name"));
    if (name === undefined) return undefined;
    const tokens = new Set(member.children.filter((c) => !c.isNamed).map((c) => c.type));
    const kind = tokens.has("get") ? "get" : tokens.has("set") ? "set" : "method";
    return { name, slot: `${tokens.has("static") ? "static " : ""}${kind} ${name}` };
  }
  // Python: only plain `def`s. Decorated ones take part in property/overload/dispatch patterns
  // where repeating the name is the point.
  if (member.type === "function_definition") {
    const name = member.childForFieldName("name")?.text;
    return name === undefined ? undefined : { name, slot: `def ${name}` };
  }
  return undefined;
}

function clashes(a: string, b: string): boolean {
  if (a === b) return true;
  // A plain method and an accessor of the same name (same static-ness) also overwrite each other.
  const [sa, sb] = [a.split(" "), b.split(" ")];
  const staticA = sa[0] === "static";
  const staticB = sb[0] === "static";
  const kindA = sa[staticA ? 1 : 0];
  const kindB = sb[staticB ? 1 : 0];
  return staticA === staticB && sa.at(-1) === sb.at(-1) && (kindA === "method" || kindB === "method");
}

/** A class defining the same method twice: the later definition silently replaces the earlier. */
export const duplicateClassMember: Rule = {
  meta: {
    id: "correctness/duplicate-class-member",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rationale: "A class that defines a method twice keeps only the later definition; the earlier one is dead code.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx: FileContext) {
    const python = ctx.source!.language === "python";
    const bodies = python
      ? addedNodesOfType(ctx, "class_definition").map((c) => c.childForFieldName("body"))
      : addedNodesOfType(ctx, "class_body");
    for (const body of bodies) {
      if (!body || !ctx.touchesAdded(body) || body.hasError) continue;
      const seen: Array<{ node: Node; slot: string }> = [];
      for (const member of body.namedChildren) {
        const info = memberSlot(member);
        if (!info) continue;
        const earlier = seen.find((s) => clashes(s.slot, info.slot));
        seen.push({ node: member, slot: info.slot });
        if (!earlier) continue;
        // Anchor on whichever definition the change wrote (its name line), the later one first.
        const wrote = (n: Node) => ctx.addedLines.has(startLineOf(n.childForFieldName("name") ?? n));
        const anchor = wrote(member) ? member : wrote(earlier.node) ? earlier.node : undefined;
        if (!anchor || !isNewCode(ctx, earlier.node, member)) continue;
        ctx.report({
          line: startLineOf(anchor.childForFieldName("name") ?? anchor),
          message:
            `\`${info.name}\` is defined twice in this class (also on line ${startLineOf(anchor === member ? earlier.node : member)}); ` +
            "the later definition replaces the earlier one, whose code never runs. Remove one or rename it.",
        });
      }
    }
  },
};
