import { bareExceptPass } from "../../../../src/review/reviewers/correctness/bare-except-pass.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const lines = (snippet: string) => reviewSnippet(bareExceptPass, "a.py", snippet).map((f) => f.line);

describe("correctness/bare-except-pass", () => {
  it("flags a bare except whose handler only passes", () => {
    const findings = reviewSnippet(bareExceptPass, "a.py", `
+def load(path):
+    try:
+        return read(path)
+    except:
+        pass`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, confidence: 0.85, rule: "correctness/bare-except-pass" });
    expect(findings[0].message).toContain("KeyboardInterrupt");
  });

  it("flags `except BaseException:` and an ellipsis body", () => {
    expect(lines(`
+try:
+    a()
+except BaseException:
+    ...`)).toEqual([3]);
  });

  it("ignores specific exceptions and handlers that do something", () => {
    expect(lines(`
+try:
+    a()
+except ValueError:
+    pass
+except:
+    log.exception("failed")
+    raise`)).toEqual([]);
  });

  it("ignores handlers with a comment inside or right above the try", () => {
    expect(lines(`
+try:
+    a()
+except:
+    # the port may already be closed
+    pass
+# Best effort: stdin may already be closed.
+try:
+    sys.stdin.close()
+except:
+    pass`)).toEqual([]);
  });
});
