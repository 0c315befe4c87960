import { quoteStyle } from "../../../../src/review/reviewers/style/quote-style.js";
import { collectQuotedStrings } from "../../../../src/review/reviewers/style/string-quotes.js";
import { parseSource } from "../../../../src/code/parse-source.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

function repoOf(count: number, ext: string, body: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`src/f${i}.${ext}`] = body;
  return files;
}

const SINGLE_TS = repoOf(12, "ts", "import a from 'a';\nconst b = 'b';\nconst c = 'c';\nconst d = 'd';\nconst e = \"it's\";\nconst f = 'f';\n");
const DOUBLE_PY = repoOf(12, "py", 'A = "a"\nB = "b"\nC = "c"\nD = "d"\nE = "e"\n"""Docstring."""\n');

describe("quoted strings", () => {
  it("skips strings that must use one quote, JSX attributes and Python triple quotes", () => {
    const ts = parseSource("a.tsx", "const a = 'x';\nconst b = \"it's\";\nconst c = <div id=\"d\">{'e'}</div>;\n")!;
    expect(collectQuotedStrings(ts).map((s) => [s.line, s.quote])).toEqual([[1, "single"], [3, "single"]]);
    const py = parseSource("a.py", "a = f'x{y}'\nb = \"\"\"doc\"\"\"\nc = rb\"z\"\nd = 'say \"hi\"'\n")!;
    expect(collectQuotedStrings(py).map((s) => [s.line, s.quote])).toEqual([[1, "single"], [3, "double"]]);
  });
});

describe("style/quote-style", () => {
  it("flags an added file that goes against the repository's quotes, once", () => {
    const findings = reviewSnippet(quoteStyle, "src/new.ts", `
+import x from "x";
+const a = "a";
+const b = "b";
+const c = "c";`, SINGLE_TS);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, rule: "style/quote-style", severity: "suggestion", confidence: 0.3 });
    expect(findings[0].message).toContain("4 of the 4 strings added here use double quotes");
    expect(findings[0].message).toContain("12 of 12 files");
  });

  it("flags added Python lines that use single quotes in a double-quote repository", () => {
    const findings = reviewSnippet(quoteStyle, "pkg/new.py", `
+NAME = 'n'
+KIND = 'k'
+MODE = 'm'`, DOUBLE_PY);
    expect(findings.map((f) => f.line)).toEqual([1]);
  });

  it("follows the file's own convention over the repository's", () => {
    expect(reviewSnippet(quoteStyle, "src/legacy.ts", `
 const a = "a";
 const b = "b";
 const c = "c";
 const d = "d";
 const e = "e";
+const f = "f";
+const g = "g";
+const h = "h";`, SINGLE_TS)).toEqual([]);
  });

  it("leaves JSX attribute values out of the added strings, in TSX and in JavaScript", () => {
    const jsx = "\n+export const a = <div id=\"a\" title=\"b\" role=\"c\" data-x={\"d\"} />;";
    // The attribute values follow HTML; only `{"d"}` is a free choice, and one string is not a pattern.
    expect(reviewSnippet(quoteStyle, "src/view.tsx", jsx, SINGLE_TS)).toEqual([]);
    const singleJs = repoOf(12, "js", "a('1');\nb('2');\nc('3');\nd('4');\ne('5');\n");
    expect(reviewSnippet(quoteStyle, "src/view.js", jsx, singleJs)).toEqual([]);
    // Outside attributes the same strings count.
    const findings = reviewSnippet(quoteStyle, "src/view.js", "\n+export const a = <div>{\"a\"}{\"b\"}{\"c\"}</div>;", singleJs);
    expect(findings.map((f) => f.message.slice(0, 34))).toEqual(["3 of the 3 strings added here use "]);
  });

  it("ignores a few stray strings, mixed additions and repositories with too few voting files", () => {
    expect(reviewSnippet(quoteStyle, "src/new.ts", "\n+const a = \"a\";\n+const b = \"b\";", SINGLE_TS)).toEqual([]);
    expect(reviewSnippet(quoteStyle, "src/new.ts", "\n+const a = \"a\";\n+const b = \"b\";\n+const c = \"c\";\n+const d = 'd';\n+const e = 'e';\n+const f = 'f';\n+const g = 'g';", SINGLE_TS)).toEqual([]);
    const split = { ...repoOf(6, "js", "a('1');\nb('2');\nc('3');\nd('4');\ne('5');\n"), ...repoOf(6, "ts", "") };
    expect(reviewSnippet(quoteStyle, "src/new.js", "\n+a(\"1\");\n+b(\"2\");\n+c(\"3\");", split)).toEqual([]);
  });
});
