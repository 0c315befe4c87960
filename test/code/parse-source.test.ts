import { parseSource, startLineOf } from "../../src/code/parse-source.js";
import { detectLanguage } from "../../src/code/languages.js";

describe("parseSource", () => {
  it.each([
    ["a.ts", "typescript"],
    ["a.tsx", "tsx"],
    ["a.mjs", "javascript"],
    ["a.py", "python"],
    ["types.d.ts", "typescript"],
    ["Makefile", undefined],
    ["dir.v2/README", undefined],
  ])("detects %s as %s", (path, lang) => {
    expect(detectLanguage(path)).toBe(lang);
  });

  it("parses TypeScript and reports node lines 1-based", () => {
    const src = parseSource("a.ts", "const a = 1;\nfunction f(x: number) { return x; }\n");
    expect(src?.hasErrors).toBe(false);
    const fn = src!.tree.rootNode.namedChildren[1];
    expect(fn.type).toBe("function_declaration");
    expect(startLineOf(fn)).toBe(2);
  });

  it("parses files larger than tree-sitter's default 32 KiB buffer", () => {
    const text = "const x = 1;\n".repeat(10000);
    const src = parseSource("big.js", text);
    expect(src?.tree.rootNode.namedChildCount).toBe(10000);
  });

  it("flags syntax errors instead of throwing", () => {
    const src = parseSource("bad.py", "def f(:\n  return\n");
    expect(src?.hasErrors).toBe(true);
  });

  it("returns undefined for languages it does not parse", () => {
    expect(parseSource("a.go", "package main")).toBeUndefined();
  });
});
