import type Parser from "tree-sitter";
import { detectLanguage } from "../../../code/languages.js";
import { parseSource } from "../../../code/parse-source.js";
import type { ChangeContext } from "../../rule.js";
import { isDeclarationFile, isTestFile, isVendoredOrGenerated } from "../coverage/path-roles.js";
import { conventionCasesOf, declarationTypes, declaredNamesOf, type NameKind } from "./declared-names.js";
import { moduleStyleOf, moduleUsageOf } from "./module-style.js";
import type { NameCase } from "./name-case.js";
import { countQuotesOf, stringSearchTypes, type Quote } from "./string-quotes.js";

/** Files that share conventions: TypeScript (with TSX), JavaScript, Python. */
export type LanguageGroup = "ts" | "js" | "py";

/** What a sample of the repository's other files says about its conventions. */
export interface RepoProfile {
  group: LanguageGroup;
  /** Files sampled and parsed. */
  sampled: number;
  /** Per declaration kind, how many unambiguous names use each case. */
  names: Map<NameKind, Map<NameCase, number>>;
  /** Files whose strings settle on one quote (each file one vote). */
  quoteVotes: Record<Quote, number>;
  /** Files that load modules in one style only. */
  moduleStyles: { path: string; style: "esm" | "cjs" }[];
}

/** Files sampled per language group: enough to see a convention, cheap enough for every review. */
export const MAX_SAMPLED_FILES = 200;
// Larger files are usually generated or vendored, and slow to parse for little signal.
const MAX_SAMPLED_CHARS = 200_000;
/**
 * Characters parsed per language group at most (the file that crosses it is the last). Parsing
 * and reading a sample costs ~0.3-0.5 ms per KB, so a full sample of large files took over a
 * second; a repository whose sample is smaller than this is learned from exactly as before.
 */
export const MAX_SAMPLED_TOTAL_CHARS = 1_000_000;
// A file votes for a quote when it has this many free-choice strings and this share uses one quote.
const QUOTE_VOTE_MIN_STRINGS = 5;
const QUOTE_VOTE_SHARE = 0.9;

/** The convention group of a path, or undefined for files no style rule reads. */
export function languageGroupOf(path: string): LanguageGroup | undefined {
  const language = detectLanguage(path);
  if (language === "typescript" || language === "tsx") return "ts";
  if (language === "javascript") return "js";
  if (language === "python") return "py";
  return undefined;
}

/** The quote a set of counts settles on, when one holds at least `share` of them. */
export function dominantQuote(counts: Record<Quote, number>, minTotal: number, share: number): Quote | undefined {
  const total = counts.single + counts.double;
  if (total < minTotal) return undefined;
  if (counts.single >= total * share) return "single";
  if (counts.double >= total * share) return "double";
  return undefined;
}

/** Picks at most `max` items spread evenly over the (sorted) list, so one folder cannot dominate. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(items[Math.floor((i * items.length) / max)]);
  return out;
}

/**
 * The indexes 0..n-1 coarse to fine (0, n/2, n/4, 3n/4, …): every prefix is spread over the
 * whole range, so a sample cut short by its size budget still covers every folder.
 */
function coarseToFine(n: number): number[] {
  const order: number[] = [];
  const taken = new Uint8Array(n);
  let stride = 1;
  while (stride < n) stride *= 2;
  for (; stride >= 1; stride /= 2) {
    for (let i = 0; i < n; i += stride) {
      if (taken[i]) continue;
      taken[i] = 1;
      order.push(i);
    }
  }
  return order;
}

function buildProfile(change: ChangeContext, group: LanguageGroup): RepoProfile {
  const changed = new Set(change.files.map((f) => f.path));
  const candidates = change.repo
    .listFiles()
    .filter((p) => !changed.has(p) && languageGroupOf(p) === group && !isVendoredOrGenerated(p) && !isDeclarationFile(p))
    .sort();
  const profile: RepoProfile = { group, sampled: 0, names: new Map(), quoteVotes: { single: 0, double: 0 }, moduleStyles: [] };
  const picks = spread(candidates, MAX_SAMPLED_FILES);
  const moduleStyles: { at: number; path: string; style: "esm" | "cjs" }[] = [];
  let chars = 0;
  for (const at of coarseToFine(picks.length)) {
    if (chars >= MAX_SAMPLED_TOTAL_CHARS) break;
    const path = picks[at];
    const text = change.repo.readFile(path);
    if (text === undefined || text.length > MAX_SAMPLED_CHARS) continue;
    chars += text.length;
    const source = parseSource(path, text);
    if (!source || source.hasErrors) continue;
    profile.sampled++;
    // Test code names things after what it tests and the framework's hooks; learn from sources.
    const learnNames = !isTestFile(path);
    // One search of the tree for the declarations and the strings (each search walks all of it).
    const stringTypes = stringSearchTypes(source.language);
    const types = learnNames ? [...declarationTypes(source.language), ...stringTypes] : [...stringTypes];
    const strings: Parser.SyntaxNode[] = [];
    const attributes: Parser.SyntaxNode[] = [];
    const declarations: Parser.SyntaxNode[] = [];
    for (const node of source.tree.rootNode.descendantsOfType(types)) {
      const type = node.type;
      (type === "string" ? strings : type === "jsx_attribute" ? attributes : declarations).push(node);
    }
    if (learnNames) {
      for (const decl of declaredNamesOf(source, declarations)) {
        const cases = conventionCasesOf(decl, source.language);
        if (cases.length !== 1) continue;
        let byCase = profile.names.get(decl.kind);
        if (!byCase) profile.names.set(decl.kind, (byCase = new Map()));
        byCase.set(cases[0], (byCase.get(cases[0]) ?? 0) + 1);
      }
    }
    const vote = dominantQuote(countQuotesOf(source, { strings, attributes }), QUOTE_VOTE_MIN_STRINGS, QUOTE_VOTE_SHARE);
    if (vote) profile.quoteVotes[vote]++;
    if (group !== "py") {
      const style = moduleStyleOf(moduleUsageOf(source));
      if (style) moduleStyles.push({ at, path, style });
    }
  }
  // In path order, as the sample is listed.
  profile.moduleStyles = moduleStyles.sort((a, b) => a.at - b.at).map(({ path, style }) => ({ path, style }));
  return profile;
}

const profiles = new WeakMap<ChangeContext, Map<LanguageGroup, RepoProfile>>();

/** The repository's conventions for a language group, learned once per change from unchanged files. */
export function repoProfileFor(change: ChangeContext, group: LanguageGroup): RepoProfile {
  let byGroup = profiles.get(change);
  if (!byGroup) profiles.set(change, (byGroup = new Map()));
  let profile = byGroup.get(group);
  if (!profile) byGroup.set(group, (profile = buildProfile(change, group)));
  return profile;
}
