import { casesOf, respell } from "../../../../src/review/reviewers/style/name-case.js";
import { namingConvention } from "../../../../src/review/reviewers/style/naming-convention.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

/** `count` files, each declaring what `make(i)` returns. */
function repoOf(count: number, path: (i: number) => string, make: (i: number) => string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[path(i)] = make(i);
  return files;
}

const CAMEL_TS = repoOf(25, (i) => `src/m${i}.ts`, (i) => `export function loadItem${i}(id: string) {\n  return id;\n}\nexport class ItemStore${i} {\n  fetchAll() {}\n}\n`);
const SNAKE_PY = repoOf(25, (i) => `pkg/m${i}.py`, (i) => `def load_item_${i}(x):\n    return x\n\nclass ItemStore${i}:\n    def fetch_all(self):\n        pass\n`);

describe("name cases", () => {
  it.each([
    ["loadItem", ["camelCase"]],
    ["load", ["camelCase", "snake_case"]],
    ["load_item", ["snake_case"]],
    ["_load_item", ["snake_case"]],
    ["ItemStore", ["PascalCase"]],
    ["MAX_SIZE", ["UPPER_CASE"]],
    ["URL", ["UPPER_CASE", "PascalCase"]],
    ["visit_Name", []],
    ["x", []],
  ])("%s is %j", (name, cases) => {
    expect(casesOf(name)).toEqual(cases);
  });

  it.each([
    ["load_item_by_id", "camelCase", "loadItemById"],
    ["parseHTTPResponse", "snake_case", "parse_http_response"],
    ["_fetch_user", "camelCase", "_fetchUser"],
    ["maxSize", "UPPER_CASE", "MAX_SIZE"],
    ["item_store", "PascalCase", "ItemStore"],
  ] as const)("respells %s as %s", (name, target, expected) => {
    expect(respell(name, target)).toBe(expected);
  });
});

describe("style/naming-convention", () => {
  it("flags a snake_case function in a camelCase TypeScript repository", () => {
    const findings = reviewSnippet(namingConvention, "src/new.ts", `
+export function load_user_by_id(id: string) {
+  return id;
+}`, CAMEL_TS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, rule: "style/naming-convention", category: "style", severity: "suggestion", confidence: 0.4 });
    expect(findings[0].message).toContain("25 of 25 functions");
    expect(findings[0].message).toContain("`loadUserById`");
  });

  it("flags a camelCase method in a snake_case Python repository", () => {
    const findings = reviewSnippet(namingConvention, "pkg/new.py", `
+class Loader:
+    def loadAll(self):
+        pass
+    def setUp(self):
+        pass`, SNAKE_PY);
    expect(findings.map((f) => [f.line, f.message.includes("`load_all`")])).toEqual([[2, true]]);
  });

  it("accepts names that fit the convention, ambiguous names and PascalCase JS functions", () => {
    expect(reviewSnippet(namingConvention, "src/new.tsx", `
+export function saveItem(id: string) {}
+function save() {}
+function Button() { return null; }
+const HANDLERS_BY_ID = 1;
+class Cache {}`, CAMEL_TS)).toEqual([]);
  });

  it("stays quiet without a clear majority or enough samples", () => {
    const mixed = { ...repoOf(12, (i) => `src/a${i}.ts`, (i) => `function loadA${i}() {}\n`), ...repoOf(12, (i) => `src/b${i}.ts`, (i) => `function load_b_${i}() {}\n`) };
    const snippet = "\n+function load_user_by_id() {}";
    expect(reviewSnippet(namingConvention, "src/new.ts", snippet, mixed)).toEqual([]);
    expect(reviewSnippet(namingConvention, "src/new.ts", snippet, repoOf(10, (i) => `src/m${i}.ts`, (i) => `function loadA${i}() {}\n`))).toEqual([]);
  });

  it("learns per language: Python conventions do not judge TypeScript", () => {
    expect(reviewSnippet(namingConvention, "src/new.ts", "\n+function loadUserById() {}", SNAKE_PY)).toEqual([]);
  });

  it("defers to the file's own precedent and ignores unchanged names and test files", () => {
    expect(reviewSnippet(namingConvention, "src/legacy.ts", `
 function old_one() {}
 function old_two() {}
+function old_three() {}`, CAMEL_TS)).toEqual([]);
    expect(reviewSnippet(namingConvention, "src/legacy.ts", `
 function old_one() {}
+const x = 1;`, CAMEL_TS)).toEqual([]);
    expect(reviewSnippet(namingConvention, "test/new.test.ts", "\n+function load_user_by_id() {}", CAMEL_TS)).toEqual([]);
  });

  it("judges a name only when its own line is added", () => {
    expect(reviewSnippet(namingConvention, "src/legacy.ts", `
+@sealed
 export class old_store {}
 export function old_helper(
+  id: string,
 ) {}`, CAMEL_TS)).toEqual([]);
    expect(reviewSnippet(namingConvention, "src/legacy.ts", `
 export class Store {
+  load_all() {}
 }`, CAMEL_TS).map((f) => f.line)).toEqual([2]);
  });

  it("judges module-level constants against the constants' convention", () => {
    const upper = repoOf(22, (i) => `src/c${i}.js`, (i) => `const MAX_SIZE_${i} = ${i};\n`);
    const findings = reviewSnippet(namingConvention, "src/new.js", "\n+const retryLimit = 3;\n+function f() { const localLimit = 3; }", upper);
    expect(findings.map((f) => [f.line, f.message.includes("`RETRY_LIMIT`")])).toEqual([[1, true]]);
  });

  it("groups the names of one kind into one finding per file", () => {
    const upper = repoOf(22, (i) => `src/c${i}.js`, (i) => `const MAX_SIZE_${i} = ${i};\n`);
    const findings = reviewSnippet(namingConvention, "src/new.js", "\n+const retryLimit = 3;\n+const waitMs = 10;\n+const NAME = 'x';", upper);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(1);
    expect(findings[0].message).toContain("2 module-level constants added here are not UPPER_CASE");
    expect(findings[0].message).toContain("`waitMs` → `WAIT_MS`");
  });
});
