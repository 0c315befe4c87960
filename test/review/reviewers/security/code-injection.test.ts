import { codeInjection } from "../../../../src/review/reviewers/security/code-injection.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/code-injection", () => {
  it("flags eval and new Function over assembled code", () => {
    const findings = reviewSnippet(codeInjection, "src/calc.js", `
 function compute(expr, field) {
+  const total = eval("(" + expr + ")");
+  const getter = new Function("row", \`return row.\${field};\`);
   return getter(total);
 }`);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [2, "blocking"],
      [3, "blocking"],
    ]);
    expect(findings[0].message).toContain("JSON.parse");
  });

  it("flags vm functions, new vm.Script and string timers", () => {
    const findings = reviewSnippet(codeInjection, "src/sandbox.ts", `
 import vm from "node:vm";
 import { runInNewContext } from "vm";
+export const a = (code: string) => vm.runInThisContext(code);
+export const b = (src: string) => new vm.Script(\`(\${src})\`);
+export const c = (id: string) => setTimeout("refresh('" + id + "')", 10);
+export const d = (code: string, sandbox: object) => runInNewContext(code, sandbox);`);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [3, "warning"],
      [4, "blocking"],
      [5, "blocking"],
      [6, "warning"],
    ]);
  });

  it("ignores literal code, timers with functions, and other eval-named methods", () => {
    expect(reviewSnippet(codeInjection, "a.ts", `
+const two = eval("1 + 1");
+const f = new Function("a", "b", "return a + b");
+setTimeout(refresh, 100);
+setInterval(() => tick(id), 1000);
+page.evaluate(script);
+redis.eval(script, 0);
+const s = new vm.Script("1 + 1");`)).toEqual([]);
  });

  it("flags Function parameter names taken from options, not constant or spread names", () => {
    const findings = reviewSnippet(codeInjection, "modules/template.js", `
 export default function template(text, settings) {
   var source = "__p+='" + compile(text) + "';";
+  var render = new Function(settings.variable || "obj", "_", source);
+  var bound = Function(...Object.keys(helpers), "_", source);
+  var plain = new Function("obj", "_", source);
   return render;
 }`);
    // (The assembled body is reported on its own, as before.)
    const params = findings.filter((f) => f.message.includes("parameter name"));
    expect(params.map((f) => [f.line, f.confidence])).toEqual([[3, 0.6]]);
    expect(params[0].message).toContain("parameter name `settings.variable || \"obj\"`");
  });

  it("ignores code that the change does not touch", () => {
    expect(reviewSnippet(codeInjection, "a.js", `
 eval(userCode);
+const x = 1;`)).toEqual([]);
  });

  describe("python", () => {
    it("flags eval/exec over f-strings and parameters", () => {
      const findings = reviewSnippet(codeInjection, "calc.py", `
 def compute(expr, name):
+    value = eval(f"({expr}) * 2")
+    exec(name)
     return value`);
      expect(findings.map((f) => [f.line, f.severity])).toEqual([
        [2, "blocking"],
        [3, "warning"],
      ]);
      expect(findings[0].message).toContain("ast.literal_eval");
    });

    it("ignores ast.literal_eval, constant code and method calls named eval", () => {
      expect(reviewSnippet(codeInjection, "calc.py", `
 import ast
 def compute(expr):
+    value = ast.literal_eval(expr)
+    eval("1 + 1")
+    model.eval()
+    return value`)).toEqual([]);
    });
  });
});
