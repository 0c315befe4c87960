import type { DiffModel } from "../../../../src/diff/diff-model.js";
import type { Finding } from "../../../../src/review/finding.js";
import { buildChangeContext } from "../../../../src/review/file-context.js";
import { deletedTests } from "../../../../src/review/reviewers/coverage/deleted-tests.js";
import { runRules } from "../../../../src/review/run-rules.js";
import { fileFromSnippet, memoryRepo, reviewSnippet, reviewSnippets } from "../../../helpers/snippet.js";

/** Like reviewSnippets, but `deleted` snippets become deleted files (absent from the repository). */
function review(snippets: Record<string, string>, deleted: Record<string, string>, repoFiles: Record<string, string> = {}): Finding[] {
  const diff: DiffModel = { files: [] };
  const repo = { ...repoFiles };
  for (const [path, snippet] of Object.entries(snippets)) {
    const { file, newText } = fileFromSnippet(path, snippet);
    diff.files.push(file);
    repo[path] = newText;
  }
  for (const [path, snippet] of Object.entries(deleted)) diff.files.push(fileFromSnippet(path, snippet, "deleted").file);
  const { findings, failures } = runRules([deletedTests], buildChangeContext(diff, memoryRepo(repo)));
  if (failures.length) throw new Error(JSON.stringify(failures));
  return findings;
}

const SUITE = `
 import { add } from "../src/math.js";
 describe("add", () => {
   it("adds", () => {
     expect(add(1, 2)).toBe(3);
   });
-  it("adds negatives", () => {
-    expect(add(-1, -2)).toBe(-3);
-  });
 });`;

describe("coverage/deleted-tests", () => {
  it("flags a deleted test on the LEFT side", () => {
    const findings = reviewSnippet(deletedTests, "test/math.test.ts", SUITE, { "src/math.ts": "export function add() {}\n" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "test/math.test.ts", line: 6, side: "LEFT", severity: "warning", rule: "coverage/deleted-tests" });
    expect(findings[0].message).toContain("`adds negatives`");
  });

  it("accepts a renamed or rewritten test", () => {
    expect(reviewSnippet(deletedTests, "test/math.test.ts", `
 describe("add", () => {
-  it("adds negatives", () => {
-    expect(add(-1, -2)).toBe(-3);
+  it("adds negative numbers", () => {
+    expect(add(-1, -2)).toEqual(-3);
   });
 });`)).toEqual([]);
  });

  it("accepts a test moved to another test file in the same change", () => {
    expect(reviewSnippets([deletedTests], {
      "test/math.test.ts": SUITE,
      "test/negative.test.ts": `
+import { add } from "../src/math.js";
+it("adds negatives", () => {
+  expect(add(-1, -2)).toBe(-3);
+});`,
    })).toEqual([]);
  });

  it("accepts a deleted test for a function the change removes", () => {
    expect(reviewSnippets([deletedTests], {
      "test/math.test.ts": `
 it("adds", () => {
   expect(add(1, 2)).toBe(3);
 });
-it("subtracts", () => {
-  expect(sub(2, 1)).toBe(1);
-});`,
      "src/math.ts": `
 export function add(a, b) {
   return a + b;
 }
-export function sub(a, b) {
-  return a - b;
-}`,
    })).toEqual([]);
  });

  it("ignores deleted skipped tests and deletions in non-test files", () => {
    expect(reviewSnippet(deletedTests, "test/math.test.ts", `
 it("adds", () => {
   expect(add(1, 2)).toBe(3);
 });
-it.skip("flaky", () => {
-  expect(add(1, 2)).toBe(3);
-});`)).toEqual([]);
    expect(reviewSnippet(deletedTests, "src/runner.ts", `
 run();
-it("adds", () => {
-  expect(add(1, 2)).toBe(3);
-});`)).toEqual([]);
  });

  it("flags removed assertions when two or more go without replacement", () => {
    const findings = reviewSnippet(deletedTests, "src/math.spec.js", `
 it("adds", () => {
   expect(add(1, 2)).toBe(3);
-  expect(add(0, 0)).toBe(0);
-  assert.equal(add(2, 2), 4);
 });`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, side: "LEFT", confidence: 0.35 });
    expect(findings[0].message).toContain("3 → 1");
  });

  it("accepts assertion rewrites that keep the count", () => {
    expect(reviewSnippet(deletedTests, "src/math.spec.js", `
 it("adds", () => {
-  expect(add(1, 2)).toBe(3);
-  expect(add(0, 0)).toBe(0);
+  expect(add(1, 2)).toEqual(3);
+  expect(add(0, 0)).toEqual(0);
-  expect(add(2, 2)).toBe(4);
 });`)).toEqual([]);
  });

  it("accepts removing a duplicate test", () => {
    expect(reviewSnippet(deletedTests, "test/math.test.ts", `
 it("adds", () => {
   expect(add(1, 2)).toBe(3);
 });
-it("adds again", () => {
-  expect(add(1, 2)).toBe(3);
-});`)).toEqual([]);
  });

  it("accepts assertions that moved to another test file of the change", () => {
    expect(reviewSnippets([deletedTests], {
      "src/math.spec.js": `
 it("adds", () => {
   expect(add(1, 2)).toBe(3);
-  expect(add(0, 0)).toBe(0);
-  expect(add(2, 2)).toBe(4);
 });`,
      "src/zero.spec.js": `
+it("adds zeros", () => {
+  expect(add(0, 0)).toBe(0);
+  expect(add(2, 2)).toBe(4);
+});`,
    })).toEqual([]);
  });

  describe("deleted test files", () => {
    const TEST_FILE = `
-import { add } from "../src/math.js";
-it("adds", () => {
-  expect(add(1, 2)).toBe(3);
-});`;

    it("flags a deleted test file whose subject stays", () => {
      const findings = review({}, { "test/math.test.ts": TEST_FILE }, { "src/math.ts": "export function add() {}\n" });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ path: "test/math.test.ts", line: 2, side: "LEFT", confidence: 0.6 });
    });

    it("accepts a deleted test file whose subject is deleted too", () => {
      expect(review({}, { "test/math.test.ts": TEST_FILE, "src/math.ts": "-export function add() {}" })).toEqual([]);
    });

    it("accepts a deleted Python test module paired with a deleted module", () => {
      expect(review({}, {
        "tests/test_legacy.py": "-def test_old():\n-    assert legacy() == 1",
        "pkg/legacy.py": "-def legacy():\n-    return 1",
      })).toEqual([]);
    });
  });

  describe("Python", () => {
    it("flags a deleted def test_* and ignores a deleted helper", () => {
      const findings = reviewSnippet(deletedTests, "tests/test_parser.py", `
 def test_parse():
     assert parse("a=b") == ("a", "b")
-
-def test_parse_empty():
-    assert parse("") is None
-
-def make_input():
-    return "a=b"`);
      expect(findings.map((f) => [f.line, f.side])).toEqual([[4, "LEFT"]]);
      expect(findings[0].message).toContain("test_parse_empty");
    });

    it("flags self.assert* deletions inside unittest classes", () => {
      const findings = reviewSnippet(deletedTests, "tests/test_parser.py", `
 class TestParse(unittest.TestCase):
     def test_parse(self):
         self.assertEqual(parse("a=b"), ("a", "b"))
-        self.assertIsNone(parse(""))
-        assert parse(" ") is None`);
      expect(findings.map((f) => f.line)).toEqual([4]);
    });
  });
});
