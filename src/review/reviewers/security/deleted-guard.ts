import type { FileContext, Rule } from "../../rule.js";
import type { ParsedSource } from "../../../code/parse-source.js";
import { excerpt } from "./anchor-lines.js";
import { isTestPath } from "./file-roles.js";
import { FUNCTION_TYPES, calleeName, callArguments, functionName, identifierWords, stringValue, type SyntaxNode } from "./js-syntax.js";
import { pyDottedPath } from "./python-syntax.js";

// Leading words of functions that check or clean input or callers.
const GUARD_VERBS = new Set(["validate", "authorize", "authorise", "authenticate", "sanitize", "sanitise", "escape", "verify", "assert"]);
const GUARD_PAIRS: Array<[string, RegExp]> = [
  ["check", /^(permission|permissions|access|auth|authorization|role|roles|csrf|token|signature|owner|ownership|scope|scopes)$/],
  ["is", /^(allowed|authorized|authorised|authenticated|permitted|admin|owner)$/],
  ["require", /^(auth|login|user|role|roles|admin|permission|permissions|scope|scopes|session|owner)$/],
  ["ensure", /^(auth|authenticated|logged|login|permission|permissions|admin|owner|authorized)$/],
  ["can", /^\w+$/],
  ["use", /^guards?$/],
  // Python decorators: @login_required, @permission_required("x").
  ["login", /^required$/],
  ["permission", /^required$/],
  ["auth", /^required$/],
];
// Words in a condition or its exit that make it an access, validation or key-safety check.
const HINT_WORD =
  /^(auth\w*|permission\w*|perms?|roles?|admin\w*|owner\w*|allow\w*|access|token\w*|session\w*|csrf|xsrf|signature\w*|secret\w*|valid\w*|invalid\w*|verif\w*|sanitiz\w*|forbidden|unauthori[sz]ed|login|logged|scopes?|acl|polic(y|ies)|proto|prototype|401|403)$/;
// A `..` path segment in a string: traversal checks.
const DOT_DOT = /["'`]\.\.(["'`/\\])/;

function readsAsGuard(text: string): boolean {
  return identifierWords(text).some((w) => HINT_WORD.test(w)) || DOT_DOT.test(text);
}
// Leaving the function, or skipping the current key or item in a loop.
const EXIT_TYPES = new Set(["return_statement", "throw_statement", "raise_statement", "break_statement", "continue_statement"]);

type GuardKind = "security" | "assertion";

function guardKind(name: string): GuardKind | undefined {
  const words = identifierWords(name);
  if (!words.length) return undefined;
  if (words[0] === "assert") {
    // Bare `assert(x)` states programmer invariants; `assertAuthorized(user)` checks callers.
    if (words.length === 1) return undefined;
    return words.slice(1).some((w) => HINT_WORD.test(w)) ? "security" : "assertion";
  }
  if (GUARD_VERBS.has(words[0])) return "security";
  if (words.length > 1 && GUARD_PAIRS.some(([verb, next]) => words[0] === verb && next.test(words[1]))) return "security";
  return undefined;
}

/** A stable name for a function or route registration, comparable across the two sides. */
function containerKey(node: SyntaxNode, python: boolean): { key: string; node: SyntaxNode } | undefined {
  for (let p = node.parent; p; p = p.parent) {
    // A Python decorator belongs to the function it decorates, which is its sibling.
    // Its decorators count as part of it (so the container is the decorated_definition).
    if (python && p.type === "decorated_definition") {
      const def = p.childForFieldName("definition");
      const own = def?.type === "function_definition" ? def.childForFieldName("name")?.text : undefined;
      if (def && own) return { key: `${classNameOf(def, python)}${own}`, node: p };
    }
    if (python ? p.type === "function_definition" : FUNCTION_TYPES.has(p.type)) {
      const own = python ? p.childForFieldName("name")?.text : functionName(p);
      const node = python && p.parent?.type === "decorated_definition" ? p.parent : p;
      if (own) return { key: `${classNameOf(p, python)}${own}`, node };
      continue; // anonymous callback: its route registration or named function names it
    }
    if (!python && p.type === "call_expression") {
      const route = stringValue(callArguments(p)[0]);
      const callee = p.childForFieldName("function")?.text;
      if (route !== undefined && callee) return { key: `${callee}(${route})`, node: p };
    }
  }
  return undefined;
}

function classNameOf(fn: SyntaxNode, python: boolean): string {
  for (let p = fn.parent; p; p = p.parent) {
    if (p.type === (python ? "class_definition" : "class_declaration") || p.type === "class") {
      const name = p.childForFieldName("name")?.text;
      return name ? `${name}.` : "";
    }
  }
  return "";
}

/**
 * The container with `key` on the new side, looked up around `row` (where the deleted lines sat):
 * the nearest named container there, or one around it. Falls back to every container in the file
 * only when the function moved.
 */
function keptContainer(now: ParsedSource, row: number, key: string): SyntaxNode | undefined {
  const python = now.language === "python";
  const root = now.tree.rootNode;
  const line = now.text.split("\n", row + 1)[row] ?? "";
  const at = root.descendantForPosition({ row, column: Math.max(0, line.search(/\S/)) });
  for (let owner = containerKey(at, python); owner; owner = containerKey(owner.node, python)) {
    if (owner.key === key) return owner.node;
  }
  return containersOf(now).get(key);
}

/** Every function and route registration on a side, by key. */
function containersOf(source: ParsedSource): Map<string, SyntaxNode> {
  const python = source.language === "python";
  const found = new Map<string, SyntaxNode>();
  const types = python ? ["function_definition"] : [...FUNCTION_TYPES, "call_expression"];
  for (const node of source.tree.rootNode.descendantsOfType(types)) {
    const inner = node.namedChildren[0] ?? node;
    const owner = containerKey(inner, python);
    const expected = python && node.parent?.type === "decorated_definition" ? node.parent : node;
    if (owner && owner.node.id === expected.id && !found.has(owner.key)) found.set(owner.key, owner.node);
  }
  return found;
}

/** How often `name` is called or passed (as middleware) inside a node. */
function countReferences(scope: SyntaxNode, name: string, python: boolean): number {
  let count = 0;
  for (const id of scope.descendantsOfType(python ? ["identifier"] : ["identifier", "property_identifier"])) if (id.text === name) count++;
  return count;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, "");
}

interface RemovedGuard {
  node: SyntaxNode;
  kind: "if" | GuardKind;
  /** What to call it in the message. */
  shown: string;
  /** The name (for calls) or condition text (for ifs) that must no longer appear on the new side. */
  needle: string;
}

function allLinesDeleted(ctx: FileContext, node: SyntaxNode): boolean {
  for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) if (!ctx.deletedLines.has(l)) return false;
  return true;
}

/** `if (!allowed) return/throw ...` without an else, deleted whole. */
function removedEarlyExits(ctx: FileContext): RemovedGuard[] {
  const found: RemovedGuard[] = [];
  for (const node of ctx.deletedNodes("if_statement")) {
    if (!allLinesDeleted(ctx, node) || node.childForFieldName("alternative")) continue;
    const consequence = node.childForFieldName("consequence");
    const condition = node.childForFieldName("condition");
    if (!consequence || !condition) continue;
    const statements = consequence.type === "statement_block" || consequence.type === "block" ? consequence.namedChildren : [consequence];
    const exits = statements.filter((s) => EXIT_TYPES.has(s.type));
    if (!exits.length) continue;
    // Judge the test and what it answers with, not comments or unrelated statements.
    if (!readsAsGuard(condition.text) && !exits.some((e) => readsAsGuard(e.text))) continue;
    found.push({ node, kind: "if", shown: excerpt(node.text, 70), needle: normalized(condition.text) });
  }
  return found;
}

/** Deleted calls to `validate*`/`authorize*`/... and deleted middleware references to them. */
function removedGuardCalls(ctx: FileContext, python: boolean): RemovedGuard[] {
  const found: RemovedGuard[] = [];
  for (const id of ctx.deletedNodes(python ? ["identifier"] : ["identifier", "property_identifier"])) {
    if (!ctx.deletedLines.has(id.startPosition.row + 1)) continue;
    const kind = guardKind(id.text);
    if (!kind) continue;
    const parent = id.parent;
    // Called (`authorize(user)`, `this.validate(x)`, `auth.verify(t)`) or passed as middleware.
    let node: SyntaxNode | undefined;
    if (python) {
      const call = parent?.type === "attribute" ? parent.parent : parent;
      if (call?.type === "call" && pyDottedPath(call.childForFieldName("function"))?.at(-1) === id.text) node = call;
      else if (parent?.type === "decorator" || parent?.parent?.type === "decorator") node = parent.type === "decorator" ? parent : parent.parent!;
    } else {
      const call = parent?.type === "member_expression" ? parent.parent : parent;
      if (call?.type === "call_expression" && calleeName(call) === id.text) node = call;
      else if (parent?.type === "arguments" && id.type === "identifier") node = id;
    }
    if (!node || found.some((g) => g.node.id === node!.id)) continue;
    found.push({ node, kind, shown: excerpt(node.text, 70), needle: id.text });
  }
  return found;
}

function movedElsewhere(ctx: FileContext, needle: string, kind: RemovedGuard["kind"]): boolean {
  for (const other of ctx.change.files) {
    if (other === ctx) continue;
    const lines = other.newText.split("\n");
    for (const line of other.addedLines) {
      const text = lines[line - 1] ?? "";
      if (kind === "if" ? normalized(text).includes(needle) : text.includes(needle)) return true;
    }
  }
  return false;
}

function guardWords(text: string): Set<string> {
  return new Set(identifierWords(text).filter((w) => HINT_WORD.test(w) || GUARD_VERBS.has(w)));
}

/**
 * Looks for a check of the same sort that the change adds to the same function. "renamed":
 * it shares a guard word with the removed one (`authorize(u)` → `authorizeUser(u)`), a refactor.
 * "different": another check took its place (`sanitizeVar(x)` → `validator.escape(x)`), which
 * may or may not cover the same inputs. undefined: nothing replaces it.
 */
function replacementIn(ctx: FileContext, kept: SyntaxNode, guard: RemovedGuard, python: boolean): { how: "renamed" | "different"; text: string } | undefined {
  const added = (node: SyntaxNode) => ctx.addedLines.has(node.startPosition.row + 1);
  const removedWords = guardWords(guard.needle);
  const candidates =
    guard.kind === "if"
      ? kept.descendantsOfType("if_statement").filter((n) => added(n) && readsAsGuard(n.childForFieldName("condition")?.text ?? "")).map((n) => n.childForFieldName("condition")!.text)
      : kept.descendantsOfType(python ? ["identifier"] : ["identifier", "property_identifier"]).filter((id) => added(id) && guardKind(id.text) !== undefined).map((id) => id.text);
  if (!candidates.length) return undefined;
  const renamed = candidates.find((c) => [...guardWords(c)].some((w) => removedWords.has(w)));
  return renamed !== undefined ? { how: "renamed", text: renamed } : { how: "different", text: candidates[0] };
}

const IF_WORD = /(?<![\w$])if(?![\w$])/;
const EXIT_WORD = /(?<![\w$])(return|throw|raise|break|continue)(?![\w$])/;

/**
 * True when the deleted lines can hold what this rule looks for: a guard-named call, or an `if`
 * with an exit and a guard word (the whole statement is deleted, so all three sit in one run of
 * deleted lines).
 */
function deletedTextMayHoldGuard(ctx: FileContext): boolean {
  for (const hunk of ctx.file.hunks) {
    let ifs = false;
    let exits = false;
    let hints = false;
    for (const line of hunk.lines) {
      if (line.kind !== "del") {
        ifs = exits = hints = false;
        continue;
      }
      for (const word of line.content.match(/[A-Za-z_$][\w$]*/g) ?? []) if (guardKind(word)) return true;
      ifs ||= IF_WORD.test(line.content);
      exits ||= EXIT_WORD.test(line.content);
      hints ||= readsAsGuard(line.content);
      if (ifs && exits && hints) return true;
    }
  }
  return false;
}

/** The new-side line where a deleted old-side line used to be: the first line shown after it. */
function newRowAfter(ctx: FileContext, oldLine: number): number {
  for (const hunk of ctx.file.hunks) {
    let passed = false;
    let lastNew = hunk.newStart;
    for (const line of hunk.lines) {
      if (line.kind === "del" && line.oldLine === oldLine) passed = true;
      else if (line.newLine !== undefined) {
        if (passed) return line.newLine;
        lastNew = line.newLine;
      }
    }
    if (passed) return Math.max(1, lastNew);
  }
  return Math.max(1, oldLine);
}

/** The PR deletes an access or validation early exit, or a call to validate…/authorize…/sanitize…, from a function it keeps. */
export const deletedGuard: Rule = {
  meta: {
    id: "security/deleted-guard",
    category: "security",
    severity: "warning",
    confidence: 0.6,
    rationale: "Removing a permission or validation check from code that stays lets requests it used to stop through.",
    languages: ["javascript", "typescript", "tsx", "python"],
  },
  checkFile(ctx) {
    const now = ctx.source;
    // Tests delete assertions and fixtures' checks all the time; that is not a security change.
    if (!now || !ctx.deletedLines.size || isTestPath(ctx.path)) return;
    // Most deletions hold nothing that reads as a check: decide that from the text, before
    // paying for the old side's parse.
    if (!deletedTextMayHoldGuard(ctx)) return;
    const old = ctx.oldSource;
    if (!old) return;
    const python = old.language === "python";
    for (const guard of [...removedEarlyExits(ctx), ...removedGuardCalls(ctx, python)]) {
      const owner = containerKey(guard.node, python);
      if (!owner) continue;
      const before = owner.node;
      const kept = keptContainer(now, newRowAfter(ctx, guard.node.startPosition.row + 1) - 1, owner.key);
      // A function that is gone (or renamed) from this file is not "still present".
      if (!kept) continue;
      if (guard.kind === "if") {
        if (normalized(kept.text).includes(guard.needle)) continue;
      } else {
        if (countReferences(kept, guard.needle, python) >= countReferences(before, guard.needle, python)) continue;
        if (countReferences(now.tree.rootNode, guard.needle, python) >= countReferences(old.tree.rootNode, guard.needle, python)) continue;
      }
      if (movedElsewhere(ctx, guard.needle, guard.kind)) continue;
      const replacement = replacementIn(ctx, kept, guard, python);
      if (replacement?.how === "renamed") continue;
      const where = owner.key.includes("(") ? `the \`${owner.key}\` handler` : `\`${owner.key}\``;
      const what = guard.kind === "if" ? "the early exit" : guard.node.type.includes("call") ? "the call" : "the check";
      const effect = guard.kind === "if" ? "input or callers it used to turn away now reach the rest of the function" : "what it used to reject or clean now goes through unchecked";
      ctx.report({
        line: guard.node.startPosition.row + 1,
        side: "LEFT",
        confidence: replacement ? 0.35 : guard.kind === "assertion" ? 0.4 : guard.kind === "if" ? 0.5 : 0.6,
        message: replacement
          ? `This change replaces ${what} \`${guard.shown}\` in ${where} with \`${excerpt(replacement.text, 50)}\`: make sure the new check rejects everything the old one did (a different check can let some inputs through).`
          : `This change deletes ${what} \`${guard.shown}\` from ${where}, which stays: ${effect}. ` +
            "If the check moved (middleware, caller, schema), point to it; otherwise restore it.",
      });
    }
  },
};
