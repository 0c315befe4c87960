import { identifierWords } from "./js-syntax.js";

/** A credential format recognised by its shape alone. */
export interface TokenFormat {
  kind: string;
  pattern: RegExp;
  /** Formats that also show up as harmless samples (JWTs in docs and tests) get less. */
  confidence: number;
}

// Shapes as the issuers document them; lengths are lower bounds so that format changes that
// lengthen tokens keep matching.
export const TOKEN_FORMATS: TokenFormat[] = [
  { kind: "AWS access key ID", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/, confidence: 0.9 },
  { kind: "GitHub token", pattern: /\bgh[opsur]_[A-Za-z0-9]{36,255}\b/, confidence: 0.9 },
  { kind: "GitHub fine-grained token", pattern: /\bgithub_pat_[A-Za-z0-9_]{70,}\b/, confidence: 0.9 },
  { kind: "Slack token", pattern: /\bxox[baprs]-\d{6,}-[A-Za-z0-9-]{10,}/, confidence: 0.9 },
  { kind: "Stripe live key", pattern: /\b[sr]k_live_[A-Za-z0-9]{20,}\b/, confidence: 0.9 },
  { kind: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/, confidence: 0.85 },
  { kind: "JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/, confidence: 0.5 },
];

// A PEM header followed by real key material (not "..." or an empty template).
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\\[nr]|\s)*[A-Za-z0-9+/=]{40,}/;

// Words that mark documentation samples and templates rather than live credentials.
const PLACEHOLDER = /example|sample|dummy|placeholder|your[-_ ]?(?:own|api|key|token|secret|password)|change[-_]?me|replace[-_]?me|redacted|fake|mock|test|todo|<[^>]*>|\.\.\.|\*{3}|x{4}|\$\{|\{\{/i;

/** True for samples and templates: `AKIA...EXAMPLE`, `ghp_xxxx...`, `<your-token>`, long runs of one character. */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  if (/(.)\1{5,}/.test(value)) return true;
  return new Set(value).size < Math.min(8, value.length / 3);
}

/** A recognised credential inside a string, with its kind. */
export interface SecretMatch {
  kind: string;
  /** The matched credential text. */
  token: string;
  confidence: number;
}

/** Finds a known credential format in a string value, ignoring samples and placeholders. */
export function findKnownSecret(value: string): SecretMatch | undefined {
  const key = PRIVATE_KEY.exec(value);
  if (key && !isPlaceholder(key[0].slice(key[0].lastIndexOf("-") + 1))) return { kind: "private key", token: key[0], confidence: 0.9 };
  for (const format of TOKEN_FORMATS) {
    const m = format.pattern.exec(value);
    if (m && !isPlaceholder(m[0])) return { kind: format.kind, token: m[0], confidence: format.confidence };
  }
  return undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const SECRET_WORDS = new Set(["secret", "secrets", "password", "passwd", "pwd", "pass", "passphrase", "token", "apikey", "credential", "credentials", "bearer"]);
const KEY_QUALIFIERS = new Set(["api", "access", "secret", "private", "signing", "encryption", "master", "auth", "client", "app"]);
// Names that hold metadata about a secret, not the secret itself.
const META_WORDS = new Set([
  "name", "names", "field", "header", "url", "uri", "endpoint", "path", "file", "type", "label", "prompt", "placeholder", "env",
  "var", "length", "len", "count", "regex", "pattern", "message", "msg", "error", "hint", "format", "prefix", "suffix", "storage",
  "id", "hash", "hashed", "min", "max", "rule", "rules", "policy", "expiry", "expires", "ttl", "input", "key", "param", "query",
  "cookie", "route", "event", "action", "selector", "class", "style", "title", "text", "description", "help", "reset", "forgot",
  "confirm", "mask", "masked", "hidden", "visible", "show", "validator", "strength", "column", "table", "scope", "scopes",
]);

/** True for names like `apiKey`, `CLIENT_SECRET`, `dbPassword`, `authToken`; false for `tokenUrl`, `passwordField`. */
export function isSecretName(name: string): boolean {
  const words = identifierWords(name);
  if (!words.length) return false;
  const last = words[words.length - 1];
  const secret = words.some((w) => SECRET_WORDS.has(w)) || (last === "key" && words.slice(0, -1).some((w) => KEY_QUALIFIERS.has(w)));
  if (!secret) return false;
  // `tokenUrl`, `passwordField`: the last word says what the value really is.
  return !(META_WORDS.has(last) && last !== "key");
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/**
 * True when a value assigned to a secret-named variable looks like a real credential: long
 * enough, random-looking (Shannon entropy), not a URL, path, sentence or placeholder.
 */
export function looksLikeCredential(value: string, name: string): boolean {
  if (value.length < 10 || value.length > 512 || /\s/.test(value)) return false;
  if (/:\/\/|^\.{0,2}\/|^[A-Z][A-Z0-9_]*$|^[a-z]+([-_.][a-z]+)*$/.test(value)) return false;
  if (isPlaceholder(value)) return false;
  const entropy = shannonEntropy(value);
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32 && entropy >= 3.0;
  const passwordish = identifierWords(name).some((w) => w === "password" || w === "passwd" || w === "pwd" || w === "pass" || w === "passphrase");
  if (passwordish && value.length < 16) return characterClasses(value) >= 3 && entropy >= 3.0;
  return value.length >= 16 && characterClasses(value) >= 2 && /[0-9]/.test(value) && entropy >= 3.5;
}

/** `ghp_abcd…`: enough to recognise the credential in a message without repeating it. */
export function maskSecret(token: string): string {
  return token.length <= 8 ? "…" : `${token.slice(0, 4)}…`;
}
