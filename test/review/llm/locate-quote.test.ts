import { describe, expect, test } from "@jest/globals";
import { locateQuote } from "../../../src/review/llm/locate-quote.js";
import { snippetChange } from "./llm-review-fixtures.js";

const { change } = snippetChange({
  "src/run.ts": `
 import { exec } from "node:child_process";
 export function run(cmd: string) {
+  const full = "sh -c " + cmd;
+  exec(full, (err) => {
+    if (err) throw err;
+  });
+  log("done");
 }
 function other() {
+  log("done");
   return 1;
 }`,
  "src/util.ts": `
+export const limit = 10;
+export const\u200B hidden = "x";
`,
});

describe("locateQuote", () => {
  test.each([
    ["exact line", "src/run.ts", '  const full = "sh -c " + cmd;', { startLine: 3, line: 3, wholeLines: true }],
    ["whitespace differs", "src/run.ts", 'const full="sh -c "+cmd;', { startLine: 3, line: 3, wholeLines: true }],
    ["part of a line", "src/run.ts", '"sh -c " + cmd', { startLine: 3, line: 3, wholeLines: false }],
    ["several lines, re-indented", "src/run.ts", "exec(full, (err) => {\n  if (err) throw err;\n});", { startLine: 4, line: 6, wholeLines: true }],
    ["several lines, first and last partial", "src/run.ts", "(err) => {\n    if (err) throw err;\n  }", { startLine: 4, line: 6, wholeLines: false }],
    ["diff markers kept by the model", "src/run.ts", "+  exec(full, (err) => {\n+    if (err) throw err;", { startLine: 4, line: 5, wholeLines: true }],
    ["a path with a/ prefix", "b/src/run.ts", "exec(full", { startLine: 4, line: 4, wholeLines: false }],
    ["a wrong path: the quote decides", "src/nope.ts", "const full", { startLine: 3, line: 3, wholeLines: false }],
    ["zero-width characters in the code", "src/util.ts", 'export const hidden = "x";', { startLine: 2, line: 2, wholeLines: true }],
  ])("%s", (_name, file, quote, expected) => {
    const found = locateQuote(change, file, quote);
    expect(found).toMatchObject({ ok: true, ...expected });
  });

  test("the located code is the new-side text of the lines, for the fingerprint", () => {
    const found = locateQuote(change, "src/run.ts", "if (err) throw err;");
    expect(found).toEqual({ ok: true, path: "src/run.ts", startLine: 5, line: 5, wholeLines: true, code: "    if (err) throw err;" });
  });

  test.each([
    ["absent code", "src/run.ts", "eval(cmd)", "the quoted code is not among the added lines of src/run.ts"],
    ["absent everywhere", "src/nope.ts", "eval(cmd)", "the quoted code is not among the added lines of the change"],
    ["a context line, not added", "src/run.ts", "export function run(cmd: string) {", "the quoted code is not among the added lines of src/run.ts"],
    ["lines that are not consecutive", "src/run.ts", 'const full = "sh -c " + cmd;\nlog("done");', "the quoted code is not among the added lines of src/run.ts"],
    ["ambiguous: two added copies", "src/run.ts", 'log("done");', "the quoted code is ambiguous: it matches 2 places among the added lines (src/run.ts:7, src/run.ts:10)"],
    ["elided lines", "src/run.ts", "exec(full, (err) => {\n...\n});", "the quote leaves lines out"],
    ["too short", "src/run.ts", " ) ", "the quote is too short to place"],
  ])("%s is not located, with a reason", (_name, file, quote, reason) => {
    expect(locateQuote(change, file, quote)).toEqual({ ok: false, reason });
  });
});
