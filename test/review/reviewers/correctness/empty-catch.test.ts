import { emptyCatch } from "../../../../src/review/reviewers/correctness/empty-catch.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/empty-catch", () => {
  it("flags an empty catch with a binding as a suggestion", () => {
    const findings = reviewSnippet(emptyCatch, "a.ts", `
+try {
+  await saveOrder(order);
+} catch (err) {}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, severity: "suggestion", confidence: 0.7, rule: "correctness/empty-catch" });
  });

  it("reports try-then-fallback and binding-less catches with low confidence", () => {
    const findings = reviewSnippet(emptyCatch, "a.js", `
+function read(p) {
+  try {
+    return JSON.parse(p);
+  } catch (e) {
+  }
+  try { cleanup(); } catch {}
+  return null;
+}`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [4, 0.45],
      [6, 0.45],
    ]);
  });

  it("ignores catches that say why (comment inside, after, or above the try)", () => {
    expect(reviewSnippet(emptyCatch, "a.js", `
+try { a(); } catch (e) {
+  // best effort: the cache is optional
+}
+try { b(); } catch (e) {} // ignore: racing deletes
+// The directory may not exist yet.
+try { c(); } catch (e) {}`)).toEqual([]);
  });

  it("ignores named-ignored bindings, optional requires and catches that do something", () => {
    expect(reviewSnippet(emptyCatch, "a.js", `
+try { a(); } catch (_err) {}
+try { b(); } catch (ignored) {}
+let native;
+try { native = require("fsevents"); } catch (er) {}
+try { c(); } catch (e) { log(e); }`)).toEqual([]);
  });
});
