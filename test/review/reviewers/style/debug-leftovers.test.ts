import { debugOutput } from "../../../../src/review/reviewers/style/debug-output.js";
import { debuggerStatement } from "../../../../src/review/reviewers/style/debugger-statement.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const PKG = { "pkg/__init__.py": "" };

describe("style/debug-output", () => {
  it("flags an added console.log with a deletion suggestion", () => {
    const findings = reviewSnippet(debugOutput, "src/cart.ts", `
 export function total(items: number[]) {
+  console.log("items", items);
+  const sum = items.reduce((a, b) => a + b, 0); console.debug(sum);
   return 0;
 }`);
    expect(findings.map((f) => [f.line, f.suggestion])).toEqual([[2, ""], [3, undefined]]);
    expect(findings[0]).toMatchObject({ rule: "style/debug-output", category: "style", severity: "suggestion", confidence: 0.45 });
    expect(findings[0].message).toContain("console.log()");
  });

  it("flags print() in Python library code", () => {
    const findings = reviewSnippet(debugOutput, "pkg/parser.py", `
 def parse(text):
+    print(text)
+    if text:
+        print("parsing")
     return text`, PKG);
    expect(findings.map((f) => [f.line, f.suggestion])).toEqual([[2, ""], [4, undefined]]);
  });

  it("ignores console.error/warn, debug-guarded output and unchanged lines", () => {
    expect(reviewSnippet(debugOutput, "src/cart.ts", `
 console.log("old");
+console.error("failed");
+console.warn("careful");
+if (options.verbose) console.log("details");`)).toEqual([]);
  });

  it("ignores CLIs, scripts, tests, shebang files and files that print on purpose", () => {
    const snippet = "\n+console.log(\"hello\");";
    for (const path of ["src/cli.ts", "bin/run.js", "scripts/release.mjs", "test/a.test.ts", "src/commands/init.ts"]) {
      expect(reviewSnippet(debugOutput, path, snippet)).toEqual([]);
    }
    expect(reviewSnippet(debugOutput, "src/run.js", "\n #!/usr/bin/env node\n+console.log(\"hi\");")).toEqual([]);
    expect(reviewSnippet(debugOutput, "src/report.ts", `
 console.info("header");
 console.log("row");
+console.log("footer");`)).toEqual([]);
  });

  it("counts only real output calls as the file's own printing, wherever the text says console or print", () => {
    // Mentions in comments, strings and other objects are not output: the new call is still flagged.
    expect(reviewSnippet(debugOutput, "src/report.ts", `
 // console.log("old") was removed; console.info too
 const hint = "console.info(x)";
 logger.console.log("routed");
+console.log("new");`).map((f) => f.line)).toEqual([4]);
    // Two output calls after text that is not ASCII make a file that prints on purpose.
    expect(reviewSnippet(debugOutput, "src/report.ts", `
 const title = "Größe 🚀 大きさ";
 console.info(title);
 console.table(rows);
+console.log("footer");`)).toEqual([]);
    expect(reviewSnippet(debugOutput, "pkg/report.py", `
 # print("old")
 label = "print(x)"
 out.print("routed")
+print("new")`, PKG).map((f) => f.line)).toEqual([4]);
    expect(reviewSnippet(debugOutput, "pkg/report.py", `
 title = "Größe 🚀"
 print(title)
 print("-" * 10)
+print("footer")`, PKG)).toEqual([]);
  });

  it("ignores Python scripts, modules outside packages and print(file=...)", () => {
    expect(reviewSnippet(debugOutput, "pkg/tool.py", `
+print("x")
 if __name__ == "__main__":
     main()`, PKG)).toEqual([]);
    expect(reviewSnippet(debugOutput, "loose.py", "\n+print(\"x\")")).toEqual([]);
    expect(reviewSnippet(debugOutput, "pkg/log.py", "\n+print(\"oops\", file=sys.stderr)", PKG)).toEqual([]);
  });
});

describe("style/debugger-statement", () => {
  it("flags an added debugger statement, with a suggestion that removes it", () => {
    const findings = reviewSnippet(debuggerStatement, "src/a.ts", `
 function f(x: number) {
+  debugger;
   return x;
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, rule: "style/debugger-statement", suggestion: "", confidence: 0.5 });
  });

  it("flags breakpoint() and pdb.set_trace() in Python", () => {
    const findings = reviewSnippet(debuggerStatement, "app/views.py", `
 def view(request):
+    breakpoint()
+    import pdb; pdb.set_trace()
     return request`);
    expect(findings.map((f) => [f.line, f.message.slice(0, 20)])).toEqual([[2, "`breakpoint()` stops"], [3, "`pdb.set_trace()` st"]]);
    // The second shares its line with the import, so no one-click removal.
    expect(findings[1].suggestion).toBeUndefined();
  });

  it("ignores unchanged breakpoints and look-alikes", () => {
    expect(reviewSnippet(debuggerStatement, "src/a.js", `
 debugger;
+const debuggerEnabled = true;
+tracer.set_trace();`)).toEqual([]);
    expect(reviewSnippet(debuggerStatement, "app/x.py", `
 breakpoint()
+profiler.set_trace()
+debugger = None`)).toEqual([]);
  });
});
