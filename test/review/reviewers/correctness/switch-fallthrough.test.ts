import { switchFallthrough } from "../../../../src/review/reviewers/correctness/switch-fallthrough.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string) => reviewSnippet(switchFallthrough, "a.ts", snippet).map((f) => f.line);

describe("correctness/switch-fallthrough", () => {
  it("flags the one case that runs on into the next", () => {
    const findings = reviewSnippet(switchFallthrough, "a.ts", `
+switch (level) {
+  case "debug":
+    verbose = true;
+  case "info":
+    log(message);
+    break;
+  default:
+    warn(message);
+}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, confidence: 0.65, rule: "correctness/switch-fallthrough" });
    expect(findings[0].message).toContain('`case "info":` (line 4)');
  });

  it("flags a new case added after one that used to be last", () => {
    expect(lines(`
 switch (kind) {
   case "a":
     handleA();
+  case "b":
+    handleB();
+    break;
 }`)).toEqual([4]);
  });

  it("lowers confidence when a switch falls through on purpose again and again", () => {
    const findings = reviewSnippet(switchFallthrough, "a.js", `
+switch (rest) {
+  case 3: h ^= tail[2] << 16;
+  case 2: h ^= tail[1] << 8;
+  case 1: h ^= tail[0];
+}`);
    expect(findings.map((f) => f.confidence)).toEqual([0.5, 0.5]);
  });

  it("ignores cases that end in break/return/throw/continue, or in if/else that both exit", () => {
    expect(lines(`
+for (const c of cs) {
+  switch (c) {
+    case 1: a(); break;
+    case 2: return b();
+    case 3: throw new Error("x");
+    case 4: d(); continue;
+    case 5: { e(); break; }
+    case 6: if (x) { return 1; } else { break; }
+    case 7: f();
+  }
+}`)).toEqual([]);
  });

  it("ignores grouped empty labels, a falls-through comment, and falling into nothing or a bare break", () => {
    expect(lines(`
+switch (c) {
+  case 1:
+  case 2:
+    a();
+    // falls through
+  case 3:
+    b();
+    /* fallthrough */
+  case 4:
+    c();
+  case 5:
+  default:
+}`)).toEqual([]);
    expect(lines(`
+switch (c) {
+  case "nanoid":
+    addPattern(c);
+  case "trim":
+    break;
+}`)).toEqual([]);
  });

  it("ignores a case that ends in a conditional exit, loops, or a call that never returns", () => {
    expect(lines(`
+switch (c) {
+  case 1:
+    if (done) break;
+  case 2:
+    while (true) { step(); }
+  case 3:
+    process.exit(1);
+  case 4:
+    assertNever(c);
+  default:
+    other();
+}`)).toEqual([]);
  });
});
