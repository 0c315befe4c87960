import type Parser from "tree-sitter";
import type { FileContext, Rule } from "../../rule.js";
import { addedNodesOfType } from "./added-nodes.js";
import { isNewCode, lineWithReplacement, rangeOf } from "./report-range.js";
import { isPureReference } from "./same-reference.js";

type Node = Parser.SyntaxNode;

const norm = (s: string) => s.replace(/\s+/g, "");

/** `for (…; i <= arr.length; i++)` → the counter and the array, when the loop has that shape. */
function jsBound(loop: Node): { counter: string; array: string; condition: Node; fixed: string } | undefined {
  const condition = loop.childForFieldName("condition");
  if (condition?.type !== "binary_expression") return undefined;
  const op = condition.childForFieldName("operator")?.text;
  const left = condition.childForFieldName("left");
  const right = condition.childForFieldName("right");
  if (!left || !right) return undefined;
  // `i <= a.length` or the mirrored `a.length >= i`.
  const [counter, length] = op === "<=" ? [left, right] : op === ">=" ? [right, left] : [];
  if (counter?.type !== "identifier" || length?.type !== "member_expression") return undefined;
  if (length.childForFieldName("property")?.text !== "length") return undefined;
  const array = length.childForFieldName("object");
  if (!isPureReference(array)) return undefined;
  // The counter must count up by one, or `<=` may be deliberate.
  const update = norm(loop.childForFieldName("increment")?.text ?? "");
  if (![`${counter.text}++`, `++${counter.text}`, `${counter.text}+=1`].includes(update)) return undefined;
  const fixed = op === "<=" ? `${counter.text} < ${length.text}` : `${length.text} > ${counter.text}`;
  return { counter: counter.text, array: norm(array!.text), condition, fixed };
}

/** `for i in range(len(a) + 1)` (optionally `range(0, len(a) + 1)`). */
function pyBound(loop: Node): { counter: string; array: string; condition: Node; fixed: string } | undefined {
  const counter = loop.childForFieldName("left");
  const call = loop.childForFieldName("right");
  if (counter?.type !== "identifier" || call?.type !== "call" || call.childForFieldName("function")?.text !== "range") return undefined;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  if (args.length === 2 && args[0].text !== "0") return undefined;
  const end = args.at(-1);
  if (args.length > 2 || end?.type !== "binary_operator" || norm(end.childForFieldName("right")?.text ?? "") !== "1") return undefined;
  if (end.childForFieldName("operator")?.text !== "+") return undefined;
  const len = end.childForFieldName("left");
  if (len?.type !== "call" || len.childForFieldName("function")?.text !== "len") return undefined;
  const array = len.childForFieldName("arguments")?.namedChildren;
  if (array?.length !== 1 || !isPureReference(array[0])) return undefined;
  return { counter: counter.text, array: norm(array[0].text), condition: end, fixed: len.text };
}

/** True when `node` is `array[counter]` (or `array[counter + 0]`-free: exactly the counter). */
function indexes(node: Node, array: string, counter: string): boolean {
  const object = node.childForFieldName("object") ?? node.childForFieldName("value");
  const index = node.childForFieldName("index") ?? node.childForFieldName("subscript");
  return !!object && !!index && norm(object.text) === array && norm(index.text) === counter;
}

/** A loop that runs its counter up to `arr.length` inclusive and reads `arr[i]`: one step too far. */
export const offByOneLoop: Rule = {
  meta: {
    id: "correctness/off-by-one-loop",
    category: "correctness",
    severity: "warning",
    confidence: 0.9,
    rationale: "Indexes run from 0 to length - 1; a loop that lets the index reach length reads (or writes) one element past the end.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx: FileContext) {
    const python = ctx.source!.language === "python";
    for (const loop of addedNodesOfType(ctx, "for_statement")) {
      const bound = python ? pyBound(loop) : jsBound(loop);
      if (!bound || !ctx.touchesAdded(bound.condition)) continue;
      const body = loop.childForFieldName("body");
      if (!body) continue;
      const subscripts = body.descendantsOfType(python ? "subscript" : "subscript_expression");
      if (!subscripts.some((s) => indexes(s, bound.array, bound.counter))) continue;
      // A body that mentions the length or looks one back (`arr[i - 1]`) may be using the extra
      // step on purpose, e.g. as an end-of-input sentinel.
      const bodyText = norm(body.text);
      if (bodyText.includes(`${bound.array}.length`) || bodyText.includes(`len(${bound.array})`)) continue;
      if (bodyText.includes(`${bound.array}[${bound.counter}-1]`)) continue;
      const suggestion = lineWithReplacement(ctx, bound.condition, bound.fixed);
      if (!isNewCode(ctx, loop)) continue;
      ctx.report({
        ...rangeOf(bound.condition),
        message: python
          ? `\`${bound.condition.text}\` lets \`${bound.counter}\` reach \`len(${bound.array})\`, one past the last index, so \`${bound.array}[${bound.counter}]\` raises IndexError. Use \`range(${bound.fixed})\`.`
          : `\`${bound.condition.text}\` lets \`${bound.counter}\` reach \`${bound.array}.length\`, one past the last index, so \`${bound.array}[${bound.counter}]\` is undefined on the last pass. Use \`${bound.fixed}\`.`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  },
};
