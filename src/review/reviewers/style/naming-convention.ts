import { startLineOf, type ParsedSource } from "../../../code/parse-source.js";
import type { FileContext, Rule } from "../../rule.js";
import { isDeclarationFile, isTestFile, isVendoredOrGenerated } from "../coverage/path-roles.js";
import { addedDeclaredNames, collectDeclaredNames, conventionCasesOf, type DeclaredName, type NameKind } from "./declared-names.js";
import { respell, type NameCase } from "./name-case.js";
import { languageGroupOf, repoProfileFor, type LanguageGroup } from "./repo-profile.js";

/** A convention needs this many unambiguous names of a kind before it counts. */
export const MIN_NAME_SAMPLES = 20;
/** ...and this share of them agreeing. */
export const NAME_MAJORITY = 0.8;
// A file that already uses the deviating case this often has a local reason (generated bindings,
// a mirrored API) that a repository-wide count cannot see.
const LOCAL_PRECEDENT = 2;
// Names spelled out in one grouped finding.
const MAX_LISTED = 4;

const KIND_PLURAL: Record<NameKind, string> = { function: "functions", method: "methods", class: "classes", type: "types", constant: "module-level constants" };
const GROUP_NAME: Record<LanguageGroup, string> = { ts: "TypeScript", js: "JavaScript", py: "Python" };

function majorityOf(byCase: Map<NameCase, number> | undefined): { major: NameCase; count: number; total: number } | undefined {
  if (!byCase) return undefined;
  let total = 0;
  let best: [NameCase, number] | undefined;
  for (const [c, n] of byCase) {
    total += n;
    if (!best || n > best[1]) best = [c, n];
  }
  if (!best || total < MIN_NAME_SAMPLES || best[1] < total * NAME_MAJORITY) return undefined;
  return { major: best[0], count: best[1], total };
}

/** Per `kind:case`, how many names the file declared before the change (its own precedent). */
function countLocalCases(ctx: FileContext, source: ParsedSource): Map<string, number> {
  const local = new Map<string, number>();
  for (const d of collectDeclaredNames(source)) {
    if (ctx.addedLines.has(startLineOf(d.node))) continue;
    for (const c of conventionCasesOf(d, source.language)) local.set(`${d.kind}:${c}`, (local.get(`${d.kind}:${c}`) ?? 0) + 1);
  }
  return local;
}

function checkFile(ctx: FileContext): void {
  const source = ctx.source!;
  const group = languageGroupOf(ctx.path);
  if (!group || isTestFile(ctx.path) || isVendoredOrGenerated(ctx.path) || isDeclarationFile(ctx.path)) return;
  // Only the changed ranges are searched for new names; most changes declare none, and then
  // neither the repository profile nor the rest of the file is needed.
  const added = addedDeclaredNames(ctx);
  if (!added.length) return;
  const profile = repoProfileFor(ctx.change, group);
  const deviating: { decl: DeclaredName; cases: NameCase[] }[] = [];
  for (const d of added) {
    const cases = conventionCasesOf(d, source.language);
    if (!cases.length) continue;
    const majority = majorityOf(profile.names.get(d.kind));
    if (majority && !cases.includes(majority.major)) deviating.push({ decl: d, cases });
  }
  if (!deviating.length) return;
  // The whole file is read only now, for the precedent that can excuse a deviating name.
  const local = countLocalCases(ctx, source);
  // One finding per kind and file: a new module written in another style is one remark, not ten.
  const offenders = new Map<NameKind, { decl: DeclaredName; own: NameCase }[]>();
  for (const { decl: d, cases } of deviating) {
    if (cases.some((c) => (local.get(`${d.kind}:${c}`) ?? 0) >= LOCAL_PRECEDENT)) continue;
    const list = offenders.get(d.kind) ?? [];
    list.push({ decl: d, own: cases[0] });
    offenders.set(d.kind, list);
  }
  for (const [kind, list] of offenders) {
    const majority = majorityOf(profile.names.get(kind))!;
    const share = Math.round((100 * majority.count) / majority.total);
    const shown = list.slice(0, MAX_LISTED).map((o) => `\`${o.decl.name}\` → \`${respell(o.decl.name, majority.major)}\``);
    const more = list.length > MAX_LISTED ? ` and ${list.length - MAX_LISTED} more` : "";
    const subject = list.length === 1 ? `\`${list[0].decl.name}\` is ${list[0].own}` : `${list.length} ${KIND_PLURAL[kind]} added here are not ${majority.major}`;
    ctx.report({
      line: startLineOf(list[0].decl.node),
      message: `${subject}, but ${majority.count} of ${majority.total} ${KIND_PLURAL[kind]} (${share}%) in this repository's ${GROUP_NAME[group]} files are ${majority.major}: consider ${shown.join(", ")}${more}.`,
    });
  }
}

/** Names that break the naming case the repository itself uses for that kind of declaration. */
export const namingConvention: Rule = {
  meta: {
    id: "style/naming-convention",
    category: "style",
    severity: "suggestion",
    confidence: 0.4,
    rationale: "Names that follow the codebase's own conventions read as part of it; the convention is learned from the repository, not imposed.",
    languages: ["typescript", "tsx", "javascript", "python"],
  },
  checkFile,
};
