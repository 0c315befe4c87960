import { extractImports, resolveImport, resolveImportTargets, type ImportRef } from "../../src/code/imports.js";
import { parseSource } from "../../src/code/parse-source.js";

function importsOf(path: string, text: string): ImportRef[] {
  const source = parseSource(path, text);
  if (!source) throw new Error(`cannot parse ${path}`);
  return extractImports(source);
}

function existsIn(files: string[]): (p: string) => boolean {
  const set = new Set(files);
  return (p) => set.has(p);
}

describe("extractImports (ECMAScript)", () => {
  it("reads every ES import form with the names it binds", () => {
    const refs = importsOf("src/a.ts", [
      'import a from "a";',
      'import { b as c, d } from "./b.js";',
      'import * as ns from "ns";',
      'import "side-effect";',
      'import type { T } from "./t.js";',
      'import def, { x } from "y";',
      'import { type U, V } from "./u";',
    ].join("\n"));
    expect(refs).toEqual([
      { specifier: "a", line: 1, names: ["default"], kind: "import" },
      { specifier: "./b.js", line: 2, names: ["b", "d"], kind: "import" },
      { specifier: "ns", line: 3, names: ["*"], kind: "import" },
      { specifier: "side-effect", line: 4, names: [], kind: "import" },
      { specifier: "./t.js", line: 5, names: ["T"], kind: "import" },
      { specifier: "y", line: 6, names: ["default", "x"], kind: "import" },
      { specifier: "./u", line: 7, names: ["U", "V"], kind: "import" },
    ]);
  });

  it("reads re-exports, require and dynamic import", () => {
    const refs = importsOf("src/a.ts", [
      'export { e, f as g } from "./e.js";',
      'export * from "./all";',
      'export * as all2 from "./all2";',
      'const r = require("r");',
      'const { p, q: alias } = require("./pq");',
      'require("./polyfill");',
      'const one = require("./one").member;',
      'const m = await import("./m.js");',
      'import("./lazy.js").then((x) => x);',
      'import fs = require("fs");',
    ].join("\n"));
    expect(refs).toEqual([
      { specifier: "./e.js", line: 1, names: ["e", "f"], kind: "export-from" },
      { specifier: "./all", line: 2, names: ["*"], kind: "export-from" },
      { specifier: "./all2", line: 3, names: ["*"], kind: "export-from" },
      { specifier: "r", line: 4, names: ["*"], kind: "require" },
      { specifier: "./pq", line: 5, names: ["p", "q"], kind: "require" },
      { specifier: "./polyfill", line: 6, names: [], kind: "require" },
      { specifier: "./one", line: 7, names: ["member"], kind: "require" },
      { specifier: "./m.js", line: 8, names: ["*"], kind: "dynamic" },
      { specifier: "./lazy.js", line: 9, names: [], kind: "dynamic" },
      { specifier: "fs", line: 10, names: ["*"], kind: "require" },
    ]);
  });

  it("ignores computed specifiers, local exports and look-alike calls", () => {
    const refs = importsOf("a.js", [
      "const name = './x';",
      "require(name);",
      "import(`./${name}`);",
      "export { local };",
      "export const v = 1;",
      "obj.require('nope');",
      "require('a', 'b');",
    ].join("\n"));
    expect(refs).toEqual([]);
  });

  it("accepts a template literal without substitutions", () => {
    expect(importsOf("a.js", "const t = require(`./tpl`);")).toEqual([{ specifier: "./tpl", line: 1, names: ["*"], kind: "require" }]);
  });
});

describe("extractImports (Python)", () => {
  it("reads import and from-import statements, keeping relative dots", () => {
    const refs = importsOf("pkg/mod.py", [
      "import a.b",
      "import c as d, e",
      "from .x import y, z as w",
      "from . import q",
      "from ..pkg.mod import (r, s)",
      "from m import *",
      "def f():",
      "    import lazy",
    ].join("\n"));
    expect(refs).toEqual([
      { specifier: "a.b", line: 1, names: ["*"], kind: "python" },
      { specifier: "c", line: 2, names: ["*"], kind: "python" },
      { specifier: "e", line: 2, names: ["*"], kind: "python" },
      { specifier: ".x", line: 3, names: ["y", "z"], kind: "python" },
      { specifier: ".", line: 4, names: ["q"], kind: "python" },
      { specifier: "..pkg.mod", line: 5, names: ["r", "s"], kind: "python" },
      { specifier: "m", line: 6, names: ["*"], kind: "python" },
      { specifier: "lazy", line: 8, names: ["*"], kind: "python" },
    ]);
  });
});

describe("resolveImport", () => {
  const files = existsIn([
    "src/a.ts",
    "src/b.ts",
    "src/c.tsx",
    "src/plain.js",
    "src/lib/index.ts",
    "src/data.json",
    "src/mod.mts",
    "index.js",
    "pkg/__init__.py",
    "pkg/sub/__init__.py",
    "pkg/sub/x.py",
    "pkg/sub/inner/__init__.py",
    "pkg/sibling.py",
    "src/app/__init__.py",
    "src/app/core.py",
  ]);

  it.each([
    ["src/a.ts", "./b.js", "src/b.ts"],
    ["src/a.ts", "./b", "src/b.ts"],
    ["src/a.ts", "./c.js", "src/c.tsx"],
    ["src/a.ts", "./c.jsx", "src/c.tsx"],
    ["src/a.ts", "./plain.js", "src/plain.js"],
    ["src/a.ts", "./lib", "src/lib/index.ts"],
    ["src/a.ts", "./lib/index.js", "src/lib/index.ts"],
    ["src/a.ts", "./data.json", "src/data.json"],
    ["src/a.ts", "./mod.mjs", "src/mod.mts"],
    ["src/lib/index.ts", "../a.js", "src/a.ts"],
    ["src/a.ts", "..", "index.js"],
  ])("%s imports %s → %s", (from, spec, expected) => {
    expect(resolveImport(from, spec, files)).toBe(expected);
  });

  it.each([
    ["src/a.ts", "lodash"],
    ["src/a.ts", "./missing.js"],
    ["src/a.ts", "../../outside.js"],
    ["src/a.ts", "/abs/path"],
  ])("%s cannot resolve %s", (from, spec) => {
    expect(resolveImport(from, spec, files)).toBeUndefined();
  });

  it.each([
    ["pkg/sub/y.py", ".x", "pkg/sub/x.py"],
    ["pkg/sub/y.py", ".inner", "pkg/sub/inner/__init__.py"],
    ["pkg/sub/y.py", "..sibling", "pkg/sibling.py"],
    ["pkg/sub/y.py", ".", "pkg/sub/__init__.py"],
    ["pkg/sub/y.py", "..", "pkg/__init__.py"],
    ["tests/test_x.py", "pkg.sub.x", "pkg/sub/x.py"],
    ["tests/test_core.py", "app.core", "src/app/core.py"],
  ])("python %s imports %s → %s", (from, spec, expected) => {
    expect(resolveImport(from, spec, files)).toBe(expected);
  });

  it("does not resolve Python packages outside the repository", () => {
    expect(resolveImport("pkg/sub/y.py", "os.path", files)).toBeUndefined();
    expect(resolveImport("pkg/sub/y.py", ".missing", files)).toBeUndefined();
  });

  it("resolves submodules named in a Python from-import", () => {
    const ref: ImportRef = { specifier: ".", line: 1, names: ["x", "not_a_module"], kind: "python" };
    expect(resolveImportTargets("pkg/sub/y.py", ref, files).sort()).toEqual(["pkg/sub/__init__.py", "pkg/sub/x.py"]);
    const abs: ImportRef = { specifier: "pkg.sub", line: 1, names: ["x"], kind: "python" };
    expect(resolveImportTargets("tests/t.py", abs, files).sort()).toEqual(["pkg/sub/__init__.py", "pkg/sub/x.py"]);
  });
});
