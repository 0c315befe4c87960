import { untestedExport } from "../../../../src/review/reviewers/coverage/untested-export.js";
import { reviewSnippet, reviewSnippets } from "../../../helpers/snippet.js";

const ADD = `
+export function add(a: number, b: number): number {
+  const sum = a + b;
+  return sum;
+}`;

// An unrelated test somewhere, so the repository has a testing convention to hold changes to.
const OTHER_TEST = { "test/other.test.ts": 'import { other } from "../src/other.js";\nit("works", () => expect(other()).toBe(1));\n', "src/other.ts": "export function other() { return 1; }\n" };

describe("coverage/untested-export", () => {
  it("flags a new exported function in a new file that no test reaches", () => {
    const findings = reviewSnippet(untestedExport, "src/math.ts", ADD, OTHER_TEST);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/math.ts", line: 1, side: "RIGHT", rule: "coverage/untested-export", category: "coverage", severity: "suggestion", confidence: 0.5 });
    expect(findings[0].message).toContain("`add`");
  });

  it("accepts a test in the change that imports the module (.js → .ts)", () => {
    const findings = reviewSnippets([untestedExport], {
      "src/math.ts": ADD,
      "test/calc.test.ts": `
+import { add } from "../src/math.js";
+it("adds", () => expect(add(1, 2)).toBe(3));`,
    }, OTHER_TEST);
    expect(findings).toEqual([]);
  });

  it("accepts a test in the change paired by file name", () => {
    const findings = reviewSnippets([untestedExport], {
      "src/math.ts": ADD,
      "src/__tests__/math.ts": `
+import * as m from "..";
+it("adds", () => expect(m.add(1, 2)).toBe(3));`,
    }, OTHER_TEST);
    expect(findings).toEqual([]);
  });

  it("accepts a changed test that reaches a helper through the module it tests, one level deep", () => {
    const helper = `
+export function clamp(n: number, lo: number, hi: number): number {
+  const low = Math.max(n, lo);
+  return Math.min(low, hi);
+}`;
    const rule = `
+import { clamp } from "./clamp.js";
+export function score(n: number): number {
+  const s = clamp(n, 0, 10);
+  return s * 2;
+}`;
    const test = `
+import { score } from "../src/score.js";
+it("scores", () => expect(score(20)).toBe(20));`;
    expect(reviewSnippets([untestedExport], { "src/clamp.ts": helper, "src/score.ts": rule, "test/score.test.ts": test }, OTHER_TEST)).toEqual([]);
    // Two ordinary modules away is too far to count as tested.
    const findings = reviewSnippets([untestedExport], {
      "src/clamp.ts": helper,
      "src/score.ts": rule,
      "src/report.ts": '\n+import { score } from "./score.js";\n+export const report = (n: number) => {\n+  const s = score(n);\n+  return String(s);\n+};',
      "test/report.test.ts": '\n+import { report } from "../src/report.js";\n+it("reports", () => expect(report(1)).toBe("2"));',
    }, OTHER_TEST);
    expect(findings.map((f) => f.path)).toEqual(["src/clamp.ts"]);
  });

  it("accepts an existing test that imports the module through a barrel and names the function", () => {
    const findings = reviewSnippet(untestedExport, "src/math.ts", `
 export function sub(a: number, b: number): number {
   return a - b;
 }
+export function add(a: number, b: number): number {
+  const sum = a + b;
+  return sum;
+}`, {
      ...OTHER_TEST,
      "src/index.ts": 'export * from "./math.js";\n',
      "test/api.test.ts": 'import { add, sub } from "../src/index.js";\nit("adds", () => expect(add(1, 2)).toBe(3));\n',
    });
    expect(findings).toEqual([]);
  });

  it("still flags a new function when existing tests import the module but never use it", () => {
    const findings = reviewSnippet(untestedExport, "src/math.ts", `
 export function sub(a: number, b: number): number {
   return a - b;
 }
+export const add = (a: number, b: number): number => {
+  const sum = a + b;
+  return sum;
+};`, { ...OTHER_TEST, "test/math.test.ts": 'import { sub } from "../src/math.js";\nit("subs", () => expect(sub(2, 1)).toBe(1));\n' });
    expect(findings.map((f) => [f.line, f.message.includes("`add`")])).toEqual([[4, true]]);
  });

  it("flags a new function even when the module's own test changed without naming it", () => {
    const findings = reviewSnippets([untestedExport], {
      "src/math.ts": ADD,
      "test/math.test.ts": `
 import { sub } from "../src/math.js";
-it("subs", () => expect(sub(2, 1)).toBe(1));
+it("subtracts", () => expect(sub(2, 1)).toBe(1));`,
    }, OTHER_TEST);
    expect(findings.map((f) => [f.path, f.line])).toEqual([["src/math.ts", 1]]);
  });

  it("reports a rewritten function whose existing tests did not change, at low confidence", () => {
    const findings = reviewSnippet(untestedExport, "src/math.ts", `
 export function add(a: number, b: number): number {
-  return a + b;
+  const x = Math.trunc(a);
+  const y = Math.trunc(b);
+  if (!Number.isFinite(x + y)) throw new RangeError("overflow");
+  const sum = x + y;
+  return Math.round(sum);
 }`, { ...OTHER_TEST, "test/math.test.ts": 'import { add } from "../src/math.js";\nit("adds", () => expect(add(1, 2)).toBe(3));\n' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.25 });
    expect(findings[0].message).toContain("test/math.test.ts");
  });

  it("reports a small edit only when no test anywhere reaches the function", () => {
    const snippet = `
 export function add(a: number, b: number): number {
-  return a + b;
+  return Math.round(a + b);
 }`;
    const tested = { ...OTHER_TEST, "test/math.test.ts": 'import { add } from "../src/math.js";\nit("adds", () => expect(add(1, 2)).toBe(3));\n' };
    expect(reviewSnippet(untestedExport, "src/math.ts", snippet, tested)).toEqual([]);
    const findings = reviewSnippet(untestedExport, "src/math.ts", snippet, OTHER_TEST);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([[1, 0.4]]);
  });

  it("ignores signature-only edits, docstrings and edits inside existing classes", () => {
    expect(reviewSnippet(untestedExport, "src/math.ts", `
-export function add(a: number, b: number) {
+export function add(a: number, b: number): number {
   return a + b;
 }
 export class Calc {
   run() {
-    return 1;
+    return 2;
   }
 }`, OTHER_TEST)).toEqual([]);
    expect(reviewSnippet(untestedExport, "pkg/m.py", `
 def add(a, b):
-    """Adds."""
+    """Adds two numbers."""
     return a + b`, { "tests/test_x.py": "def test_x():\n    assert True\n" })).toEqual([]);
  });

  it("ignores comment-only edits, one-liners, private helpers and test files", () => {
    expect(reviewSnippet(untestedExport, "src/math.ts", `
 export function add(a: number, b: number): number {
+  // Integers only.
   return a + b;
 }
+export const double = (n: number) => n * 2;
+function helper(a: number) {
+  return a;
+}`, OTHER_TEST)).toEqual([]);
    expect(reviewSnippet(untestedExport, "test/util.test.ts", ADD, OTHER_TEST)).toEqual([]);
  });

  it("ignores declaration files, scripts and config files", () => {
    for (const path of ["src/types.d.ts", "scripts/release.ts", "jest.config.ts"]) {
      expect(reviewSnippet(untestedExport, path, ADD, OTHER_TEST)).toEqual([]);
    }
  });

  it("stays quiet in a repository without tests", () => {
    expect(reviewSnippet(untestedExport, "src/math.ts", ADD, { "src/other.ts": "export const x = 1;\n" })).toEqual([]);
  });

  it("finds default and CommonJS exports", () => {
    const findings = reviewSnippet(untestedExport, "lib/tool.js", `
+function parse(text) {
+  return text.split(",");
+}
+export default function format(items) {
+  return items.join(",");
+}
+module.exports = { parse };`, { "test/x.test.js": "it('x', () => {});\n" });
    expect(findings.map((f) => f.line).sort()).toEqual([1, 4]);
  });

  it("skips React components in .tsx files", () => {
    expect(reviewSnippet(untestedExport, "src/Button.tsx", `
+export function Button() {
+  return <button>ok</button>;
+}`, OTHER_TEST)).toEqual([]);
  });

  describe("Python", () => {
    const PY = `
+def parse_line(line):
+    key, value = line.split("=")
+    return key.strip(), value.strip()
+
+def _private(x):
+    return x
+    pass`;
    const PY_REPO = { "tests/test_other.py": "def test_other():\n    assert True\n" };

    it("flags a new public function without a test", () => {
      const findings = reviewSnippet(untestedExport, "pkg/parser.py", PY, PY_REPO);
      expect(findings.map((f) => [f.line, f.message.includes("parse_line")])).toEqual([[1, true]]);
    });

    it("accepts test_<module>.py in the change, or an absolute import from an existing test", () => {
      expect(reviewSnippets([untestedExport], { "pkg/parser.py": PY, "tests/test_parser.py": "+def test_it():\n+    assert parse_line('a=b') == ('a', 'b')" }, PY_REPO)).toEqual([]);
      expect(reviewSnippet(untestedExport, "src/pkg/parser.py", PY, {
        ...PY_REPO,
        "src/pkg/__init__.py": "",
        "tests/test_io.py": "from pkg.parser import parse_line\n\ndef test_parse():\n    assert parse_line('a=b') == ('a', 'b')\n",
      })).toEqual([]);
    });

    it("honours __all__", () => {
      expect(reviewSnippet(untestedExport, "pkg/parser.py", `
+__all__ = ["other"]
+def parse_line(line):
+    key, value = line.split("=")
+    return key.strip(), value.strip()`, PY_REPO)).toEqual([]);
    });
  });
});
