import { parseSource } from "../../../../src/code/parse-source.js";
import { moduleStyleOf, moduleUsageOf } from "../../../../src/review/reviewers/style/module-style.js";

const usageOf = (path: string, text: string) => moduleUsageOf(parseSource(path, text)!);

describe("moduleUsageOf", () => {
  it("lists top-level requires, not lazy ones inside functions, classes or arrows", () => {
    const usage = usageOf("lib/a.js", `const a = require("a");
function load() { return require("b"); }
class C { m() { require("c"); } }
const lazy = () => require("d");
if (ready) require("e");
module.exports = { x: require("f").x };
`);
    expect(usage).toEqual({ esm: [], require: [1, 5, 6], ownRequire: false });
  });

  it("ignores the word in strings, comments, properties and calls that are not require(\"…\")", () => {
    const usage = usageOf("lib/a.js", `// require("x") is avoided here
const s = "require('y')";
obj.require("z");
require.resolve("w");
const requireAll = require(name);
const x = requires("v");
`);
    expect(usage).toEqual({ esm: [], require: [], ownRequire: false });
  });

  it("finds requires after text that is not ASCII (tree offsets count UTF-16 units)", () => {
    const usage = usageOf("lib/a.js", `const greeting = "Grüße 🚀 大きさ";\n// ✓\nconst b = require("b");\n`);
    expect(usage.require).toEqual([3]);
  });

  it("lists ES imports and re-exports, not type-only imports, and notices a bound require", () => {
    const usage = usageOf("src/a.ts", `import type { T } from "./t.js";
import { a } from "./a.js";
export { b } from "./b.js";
export const c = 1;
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const d = require("d");
`);
    expect(usage).toEqual({ esm: [2, 3, 5], require: [7], ownRequire: true });
    expect(moduleStyleOf(usage)).toBeUndefined();
    expect(usageOf("src/b.ts", `import { createRequire as require } from "node:module";\n`).ownRequire).toBe(true);
    expect(usageOf("src/c.ts", `import { require } from "./loader.js";\n`).ownRequire).toBe(true);
    expect(usageOf("src/d.ts", `import { require as load } from "./loader.js";\n`).ownRequire).toBe(false);
  });

  it("classifies one-style files", () => {
    expect(moduleStyleOf(usageOf("lib/a.js", `const a = require("a");\n`))).toBe("cjs");
    expect(moduleStyleOf(usageOf("lib/a.mjs", `import a from "a";\n`))).toBe("esm");
    expect(moduleStyleOf(usageOf("lib/a.js", `export const a = 1;\n`))).toBeUndefined();
  });
});
