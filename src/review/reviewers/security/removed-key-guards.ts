import type { FileContext } from "../../rule.js";
import type { ParsedSource } from "../../../code/parse-source.js";
import { excerpt } from "./anchor-lines.js";
import { containerKey, keptContainer, newRowAfter } from "./guard-containers.js";
import { FUNCTION_TYPES, identifierWords, stringValue, unwrap, type SyntaxNode } from "./js-syntax.js";

/** A protection against hostile object keys that the change removes or narrows. */
export interface RemovedKeyGuard {
  /** New-side line to comment on: where the removed check used to run. */
  line: number;
  /** Old-side line of the removed code (for moved-guard checks and dedupe). */
  oldLine: number;
  confidence: number;
  message: string;
}

const DANGEROUS_KEYS = ["__proto__", "constructor", "prototype"];
const QUOTED_DANGEROUS_KEY = /["'`](?:__proto__|constructor|prototype)["'`]/;
// Checks that a key is the object's own, which keeps `__proto__` and inherited names out.
const OWN_CHECK = /^(hasOwnProperty|hasOwn|getOwnPropertyNames|propertyIsEnumerable)$/;
// Names of checks that may live in another module: `isSafeKey(k)`, `isValidKey`, `isPrototypePolluted`.
const KEY_CHECK_WORDS = new Set(["safe", "unsafe", "valid", "invalid", "allowed", "forbidden", "dangerous", "proto", "prototype", "polluted", "pollution"]);

interface Coverage {
  keys: Set<string>;
  own: boolean;
}

const definitionCache = new WeakMap<ParsedSource, Map<string, SyntaxNode>>();

/** Functions and constants of a file, by name (what a check may call to test a key). */
function definitionsOf(source: ParsedSource): Map<string, SyntaxNode> {
  let defs = definitionCache.get(source);
  if (defs) return defs;
  defs = new Map();
  for (const node of source.tree.rootNode.descendantsOfType(["function_declaration", "variable_declarator"])) {
    const name = node.childForFieldName("name");
    const body = node.type === "function_declaration" ? node : node.childForFieldName("value");
    if (name?.type === "identifier" && body && !defs.has(name.text)) defs.set(name.text, body);
  }
  definitionCache.set(source, defs);
  return defs;
}

const FUNCTION_VALUES = new Set([...FUNCTION_TYPES, "function_declaration"]);
const MAX_DEPTH = 3;

/**
 * The dangerous keys a piece of code compares with, directly, through the helpers it calls (one
 * level) or the constants it or they use (`isValidPath` → `disallowedKeys`), and whether it tests
 * own properties itself. Deeper chains are left out: in a big file they reach everything.
 */
function coverageOf(node: SyntaxNode, defs: Map<string, SyntaxNode>, depth = 0, seen = new Set<SyntaxNode>()): Coverage {
  const coverage: Coverage = { keys: new Set(), own: false };
  for (const str of node.descendantsOfType(["string", "template_string"])) {
    const value = stringValue(str);
    if (value !== undefined && DANGEROUS_KEYS.includes(value)) coverage.keys.add(value);
  }
  for (const name of node.descendantsOfType(["identifier", "property_identifier"])) {
    if (depth === 0 && OWN_CHECK.test(name.text)) coverage.own = true;
    const def = name.type === "identifier" ? defs.get(name.text) : undefined;
    // Not itself, and not a function beyond the first level.
    if (!def || seen.has(def) || (def.startIndex <= node.startIndex && def.endIndex >= node.endIndex) || (FUNCTION_VALUES.has(def.type) && depth > 0)) continue;
    // Constants may refer to each other in circles.
    seen.add(def);
    if (depth < MAX_DEPTH) for (const key of coverageOf(def, defs, depth + 1, seen).keys) coverage.keys.add(key);
  }
  return coverage;
}

/** What a deleted node took part in checking: a dangerous key, an own-property test, or a helper's keys. */
function contributionOf(node: SyntaxNode, defs: Map<string, SyntaxNode>): Coverage {
  if (node.type === "string") {
    const value = stringValue(node) ?? "";
    return { keys: new Set(DANGEROUS_KEYS.includes(value) ? [value] : []), own: false };
  }
  if (OWN_CHECK.test(node.text)) return { keys: new Set(), own: true };
  const def = node.type === "identifier" ? defs.get(node.text) : undefined;
  if (!def || (def.startIndex <= node.startIndex && def.endIndex >= node.endIndex)) return { keys: new Set(), own: false };
  return { keys: coverageOf(def, defs, 1).keys, own: false };
}

/** `cur = cur[key]`: the function walks down through keys chosen at run time. */
function walksByKey(fn: SyntaxNode): boolean {
  return fn.descendantsOfType("assignment_expression").some((a) => {
    const left = unwrap(a.childForFieldName("left"));
    const right = unwrap(a.childForFieldName("right"));
    return left?.type === "identifier" && right?.type === "subscript_expression" && unwrap(right.childForFieldName("object"))?.text === left.text;
  });
}

/** True when the new version of the function builds prototype-free objects instead. */
function switchedToPrototypeFree(ctx: FileContext, kept: SyntaxNode): boolean {
  const lines = kept.text.split("\n");
  return lines.some((text, i) => ctx.addedLines.has(kept.startPosition.row + 1 + i) && /Object\.create\(\s*null\s*\)|new Map\b/.test(text));
}

/** True when the kept function calls, on an added line, a key check defined elsewhere (an import). */
function callsImportedKeyCheck(ctx: FileContext, kept: SyntaxNode, defs: Map<string, SyntaxNode>): boolean {
  return kept.descendantsOfType("call_expression").some((call) => {
    if (!ctx.addedLines.has(call.startPosition.row + 1)) return false;
    const fn = call.childForFieldName("function");
    const name = fn?.type === "member_expression" ? fn.childForFieldName("property")?.text : fn?.text;
    if (!name || defs.has(name)) return false;
    const words = identifierWords(name);
    return words.includes("key") ? words.some((w) => KEY_CHECK_WORDS.has(w)) : words.some((w) => w === "proto" || w === "polluted");
  });
}

/** True when another changed file adds the dangerous key names: the check may have moved there. */
function movedToAnotherFile(ctx: FileContext): boolean {
  return ctx.change.files.some((other) => {
    if (other === ctx) return false;
    const lines = other.newText.split("\n");
    return [...other.addedLines].some((line) => QUOTED_DANGEROUS_KEY.test(lines[line - 1] ?? ""));
  });
}

const OWN_CHECK_TEXT = /hasOwn|getOwnPropertyNames|propertyIsEnumerable/;

function deletedLinesMatch(ctx: FileContext, pattern: RegExp): boolean {
  return ctx.file.hunks.some((hunk) => hunk.lines.some((line) => line.kind === "del" && pattern.test(line.content)));
}

function listKeys(keys: Iterable<string>): string {
  return [...keys].map((k) => `\`${k}\``).join(", ");
}

/**
 * Functions that, after the change, no longer reject keys they used to: a deleted
 * `if (key === "__proto__") continue`, a dropped `.filter(isValidKey)`, a deleted own-property test,
 * or a check narrowed from three keys to one. Compares what each kept function checks on both
 * sides, following same-file helpers (`isValidPath` → `disallowedKeys`). JavaScript only.
 * `examined`: the functions whose key checks were compared (findings or not), so that the generic
 * removed-check analysis does not judge them again.
 */
export function removedKeyGuards(ctx: FileContext): { found: RemovedKeyGuard[]; examined: Set<string> } {
  const examined = new Set<string>();
  // Without a quoted key name in the old file (a helper may hold it) or an own-property test on a
  // deleted line there is nothing to remove: skip the old side's parse.
  if (!QUOTED_DANGEROUS_KEY.test(ctx.oldText) && !deletedLinesMatch(ctx, OWN_CHECK_TEXT)) return { found: [], examined };
  const old = ctx.oldSource;
  const now = ctx.source;
  if (!old || !now || old.language === "python") return { found: [], examined };
  const oldDefs = definitionsOf(old);
  const owners = new Map<string, { node: SyntaxNode; firstRow: number; removed: SyntaxNode; deleted: Coverage }>();
  for (const node of ctx.deletedNodes(["string", "identifier", "property_identifier"])) {
    if (!ctx.deletedLines.has(node.startPosition.row + 1)) continue;
    const part = contributionOf(node, oldDefs);
    if (!part.keys.size && !part.own) continue;
    const owner = containerKey(node, false);
    if (!owner) continue;
    const seen = owners.get(owner.key);
    if (seen) {
      for (const k of part.keys) seen.deleted.keys.add(k);
      seen.deleted.own ||= part.own;
      continue;
    }
    let statement = node;
    while (statement.parent && !statement.parent.type.endsWith("statement_block") && statement.parent.type !== "program" && !FUNCTION_TYPES.has(statement.parent.type)) statement = statement.parent;
    owners.set(owner.key, { node: owner.node, firstRow: node.startPosition.row, removed: statement, deleted: part });
  }
  if (!owners.size) return { found: [], examined };
  const newDefs = definitionsOf(now);
  const found: RemovedKeyGuard[] = [];
  for (const [key, { node, firstRow, removed, deleted }] of owners) {
    const line = newRowAfter(ctx, firstRow + 1);
    const kept = keptContainer(now, line - 1, key);
    if (!kept) continue;
    examined.add(key);
    const before = coverageOf(node, oldDefs);
    const after = coverageOf(kept, newDefs);
    // Only what the deleted code itself checked, and the function no longer does.
    const lostKeys = [...deleted.keys].filter((k) => before.keys.has(k) && !after.keys.has(k));
    const lostOwn = deleted.own && before.own && !after.own;
    if (!lostKeys.length && !lostOwn) continue;
    if (callsImportedKeyCheck(ctx, kept, newDefs) || movedToAnotherFile(ctx) || switchedToPrototypeFree(ctx, kept)) continue;
    // An own-property test matters as a guard (`if (!own) return`) in a function that walks keys.
    if (!lostKeys.length && !(removed.type === "if_statement" && walksByKey(kept))) continue;
    const narrowed = lostKeys.length > 0 && after.keys.size > 0;
    const what = lostKeys.length ? `the check against ${listKeys(lostKeys)}` : "the own-property check";
    found.push({
      line,
      oldLine: firstRow + 1,
      confidence: lostKeys.length ? (narrowed ? 0.65 : 0.75) : 0.6,
      message:
        `This change ${narrowed ? "narrows" : "removes"} ${what} in \`${key}\` (it was \`${excerpt(removed.text, 60)}\`)` +
        `${narrowed ? `; only ${listKeys(after.keys)} is still rejected` : ""}: keys from the data such as \`__proto__\` or \`constructor.prototype\` ` +
        "then reach `Object.prototype` and change every object in the process (prototype pollution). Keep rejecting all three keys (or check `Object.hasOwn`) before writing or walking.",
    });
  }
  return { found, examined };
}

// `Object.create(null)` and helpers named for it (`createNullProtoObj()`): objects without a prototype.
const NULL_PROTOTYPE = /Object\.create\(\s*null\s*\)|[\w$.]*(?:[Nn]ull[\w$]*[Pp]roto|[Pp]roto[\w$]*[Nn]ull)[\w$]*\(\s*\)/g;

/**
 * Where the change swaps an object without a prototype (`Object.create(null)`) for a plain `{}`,
 * leaving the rest of the line as it was: keys like `__proto__` written into it then reach
 * `Object.prototype`. One finding per file, at the first swap (the message lists the others).
 * Text only: no parse needed.
 */
export function removedNullPrototypes(ctx: FileContext): RemovedKeyGuard[] {
  const swaps: Array<{ line: number; oldLine: number; shown: string }> = [];
  for (const hunk of ctx.file.hunks) {
    const lines = hunk.lines;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].kind !== "del") continue;
      // One change block: deleted lines, then the added lines that replace them.
      let end = i;
      while (end < lines.length && lines[end].kind === "del") end++;
      let addEnd = end;
      while (addEnd < lines.length && lines[addEnd].kind === "add") addEnd++;
      const added = lines.slice(end, addEnd);
      for (const del of lines.slice(i, end)) {
        const shown = del.content.match(NULL_PROTOTYPE)?.[0];
        if (!shown) continue;
        const plain = del.content.replace(NULL_PROTOTYPE, "{}").replace(/\s+/g, "");
        const twin = added.find((a) => a.content.replace(/\s+/g, "") === plain);
        if (twin?.newLine && del.oldLine) swaps.push({ line: twin.newLine, oldLine: del.oldLine, shown });
      }
      i = addEnd - 1;
    }
  }
  if (!swaps.length) return [];
  const [first, ...others] = swaps;
  const also = others.length ? ` The change does the same on line${others.length > 1 ? "s" : ""} ${others.map((o) => o.line).join(", ")}.` : "";
  return [
    {
      line: first.line,
      oldLine: first.oldLine,
      confidence: 0.65,
      message:
        `This change replaces an object without a prototype (\`${excerpt(first.shown, 50)}\`) with \`{}\`: ` +
        "keys taken from data, such as `__proto__`, now read and write through `Object.prototype` (prototype pollution), and names like `constructor` or `toString` appear to be present. " +
        `Keep \`Object.create(null)\` (or use a \`Map\`) for objects keyed by input.${also}`,
    },
  ];
}
