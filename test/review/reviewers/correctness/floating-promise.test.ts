import { floatingPromise } from "../../../../src/review/reviewers/correctness/floating-promise.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string, path = "a.ts") => reviewSnippet(floatingPromise, path, snippet).map((f) => f.line);

describe("correctness/floating-promise", () => {
  it("flags an un-awaited call to an async function of the same file", () => {
    const findings = reviewSnippet(floatingPromise, "a.ts", `
+async function save(x: number) { return x; }
+export async function run() {
+  save(1);
+  await save(2);
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, rule: "correctness/floating-promise", severity: "warning" });
    expect(findings[0].message).toContain("`save(1)` is not awaited");
  });

  it("flags functions typed as returning a Promise, async arrows and async methods via this", () => {
    expect(lines(`
+function load(): Promise<string> { return Promise.resolve(""); }
+const store = async (v: string) => v;
+class Repo {
+  async flush() {}
+  async close() {
+    load();
+    store("x");
+    this.flush();
+    [1].map(async () => { this.flush(); });
+  }
+}`)).toEqual([6, 7, 8, 9]);
  });

  it("flags fetch and fs/promises calls", () => {
    expect(lines(`
+import { writeFile } from "node:fs/promises";
+import * as fsp from "fs/promises";
+const fs = require("fs");
+async function main() {
+  fetch("/ping");
+  writeFile("a", "b");
+  fsp.rm("a");
+  fs.promises.unlink("b");
+}`, "a.js")).toEqual([5, 6, 7, 8]);
  });

  it("flags a dropped Promise.all in an async arrow of a .tsx component", () => {
    expect(lines(`
+export function Save({ items }: Props) {
+  const onClick = async () => {
+    Promise.all(items.map((i) => api.save(i)));
+    setDone(true);
+  };
+  return <button onClick={onClick}>Save</button>;
+}`, "a.tsx")).toEqual([3]);
  });

  it("ignores awaited, returned, voided, chained and assigned calls", () => {
    expect(lines(`
+async function save() {}
+async function run() {
+  await save();
+  await Promise.all([save(), save()]);
+  void save();
+  save().catch(() => {});
+  const p = save();
+  await p;
+  return save();
+}`)).toEqual([]);
  });

  it("ignores calls outside async functions and in nested sync callbacks", () => {
    expect(lines(`
+async function save() {}
+function kick() {
+  save();
+}
+async function run() {
+  setTimeout(() => { save(); }, 10);
+}`)).toEqual([]);
  });

  it("ignores names that some binding in the file shadows, and unknown functions", () => {
    expect(lines(`
+async function save() {}
+async function run(save: () => void) {
+  save();
+  unknownThing();
+  fs.readFileSync("x");
+}
+async function other() {
+  const fetch = (u: string) => u.length;
+  fetch("x");
+}`)).toEqual([]);
  });

  it("ignores this.method() when the method is not async, or this is not the instance", () => {
    expect(lines(`
+class A {
+  sync() {}
+  async later() {}
+  async run() {
+    this.sync();
+    const f = async function (this: any) { this.later(); };
+  }
+}`)).toEqual([]);
  });

  it("only reports added lines", () => {
    expect(lines(`
 async function save() {}
 async function run() {
   save();
+  const x = 1;
 }`)).toEqual([]);
  });
});
