import { computeFingerprint, type Finding } from "./finding.js";
import { setReportHandler, splitLines } from "./file-context.js";
import { runToEnd, type Steps } from "./cooperative.js";
import type { ChangeContext, FileContext, RawFinding, Rule } from "./rule.js";

/** Per-rule failures are collected, never thrown: one broken rule must not sink a review. */
export interface RuleFailure {
  rule: string;
  path?: string;
  error: string;
}

export interface RuleRunResult {
  findings: Finding[];
  failures: RuleFailure[];
}

function appliesTo(rule: Rule, ctx: FileContext): boolean {
  if (rule.meta.languages === "any") return true;
  return ctx.source !== undefined && rule.meta.languages.includes(ctx.source.language);
}

/** Runs every rule over the change and turns raw reports into Findings with fingerprints. */
export function runRules(rules: Rule[], change: ChangeContext): RuleRunResult {
  return runToEnd(ruleSteps(rules, change));
}

/** `runRules` one (rule, file) pair per step; see `cooperative.ts`. */
export function* ruleSteps(rules: Rule[], change: ChangeContext): Steps<RuleRunResult> {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  let current: Rule | undefined;
  const occurrences = new Map<string, number>();

  const accept = (ctx: FileContext, raw: RawFinding, rule: Rule) => {
    const side = raw.side ?? "RIGHT";
    const lines = splitLines(side === "RIGHT" ? ctx.newText : ctx.oldText);
    const start = raw.startLine ?? raw.line;
    const code = lines.slice(start - 1, raw.line).join("\n");
    const key = `${rule.meta.id}\0${ctx.path}\0${code}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const finding: Finding = {
      path: ctx.path,
      line: raw.line,
      side,
      category: rule.meta.category,
      severity: raw.severity ?? rule.meta.severity,
      confidence: raw.confidence ?? rule.meta.confidence,
      rule: rule.meta.id,
      message: raw.message,
      fingerprint: computeFingerprint(rule.meta.id, ctx.path, code, occurrence),
    };
    if (raw.startLine !== undefined && raw.startLine < raw.line) finding.startLine = raw.startLine;
    if (raw.suggestion !== undefined) finding.suggestion = raw.suggestion;
    findings.push(finding);
  };

  setReportHandler(change, (ctx, raw) => {
    if (current) accept(ctx, raw, current);
  });

  for (const rule of rules) {
    current = rule;
    if (rule.checkFile) {
      for (const ctx of change.files) {
        if (!appliesTo(rule, ctx)) continue;
        try {
          rule.checkFile(ctx);
        } catch (err) {
          failures.push({ rule: rule.meta.id, path: ctx.path, error: err instanceof Error ? err.message : String(err) });
        }
        yield;
      }
    }
    if (rule.checkChange) {
      try {
        rule.checkChange(change, (path, raw) => {
          const ctx = change.fileAt(path);
          if (ctx) accept(ctx, raw, rule);
        });
      } catch (err) {
        failures.push({ rule: rule.meta.id, error: err instanceof Error ? err.message : String(err) });
      }
      yield;
    }
  }
  current = undefined;
  setReportHandler(change, undefined);
  return { findings, failures };
}
