import { scopeSignature, scopesForLines, type Scope } from "../../code/scopes.js";
import type { FileContext } from "../rule.js";

/** Splits sorted lines into runs of consecutive numbers. */
export function runs(lines: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && line === last[1] + 1) last[1] = line;
    else out.push([line, line]);
  }
  return out;
}

/** The lines first..last. */
export const range = (first: number, last: number): number[] => Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

// Lines kept on each side of a change inside a function too long to show whole.
const NEAR_LINES = 8;
const FUNCTION_KINDS = new Set(["function", "method", "arrow"]);

/** The innermost named function holding the run (an anonymous callback when none fits), preferring one short enough to show whole. */
function pickScope(scopes: Scope[], last: number, maxScopeLines: number): Scope | undefined {
  const holding = scopes.filter((s) => FUNCTION_KINDS.has(s.kind) && s.endLine >= last);
  const fits = (s: Scope) => s.endLine - s.startLine + 1 <= maxScopeLines;
  return holding.find((s) => s.name && fits(s)) ?? holding.find(fits) ?? holding[0];
}

/**
 * For each function that encloses some of `addedShown` (sorted new-side lines), keyed
 * `name:startLine`: the lines to show, the whole function when it has at most `maxScopeLines`,
 * else its signature and the lines near the change. Top-level code has no region.
 */
export function enclosingRegions(ctx: FileContext, addedShown: number[], maxScopeLines: number): Array<[string, number[]]> {
  const source = ctx.source;
  if (!source || addedShown.length === 0) return [];
  const scopes = scopesForLines(source, addedShown);
  const regions = new Map<string, number[]>();
  for (const [first, last] of runs(addedShown)) {
    const scope = pickScope(scopes.get(first) ?? [], last, maxScopeLines);
    if (!scope) continue;
    const key = `${scope.name ?? "(anonymous)"}:${scope.startLine}`;
    let lines: number[];
    if (scope.endLine - scope.startLine + 1 <= maxScopeLines) lines = range(scope.startLine, scope.endLine);
    else {
      const signatureLines = scopeSignature(source, scope).split("\n").length;
      const near = range(Math.max(scope.startLine, first - NEAR_LINES), Math.min(scope.endLine, last + NEAR_LINES));
      lines = [...range(scope.startLine, scope.startLine + signatureLines - 1), ...near];
    }
    regions.set(key, [...(regions.get(key) ?? []), ...lines]);
  }
  return [...regions];
}
