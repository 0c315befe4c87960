import { identifierWords } from "./js-syntax.js";

// Leading words of functions that check or clean input or callers.
export const GUARD_VERBS = new Set(["validate", "authorize", "authorise", "authenticate", "sanitize", "sanitise", "escape", "verify", "assert"]);
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
export const HINT_WORD =
  /^(auth\w*|permission\w*|perms?|roles?|admin\w*|owner\w*|allow\w*|access|token\w*|session\w*|csrf|xsrf|signature\w*|secret\w*|valid\w*|invalid\w*|verif\w*|sanitiz\w*|forbidden|unauthori[sz]ed|login|logged|scopes?|acl|polic(y|ies)|proto|prototype|401|403)$/;
// A `..` path segment in a string: traversal checks.
const DOT_DOT = /["'`]\.\.(["'`/\\])/;

/** True when text reads as an access, validation or key-safety check (a guard word, or a `..` test). */
export function readsAsGuard(text: string): boolean {
  return identifierWords(text).some((w) => HINT_WORD.test(w)) || DOT_DOT.test(text);
}
// Leaving the function, or skipping the current key or item in a loop.
export const EXIT_TYPES = new Set(["return_statement", "throw_statement", "raise_statement", "break_statement", "continue_statement"]);

/** How a guard-named function reads: an access or validation check, or a plain assertion. */
export type GuardKind = "security" | "assertion";

/** `authorizeUser` → "security", `assertShape` → "assertion", `render` → undefined. */
export function guardKind(name: string): GuardKind | undefined {
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

/** The guard words of a name or condition (for telling a renamed check from a different one). */
export function guardWords(text: string): Set<string> {
  return new Set(identifierWords(text).filter((w) => HINT_WORD.test(w) || GUARD_VERBS.has(w)));
}
