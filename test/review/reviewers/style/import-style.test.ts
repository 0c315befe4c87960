import { importStyle } from "../../../../src/review/reviewers/style/import-style.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

function repoOf(count: number, path: (i: number) => string, body: string, extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = { ...extra };
  for (let i = 0; i < count; i++) files[path(i)] = body;
  return files;
}

const ESM_TS = repoOf(12, (i) => `src/m${i}.ts`, 'import { a } from "./a.js";\nexport const x = a;\n', { "package.json": '{"type":"module"}' });
const CJS_JS = repoOf(12, (i) => `lib/m${i}.js`, 'const a = require("./a");\nmodule.exports = a;\n', { "package.json": "{}" });

describe("style/import-style", () => {
  it("flags a top-level require in an ES-module package", () => {
    const findings = reviewSnippet(importStyle, "src/new.ts", `
+import { b } from "./b.js";
+const fs = require("fs");`, ESM_TS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, rule: "style/import-style", severity: "suggestion", confidence: 0.45 });
    expect(findings[0].message).toContain("12 of 12 files");
  });

  it("flags an ES import in a CommonJS JavaScript package", () => {
    const findings = reviewSnippet(importStyle, "lib/new.js", `
+import a from "./a";
+module.exports = a;`, CJS_JS);
    expect(findings.map((f) => f.line)).toEqual([1]);
  });

  it("flags require in a \"type\": \"module\" JavaScript package even without many files", () => {
    const findings = reviewSnippet(importStyle, "src/tool.js", "\n+const path = require(\"path\");", { "package.json": '{"type":"module"}' });
    expect(findings).toHaveLength(1);
    expect(findings[0].confidence).toBe(0.6);
  });

  it("accepts createRequire, lazy requires inside functions, and .cjs files", () => {
    expect(reviewSnippet(importStyle, "src/native.ts", `
+import { createRequire } from "node:module";
+const require = createRequire(import.meta.url);
+const addon = require("addon");`, ESM_TS)).toEqual([]);
    expect(reviewSnippet(importStyle, "src/lazy.ts", `
+import { a } from "./a.js";
+export function load() {
+  return require("optional");
+}`, ESM_TS)).toEqual([]);
    expect(reviewSnippet(importStyle, "src/config.cjs", "\n+const a = require(\"a\");", ESM_TS)).toEqual([]);
  });

  it("accepts a file that was already CommonJS, and TypeScript imports in a CommonJS package", () => {
    expect(reviewSnippet(importStyle, "src/shim.ts", `
 const a = require("a");
+const b = require("b");`, ESM_TS)).toEqual([]);
    expect(reviewSnippet(importStyle, "lib/new.ts", "\n+import a from \"./a\";", CJS_JS)).toEqual([]);
  });

  it("judges each package by its own files", () => {
    const mono = { ...ESM_TS, ...repoOf(12, (i) => `packages/old/m${i}.js`, 'const a = require("a");\n'), "packages/old/package.json": "{}" };
    expect(reviewSnippet(importStyle, "packages/old/new.js", "\n+const b = require(\"b\");", mono)).toEqual([]);
    expect(reviewSnippet(importStyle, "packages/old/new.js", "\n+import b from \"b\";", mono).map((f) => f.line)).toEqual([1]);
  });
});
