import { parseSource } from "../../src/code/parse-source.js";
import { exportedDefinitions, extractSymbolTags, type SymbolTag } from "../../src/code/symbol-tags.js";

function tagsOf(path: string, text: string): SymbolTag[] {
  const source = parseSource(path, text);
  if (!source) throw new Error(`cannot parse ${path}`);
  return extractSymbolTags(source);
}

// "def function f exported" / "ref call foo": one string per tag, compact enough for tables.
function compact(path: string, text: string): string[] {
  return tagsOf(path, text).map((t) => `${t.role === "definition" ? "def" : "ref"} ${t.kind} ${t.name}${t.exported ? " exported" : ""}`);
}

type Case = [label: string, path: string, text: string, present: string[], absent: string[]];

function runCases(cases: Case[]): void {
  it.each(cases)("%s", (_label, path, text, present, absent) => {
    const tags = compact(path, text);
    expect(tags).toEqual(expect.arrayContaining(present));
    for (const tag of absent) expect(tags).not.toContain(tag);
  });
}

describe("extractSymbolTags: TypeScript and JavaScript definitions", () => {
  runCases([
    ["exported and local functions", "a.ts", "export function f() {}\nfunction g() {}\n", ["def function f exported", "def function g"], ["def function g exported"]],
    ["class members", "a.ts", "export class C {\n  m() {}\n  get p() { return 1; }\n  onClick = () => {};\n  count = 0;\n}\n",
      ["def class C exported", "def method m", "def method p", "def method onClick"], ["def method count", "def method m exported"]],
    ["abstract class", "a.ts", "export abstract class A { abstract run(): void; }\n", ["def class A exported"], []],
    ["type-level declarations", "a.ts", "export interface I {}\ntype T = string;\nexport enum E { A }\nnamespace N { }\ndeclare module \"m\" { }\n",
      ["def interface I exported", "def type T", "def enum E exported", "def module N", "def module m"], ["def type T exported"]],
    ["top-level variables by value", "a.ts", "export const a = 1, b = () => 0;\nlet c = class {};\nvar d = function () {};\n",
      ["def variable a exported", "def function b exported", "def class c", "def function d"], []],
    ["destructuring", "a.js", "const { p, q: [r], ...s } = obj;\n", ["def variable p", "def variable r", "def variable s"], ["def variable q"]],
    ["locals are not definitions", "a.js", "function f() { const inner = 1; }\nif (x) { let block = 2; }\n", ["def function f"], ["def variable inner", "def variable block"]],
    ["nested functions are not exported by name", "a.js", "function outer() { function a() {} }\nexport { a };\n", ["def function a"], ["def function a exported"]],
    ["require is an import, not a definition", "a.js", "const fs = require(\"fs\");\nconst { join } = require(\"path\");\nconst read = require(\"fs\").readFileSync;\n",
      [], ["def variable fs", "def variable join", "def variable read"]],
    ["overloads and ambient functions", "a.ts", "export function o(a: string): void;\nexport function o(a: unknown) {}\ndeclare function d(): void;\n",
      ["def function o exported", "def function d"], ["def function d exported"]],
    ["generators", "a.js", "function* gen() {}\n", ["def function gen"], []],
  ]);
});

describe("extractSymbolTags: ES and CommonJS exports", () => {
  runCases([
    ["anonymous default function", "a.ts", "export default function () {}\n", ["def function default exported"], []],
    ["anonymous default class and arrow", "a.js", "export default class {}\n", ["def class default exported"], []],
    ["default arrow", "a.js", "export default () => 1;\n", ["def function default exported"], []],
    ["named default function", "a.js", "export default function main() {}\n", ["def function main exported"], ["def function default exported"]],
    ["default of a local name", "a.ts", "function h() {}\nexport default h;\n", ["def function h exported"], []],
    ["export list with alias, before the definition", "a.ts", "export { a as b, c };\nconst a = 1;\nfunction c() {}\nfunction d() {}\n",
      ["def variable a exported", "def function c exported", "def function d"], ["def function d exported", "def variable b exported"]],
    ["re-exports define nothing here", "a.ts", "const z = 1;\nexport { z } from \"./z\";\nexport * from \"./y\";\n", ["def variable z"], ["def variable z exported"]],
    ["TypeScript export =", "a.ts", "function api() {}\nexport = api;\n", ["def function api exported"], []],
    ["module.exports object", "a.js", "function a() {}\nfunction b() {}\nmodule.exports = { a, c: b, d() {}, e: () => 1, f: 1 };\n",
      ["def function a exported", "def function b exported", "def function d exported", "def function e exported", "def variable f exported"], ["def method d"]],
    ["exports.name assignments", "a.js", "exports.x = function () {};\nmodule.exports.y = 2;\nexports.z = z;\nfunction z() {}\n",
      ["def function x exported", "def variable y exported", "def function z exported"], []],
    ["module.exports class", "a.js", "module.exports = class Foo {};\n", ["def class Foo exported"], []],
    ["module.exports of a local", "a.js", "class Store {}\nmodule.exports = Store;\n", ["def class Store exported"], []],
    ["other member assignments export nothing", "a.js", "const o = {};\no.exports = function () {};\nfoo.bar = 1;\n", [], ["def function exports exported", "def variable bar exported"]],
  ]);
});

describe("extractSymbolTags: TypeScript and JavaScript references", () => {
  runCases([
    ["calls by callee name", "a.ts", "foo();\na.b.baz();\nmaybe?.run();\nid<string>(x);\n", ["ref call foo", "ref call baz", "ref call run", "ref call id"], ["ref call a", "ref call b"]],
    ["property reads are not calls", "a.js", "const v = obj.method;\n", [], ["ref call method", "ref call obj"]],
    ["new and extends", "a.ts", "new Widget();\nnew ns.Model();\nclass A extends Base implements Shape {}\n",
      ["ref class Widget", "ref class Model", "ref class Base", "ref type Shape"], ["ref class ns"]],
    ["JavaScript extends a member", "a.js", "class A extends React.Component {}\n", ["ref class Component"], ["ref class React"]],
    ["type references, not declarations", "a.ts", "interface I { x: Foo<Bar.Baz> }\nfunction id<T>(x: T): T { return x; }\ntype M = { [K in keyof I]: string };\n",
      ["ref type Foo", "ref type Baz", "ref type T", "ref type I"], ["ref type K"]],
    ["declared names are not type references", "a.ts", "interface I {}\nclass C {}\ntype T = 1;\n", [], ["ref type I", "ref type C", "ref type T"]],
    ["JSX components", "a.tsx", "const el = <Layout><Button /><div /></Layout>;\n", ["ref call Layout", "ref call Button"], ["ref call div"]],
  ]);

  it("reports the line of the callee name, even in a chain split over lines", () => {
    const tags = tagsOf("a.js", "query\n  .where(x)\n  .run();\n").filter((t) => t.role === "reference");
    expect(tags.map((t) => [t.name, t.line])).toEqual([["where", 2], ["run", 3]]);
  });

  it("reads names after non-ASCII text correctly", () => {
    const tags = tagsOf("a.ts", 'const s = "héllo → 🎉";\nrender();\n');
    expect(tags.find((t) => t.role === "reference")).toEqual({ name: "render", role: "reference", kind: "call", line: 2, exported: false });
  });
});

describe("extractSymbolTags: Python", () => {
  const MODULE = "def f(): pass\ndef _g(): pass\nclass C:\n    def m(self): pass\nX = 1\n_y = 2\na, (b, *c) = 1, (2, 3)\nsq = lambda x: x\nasync def run(): pass\n";
  runCases([
    ["public names are exported without __all__", "a.py", MODULE,
      ["def function f exported", "def function _g", "def class C exported", "def method m", "def variable X exported", "def variable _y",
        "def variable a exported", "def variable b exported", "def variable c exported", "def function sq exported", "def function run exported"],
      ["def function _g exported", "def method m exported", "def variable _y exported"]],
    ["__all__ decides when present", "a.py", `${MODULE}__all__ = ["f", "X"]\n`, ["def function f exported", "def variable X exported", "def class C"], ["def class C exported", "def function run exported"]],
    ["__all__ += extends it", "a.py", `__all__ = ("f",)\n__all__ += ["C"]\n${MODULE}`, ["def function f exported", "def class C exported"], ["def variable X exported"]],
    ["a computed __all__ is ignored", "a.py", `${MODULE}__all__ = base.__all__ + ["f"]\n`, ["def variable X exported"], []],
    ["nested and local definitions", "a.py", "def outer():\n    def inner(): pass\n    local = 1\nclass K:\n    attr = 1\n",
      ["def function inner", "def class K exported"], ["def function inner exported", "def variable local", "def variable attr"]],
    ["module-level blocks still define", "a.py", "if TYPE_CHECKING:\n    T = int\nelse:\n    def helper(): pass\na = b = 0\n",
      ["def variable T exported", "def function helper exported", "def variable a exported", "def variable b exported"], []],
    ["type alias statement", "a.py", "type Vec = list[float]\n", ["def type Vec exported"], ["ref type Vec"]],
    ["references", "a.py", "class A(B, mod.C, metaclass=M):\n    def f(self, x: Foo) -> List[Bar]:\n        helper(); self.repo.save(); return Widget()\n",
      ["ref class B", "ref class C", "ref type Foo", "ref type List", "ref type Bar", "ref call helper", "ref call save", "ref call Widget"],
      ["ref class M", "ref class mod", "ref call repo", "ref call self"]],
  ]);

  it("starts a decorated definition at its first decorator", () => {
    const tags = tagsOf("a.py", "@app.route('/')\n@cached\ndef index():\n    return 1\n");
    expect(tags.find((t) => t.role === "definition")).toEqual({ name: "index", role: "definition", kind: "function", line: 1, endLine: 4, exported: true });
  });
});

describe("exportedDefinitions", () => {
  it("lists only exported definitions, with their spans", () => {
    const source = parseSource("a.ts", "export function f(\n  a: number,\n) {\n  return g(a);\n}\nfunction g(a: number) { return a; }\n")!;
    expect(exportedDefinitions(source)).toEqual([{ name: "f", role: "definition", kind: "function", line: 1, endLine: 5, exported: true }]);
  });

  it("is empty for a file that exports nothing", () => {
    expect(exportedDefinitions(parseSource("a.py", "_private = 1\n")!)).toEqual([]);
  });
});
