import { duplicateClassMember } from "../../../../src/review/reviewers/correctness/duplicate-class-member.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctness/duplicate-class-member", () => {
  it("flags a method defined twice in a class", () => {
    const findings = reviewSnippet(duplicateClassMember, "a.ts", `
+class Cart {
+  total() { return 1; }
+  add(item: Item) {}
+  total() { return 2; }
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, rule: "correctness/duplicate-class-member", severity: "warning" });
    expect(findings[0].message).toContain("also on line 2");
  });

  it("flags a method clashing with an accessor, and static duplicates", () => {
    const findings = reviewSnippet(duplicateClassMember, "a.js", `
+class A {
+  get size() { return 1; }
+  size() {}
+  static create() {}
+  static create() {}
+}`);
    expect(findings.map((f) => f.line)).toEqual([3, 5]);
  });

  it("flags plain Python defs repeated in a class body", () => {
    const findings = reviewSnippet(duplicateClassMember, "a.py", `
+class Repo:
+    def save(self):
+        pass
+
+    def save(self):
+        return 1`);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(5);
  });

  it("ignores getter/setter pairs, static vs instance and TypeScript overloads", () => {
    expect(reviewSnippet(duplicateClassMember, "a.ts", `
+class A {
+  get size() { return 1; }
+  set size(v: number) {}
+  static make() {}
+  make() {}
+  parse(x: string): number;
+  parse(x: number): number;
+  parse(x: any) { return 1; }
+}`)).toEqual([]);
  });

  it("ignores decorated Python defs (property setters, overloads) and conditional defs", () => {
    expect(reviewSnippet(duplicateClassMember, "a.py", `
+class A:
+    @property
+    def x(self):
+        return 1
+
+    @x.setter
+    def x(self, v):
+        pass
+
+    if FAST:
+        def run(self): pass
+    else:
+        def run(self): pass`)).toEqual([]);
  });
});
