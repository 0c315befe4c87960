import { duplicateCase } from "../../../../src/review/reviewers/correctness/duplicate-case.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/duplicate-case", () => {
  it("flags a repeated case label whose code can never run as blocking", () => {
    const findings = reviewSnippet(duplicateCase, "a.ts", `
+switch (action.type) {
+  case "add":
+    return add(action);
+  case "remove":
+    return remove(action);
+  case "add":
+    return replace(action);
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6, severity: "blocking", rule: "correctness/duplicate-case" });
    expect(findings[0].message).toContain("line 2");
  });

  it("flags repeated numbers and member constants; an empty repeated label is a warning", () => {
    const findings = reviewSnippet(duplicateCase, "a.js", `
+switch (code) {
+  case Status.OK:
+  case 200:
+    ok();
+    break;
+  case 200.0:
+  case Status . OK:
+    retry();
+}`);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([
      [6, "warning"],
      [7, "blocking"],
    ]);
  });

  it("ignores labels that differ in type or value", () => {
    expect(reviewSnippet(duplicateCase, "a.js", `
+switch (x) {
+  case 1: a(); break;
+  case "1": b(); break;
+  case true: c(); break;
+  case 2: d(); break;
+}`)).toEqual([]);
  });

  it("ignores calls as labels and duplicates the change does not touch", () => {
    expect(reviewSnippet(duplicateCase, "a.js", `
+switch (x) {
+  case next(): a(); break;
+  case next(): b(); break;
+}`)).toEqual([]);
    expect(reviewSnippet(duplicateCase, "a.js", `
 switch (x) {
   case 1: a(); break;
   case 1: b(); break;
+  case 3: c(); break;
 }`)).toEqual([]);
  });
});
