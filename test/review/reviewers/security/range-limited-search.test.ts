import { buildChangeContext } from "../../../../src/review/file-context.js";
import type { FileContext } from "../../../../src/review/rule.js";
import { runRules } from "../../../../src/review/run-rules.js";
import { deletedGuard } from "../../../../src/review/reviewers/security/deleted-guard.js";
import { addedNodesOf, nodesOnMatchingLines, rowsMatching, wordsPattern } from "../../../../src/review/reviewers/security/line-search.js";
import { isConstantBinding } from "../../../../src/review/reviewers/security/taint-hints.js";
import { commandInjection } from "../../../../src/review/reviewers/security/command-injection.js";
import { fileFromSnippet, memoryRepo, reviewSnippet } from "../../../helpers/snippet.js";

function contextOf(path: string, snippet: string): FileContext {
  const { file, newText } = fileFromSnippet(path, snippet);
  return buildChangeContext({ files: [file] }, memoryRepo({ [path]: newText })).files[0];
}

describe("range-limited searches", () => {
  const ctx = contextOf("src/a.js", `
 const db = require("db");
 function load(id) {
+  const sql = "SELECT * FROM t WHERE id = " + id;
   return db
     .query(sql);
 }
+const re = /x/.exec(s);`);

  it("finds the rows that name a word, once per row", () => {
    expect(rowsMatching(ctx, wordsPattern(["query", "exec"])!)).toEqual([4, 6]);
    expect(rowsMatching(ctx, /nothing-like-this/)).toEqual([]);
  });

  it("returns the nodes overlapping matching rows, including calls that start on an earlier line", () => {
    const calls = nodesOnMatchingLines(ctx, wordsPattern(["query"])!, "call_expression");
    expect(calls.map((c) => c.text.replace(/\s+/g, ""))).toEqual(["db.query(sql)"]);
  });

  it("matches whole identifiers only", () => {
    const pattern = wordsPattern(["exec", "$run"])!;
    expect(pattern.test("execSync(cmd)")).toBe(false);
    expect(pattern.test("cp.exec(cmd)")).toBe(true);
    expect(pattern.test("await $run(x)")).toBe(true);
    expect(wordsPattern([])).toBeUndefined();
  });

  it("serves added nodes of several types from one shared search, in document order", () => {
    expect(addedNodesOf(ctx, "string").map((n) => n.text)).toEqual(['"SELECT * FROM t WHERE id = "']);
    expect(addedNodesOf(ctx, ["regex", "call_expression"]).map((n) => n.type)).toEqual(["call_expression", "regex"]);
    // Types outside the shared set still work.
    expect(addedNodesOf(ctx, "lexical_declaration")).toHaveLength(2);
  });
});

describe("isConstantBinding", () => {
  const root = contextOf("src/b.js", `
+const B = A + "/x", A = "https://example.com";
+const loop = loop2, loop2 = loop;
+let mutable = "a";
+const fromArg = process.argv[2];
+function f() { const local = "ok"; local2 = local; }`).source!.tree.rootNode;

  it("follows constant declarations in any order", () => {
    expect(isConstantBinding("A", root)).toBe(true);
    expect(isConstantBinding("B", root)).toBe(true);
    expect(isConstantBinding("local", root)).toBe(true);
  });

  it("rejects let bindings, non-constant values, assignments and cycles", () => {
    expect(isConstantBinding("mutable", root)).toBe(false);
    expect(isConstantBinding("fromArg", root)).toBe(false);
    expect(isConstantBinding("local2", root)).toBe(false);
    expect(isConstantBinding("loop", root)).toBe(false);
    expect(isConstantBinding("missing", root)).toBe(false);
  });
});

describe("lazy whole-file work", () => {
  it("does not parse the old side when no deleted line reads as a guard", () => {
    const { file, newText } = fileFromSnippet("src/c.js", `
 function total(items) {
-  let sum = 0;
-  for (const i of items) sum += i.price;
-  return sum;
+  return items.reduce((s, i) => s + i.price, 0);
 }`);
    const change = buildChangeContext({ files: [file] }, memoryRepo({ "src/c.js": newText }));
    let oldParsed = false;
    const ctx = change.files[0];
    const oldSide = Object.getOwnPropertyDescriptor(ctx, "oldSource")!;
    Object.defineProperty(ctx, "oldSource", {
      get() {
        oldParsed = true;
        return oldSide.get!.call(ctx);
      },
    });
    expect(runRules([deletedGuard], change).findings).toEqual([]);
    expect(oldParsed).toBe(false);
  });

  it("still finds an unchanged shell call whose command an added line builds", () => {
    const findings = reviewSnippet(commandInjection, "src/d.js", `
 const cp = require("child_process");
 function tag(name) {
+  const command = "git tag " + name;
   return cp.execSync(command);
 }`);
    expect(findings.map((f) => f.line)).toEqual([3]);
  });

  it("skips files that never mention child_process", () => {
    expect(reviewSnippet(commandInjection, "src/e.js", `
+const { exec } = require("./shell");
+exec("rm -rf " + dir);`)).toEqual([]);
  });
});
