import type { FileContext, RawFinding, Rule } from "../../rule.js";
import { excerpt } from "./anchor-lines.js";
import { isTestPath } from "./file-roles.js";
import { containerKey, keptContainer, newRowAfter } from "./guard-containers.js";
import { EXIT_TYPES, guardKind, guardWords, readsAsGuard, type GuardKind } from "./guard-words.js";
import { calleeName, type SyntaxNode } from "./js-syntax.js";
import { pyDottedPath } from "./python-syntax.js";
import { removedConversions } from "./removed-conversions.js";
import { removedKeyGuards, removedNullPrototypes } from "./removed-key-guards.js";

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
  /** For ifs: the exit refuses (throws, returns an error or a 4xx) rather than just leaving. */
  rejects?: boolean;
  /** What to call it in the message. */
  shown: string;
  /** The name (for calls) or condition text (for ifs) that must no longer appear on the new side. */
  needle: string;
}

function allLinesDeleted(ctx: FileContext, node: SyntaxNode): boolean {
  for (let l = node.startPosition.row + 1; l <= node.endPosition.row + 1; l++) if (!ctx.deletedLines.has(l)) return false;
  return true;
}

// An answer that refuses the caller: an error object, a rejection, a 4xx status.
const REFUSAL = /\bnew\s+\w*Error\b|\b\w*Error\(|\breject\(|\b40[0-9]\b|forbidden|unauthori[sz]ed|abort/i;

const TYPE_CHECK = /\btypeof\b|\binstanceof\b|\bArray\.isArray\(|\bNumber\.is\w+\(|\bisNaN\(|[!=]==?\s*(undefined|null)\b/;

function refuses(exit: SyntaxNode): boolean {
  return exit.type === "throw_statement" || exit.type === "raise_statement" || (exit.type === "return_statement" && REFUSAL.test(exit.text));
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
    // `if (typeof x !== "string") throw new Error("invalid x")` checks an API's types, not its callers' rights.
    const typeCheck = TYPE_CHECK.test(condition.text) && !readsAsGuard(condition.text);
    found.push({ node, kind: "if", rejects: exits.some(refuses) && !typeCheck, shown: excerpt(node.text, 70), needle: normalized(condition.text) });
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

function whereOf(owner: string): string {
  return owner.includes("(") ? `the \`${owner}\` handler` : `\`${owner}\``;
}

/** Generic removed checks: early exits that read as guards, and calls to validate…/authorize…. */
function removedChecks(ctx: FileContext, skipOwners: ReadonlySet<string>): RawFinding[] {
  const now = ctx.source;
  const old = ctx.oldSource;
  if (!now || !old) return [];
  const python = old.language === "python";
  const found: RawFinding[] = [];
  for (const guard of [...removedEarlyExits(ctx), ...removedGuardCalls(ctx, python)]) {
    const owner = containerKey(guard.node, python);
    if (!owner || skipOwners.has(owner.key)) continue;
    const before = owner.node;
    const line = newRowAfter(ctx, guard.node.startPosition.row + 1);
    const kept = keptContainer(now, line - 1, owner.key);
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
    const what = guard.kind === "if" ? "the early exit" : guard.node.type.includes("call") ? "the call" : "the check";
    const effect = guard.kind === "if" ? "input or callers it used to turn away now reach the rest of the function" : "what it used to reject or clean now goes through unchecked";
    // A deleted exit that refused the caller is input validation; a bare return may be control flow.
    const ifConfidence = guard.rejects ? 0.6 : 0.5;
    found.push({
      line,
      confidence: replacement ? 0.35 : guard.kind === "assertion" ? 0.4 : guard.kind === "if" ? ifConfidence : 0.6,
      message: replacement
        ? `This change replaces ${what} \`${guard.shown}\` that stood here in ${whereOf(owner.key)} with \`${excerpt(replacement.text, 50)}\`: make sure the new check rejects everything the old one did (a different check can let some inputs through).`
        : `This change deletes ${what} \`${guard.shown}\` that stood here in ${whereOf(owner.key)}, which stays: ${effect}. ` +
          "If the check moved (middleware, caller, schema), point to it; otherwise restore it.",
    });
  }
  return found;
}

/**
 * The PR deletes an access or validation early exit, a call to validate…/authorize…/sanitize…, a
 * prototype-pollution defence (key check, own-property test, `Object.create(null)`), or a
 * conversion (`x = parseInt(x)`) of a value that still reaches `exec`/`query`/`eval`, from code
 * it keeps. Reported on the new side, at the code the check used to guard.
 */
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
    // Tests delete assertions and fixtures' checks all the time; that is not a security change.
    if (!ctx.source || !ctx.deletedLines.size || isTestPath(ctx.path)) return;
    const python = ctx.source.language === "python";
    const keyGuards = python ? { found: [], examined: new Set<string>() } : removedKeyGuards(ctx);
    for (const { line, confidence, message } of [...keyGuards.found, ...(python ? [] : removedNullPrototypes(ctx))]) ctx.report({ line, confidence, message });
    if (!python) for (const { line, message } of removedConversions(ctx)) ctx.report({ line, confidence: 0.6, message });
    // Most deletions hold nothing that reads as a check: decide that from the text, before
    // paying for the old side's parse.
    if (!deletedTextMayHoldGuard(ctx)) return;
    for (const finding of removedChecks(ctx, keyGuards.examined)) ctx.report(finding);
  },
};
