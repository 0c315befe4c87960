import { asyncForEach } from "../../../../src/review/reviewers/correctness/async-foreach.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string) => reviewSnippet(asyncForEach, "a.ts", snippet).map((f) => f.line);

describe("correctness/async-foreach", () => {
  it("flags forEach with an async arrow that awaits", () => {
    const findings = reviewSnippet(asyncForEach, "a.ts", `
+export async function saveAll(items: Item[]) {
+  items.forEach(async (item) => {
+    await db.save(item);
+  });
+  log("done");
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, rule: "correctness/async-foreach", severity: "warning" });
    expect(findings[0].message).toContain("Promise.all");
  });

  it("flags async function expressions and expression-bodied arrows", () => {
    expect(lines(`
+users.forEach(async function (u) { await notify(u); });
+ids.forEach(async (id) => await remove(id));`)).toEqual([1, 2]);
  });

  it("flags an await the change adds inside an existing async forEach callback", () => {
    expect(lines(`
 rows.forEach(async (row) => {
+  await index(row);
   count++;
 });`)).toEqual([2]);
  });

  it("ignores for...of loops, Promise.all(map) and sync callbacks", () => {
    expect(lines(`
+for (const item of items) await db.save(item);
+await Promise.all(items.map(async (item) => { await db.save(item); }));
+items.forEach((item) => queue.push(item));`)).toEqual([]);
  });

  it("ignores async callbacks that never await, and library forEach taking the collection first", () => {
    expect(lines(`
+items.forEach(async (item) => { fireAndForget(item); });
+items.forEach(async (item) => { const f = async () => { await x(); }; register(f); });
+asyncLib.forEach(items, async (item) => { await save(item); }, done);`)).toEqual([]);
  });
});
