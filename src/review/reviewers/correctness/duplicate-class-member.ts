import type Parser from "tree-sitter";
import { startLineOf } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { literalKeyName } from "./literal-keys.js";
import { isNewCode } from "./report-range.js";

type Node = Parser.SyntaxNode;

/** The normalized name a member defines, when it is a member whose slot can clash (see {@link memberSlot}). */
function memberName(member: Node): string | undefined {
  if (member.type === "method_definition") return literalKeyName(member.childForFieldName("name"));
  // Python: only plain `def`s. Decorated ones take part in property/overload/dispatch patterns
  // where repeating the name is the point.
  if (member.type === "function_definition") return member.childForFieldName("name")?.text;
  return undefined;
}

/** The slot a class member of that name occupies (`static` and accessors kept apart). */
function memberSlot(member: Node, name: string): string {
  if (member.type !== "method_definition") return `def ${name}`;
  const tokens = new Set(member.children.filter((c) => !c.isNamed).map((c) => c.type));
  const kind = tokens.has("get") ? "get" : tokens.has("set") ? "set" : "method";
  return `${tokens.has("static") ? "static " : ""}${kind} ${name}`;
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
      // Only members whose slots end in the same word can clash: read the names first, and the
      // rest of a member (its static/get/set keywords) only for the few whose name repeats.
      const named: Array<{ node: Node; name: string; key: string }> = [];
      const counts = new Map<string, number>();
      for (const member of body.namedChildren) {
        const name = memberName(member);
        if (name === undefined) continue;
        const key = name.split(" ").at(-1)!;
        named.push({ node: member, name, key });
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const seen: Array<{ node: Node; slot: string }> = [];
      for (const { node: member, name, key } of named) {
        if (counts.get(key)! < 2) continue;
        const info = { name, slot: memberSlot(member, name) };
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
