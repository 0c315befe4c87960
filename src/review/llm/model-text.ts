import { stripHidden, stripInvisible } from "./untrusted.js";

/**
 * A model's words are posted on the pull request, and a model reads attacker-controlled code, so
 * its output is cleaned like any other untrusted text before it becomes a comment.
 */

const MAX_MESSAGE = 1500;

/**
 * A comment message from a model: hidden content removed (an HTML comment could forge our
 * fingerprint marker), @mentions and #references put in code spans so nobody is notified or linked
 * by a model, and the length bounded.
 */
export function cleanModelMessage(text: string): string {
  const visible = stripHidden(text)
    .replace(/(^|[^\w`])@([A-Za-z0-9][\w-]*(?:\/[\w.-]+)?)/g, "$1`@$2`")
    .trim();
  return visible.length > MAX_MESSAGE ? `${visible.slice(0, MAX_MESSAGE - 1)}…` : visible;
}

/** A suggested replacement from a model: code, so only invisible characters (Trojan Source) go. */
export function cleanModelCode(code: string): string {
  return stripInvisible(code).replace(/\r/g, "");
}
