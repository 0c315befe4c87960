import { mutableDefaultArgument } from "../../../../src/review/reviewers/correctness/mutable-default-argument.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

const found = (snippet: string) => reviewSnippet(mutableDefaultArgument, "a.py", snippet).map((f) => [f.line, f.confidence]);

describe("correctness/mutable-default-argument", () => {
  it("flags a mutable default the function changes, with high confidence", () => {
    const findings = reviewSnippet(mutableDefaultArgument, "a.py", `
+def add_tag(tag, tags=[]):
+    tags.append(tag)
+    return len(tags)`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, confidence: 0.9, rule: "correctness/mutable-default-argument" });
    expect(findings[0].message).toContain("if tags is None: tags = []");
  });

  it("recognizes dict/set literals, typed defaults, factories and subscript writes", () => {
    expect(found(`
+def f(opts: dict = {}, seen=set(), *, extra=dict()):
+    opts["k"] = 1
+    seen.add(1)
+    extra |= {"a": 1}`)).toEqual([
      [1, 0.9],
      [1, 0.9],
      [1, 0.9],
    ]);
  });

  it("reports defaults that are only stored or only read with lower confidence", () => {
    expect(found(`
+class A:
+    def __init__(self, items=[]):
+        self.items = items
+
+def g(names=[]):
+    return ", ".join(names)`)).toEqual([
      [2, 0.65],
      [5, 0.5],
    ]);
  });

  it("ignores None and immutable defaults", () => {
    expect(found(`
+def f(a=None, b=(), c="x", d=0, e=frozenset(), f=tuple()):
+    pass`)).toEqual([]);
  });

  it("ignores deliberate caches and defaults the change does not add", () => {
    expect(found(`
+def fib(n, _cache={}):
+    _cache[n] = n
+def lookup(k, memo={}):
+    memo[k] = 1
 def old(x=[]):
+    x.append(1)`)).toEqual([]);
  });
});
