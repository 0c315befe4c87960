import { asyncPromiseExecutor } from "../../../../src/review/reviewers/correctness/async-promise-executor.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/async-promise-executor", () => {
  it("flags an async arrow passed to new Promise", () => {
    const findings = reviewSnippet(asyncPromiseExecutor, "a.ts", `
+const ready = new Promise(async (resolve, reject) => {
+  const conn = await connect();
+  resolve(conn);
+});`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.85, rule: "correctness/async-promise-executor" });
  });

  it("flags an async function expression executor", () => {
    expect(reviewSnippet(asyncPromiseExecutor, "a.js", `
+return new Promise(async function (resolve) { resolve(await load()); });`).map((f) => f.line)).toEqual([1]);
  });

  it("ignores synchronous executors and async callbacks elsewhere", () => {
    expect(reviewSnippet(asyncPromiseExecutor, "a.js", `
+const p = new Promise((resolve) => setTimeout(resolve, 10));
+const q = new Promise(function (resolve) { load().then(resolve); });
+const r = Promise.resolve().then(async () => { await x(); });`)).toEqual([]);
  });

  it("ignores other constructors taking async functions", () => {
    expect(reviewSnippet(asyncPromiseExecutor, "a.js", `
+const w = new Worker(async () => {});
+const t = new Task(async (done) => { await step(); done(); });`)).toEqual([]);
  });
});
