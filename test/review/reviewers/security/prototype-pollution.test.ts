import { prototypePollution } from "../../../../src/review/reviewers/security/prototype-pollution.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/prototype-pollution", () => {
  it("flags a recursive merge without a key guard", () => {
    const findings = reviewSnippet(prototypePollution, "src/merge.js", `
+function merge(target, source) {
+  for (const key in source) {
+    if (typeof source[key] === "object") merge(target[key] ??= {}, source[key]);
+    else target[key] = source[key];
+  }
+  return target;
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, severity: "warning", confidence: 0.65, rule: "security/prototype-pollution" });
    expect(findings[0].message).toContain("Object.create(null)");
  });

  it("flags set-by-path helpers that walk with cur = cur[key] or reduce", () => {
    const findings = reviewSnippet(prototypePollution, "src/set.ts", `
+export function setPath(obj: any, path: string, value: unknown) {
+  const keys = path.split(".");
+  let cur = obj;
+  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
+  cur[keys[keys.length - 1]] = value;
+}
+export const deepSet = (o: any, p: string[], v: unknown) =>
+  p.slice(0, -1).reduce((acc, k) => (acc[k] = acc[k] || {}), o)[p[p.length - 1]] = v;`);
    expect(findings.map((f) => f.line)).toEqual([5, 8]);
  });

  it("flags two-level assignment through keys parsed from a path", () => {
    const findings = reviewSnippet(prototypePollution, "src/query.js", `
+function parseNested(qs) {
+  const out = {};
+  for (const pair of qs.split("&")) {
+    const [group, name, value] = pair.split(/[.=]/);
+    out[group] = out[group] || {};
+    out[group][name] = value;
+  }
+  return out;
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(6);
  });

  it("gives shallow named merges a low confidence", () => {
    const [finding] = reviewSnippet(prototypePollution, "src/extend.js", `
+function extend(target, src) { for (const k in src) target[k] = src[k]; return target; }`);
    expect(finding.confidence).toBeLessThan(0.5);
  });

  it("ignores merges that reject __proto__/constructor or check own keys", () => {
    expect(reviewSnippet(prototypePollution, "src/merge.js", `
+function merge(target, source) {
+  for (const key in source) {
+    if (key === "__proto__" || key === "constructor") continue;
+    if (typeof source[key] === "object") merge(target[key] ??= {}, source[key]);
+    else target[key] = source[key];
+  }
+}
+function setIn(obj, keys, value) {
+  let cur = obj;
+  for (const k of keys) { if (!Object.hasOwn(cur, k)) cur[k] = {}; cur = cur[k]; }
+  cur[keys.at(-1)] = value;
+}`)).toEqual([]);
  });

  it("ignores array indexing, literal keys and ordinary loops", () => {
    expect(reviewSnippet(prototypePollution, "src/misc.ts", `
+function fill(grid: number[][], n: number) {
+  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) grid[i][j] = 0;
+}
+function count(words: string[]) {
+  const counts: Record<string, number> = {};
+  for (const w of words) counts[w] = (counts[w] ?? 0) + 1;
+  return counts;
+}
+function label(el: any) { el["data-x"] = 1; }`)).toEqual([]);
  });

  it("ignores flat reduces, grouping by domain keys and hasOwnProperty-guarded extends", () => {
    expect(reviewSnippet(prototypePollution, "src/group.js", `
+const byId = rows.reduce((acc, row) => { acc[row.id] = row; return acc; }, {});
+function tally(events) {
+  const out = {};
+  for (const e of events) { out[e.file] ??= {}; out[e.file][e.rule] = (out[e.file][e.rule] ?? 0) + 1; }
+  return out;
+}
+function extend(obj, src) {
+  for (const key in src) if (Object.prototype.hasOwnProperty.call(src, key)) obj[key] = src[key];
+  return obj;
+}
+function refresh(locale, object) {
+  if (object) cache[locale] = object;
+  return locale.includes("-") ? refresh(locale.split("-")[0]) : locale;
+}`)).toEqual([]);
  });
});
