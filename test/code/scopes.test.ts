import { parseSource, type ParsedSource } from "../../src/code/parse-source.js";
import { enclosingScopes, scopeSignature, scopesForLines, type Scope } from "../../src/code/scopes.js";

function parse(path: string, text: string): ParsedSource {
  const source = parseSource(path, text.replace(/^\n/, ""));
  if (!source) throw new Error(`cannot parse ${path}`);
  return source;
}

// "kind name" per scope, innermost first: compact enough for tables.
function chain(scopes: Scope[]): string[] {
  return scopes.map((s) => `${s.kind} ${s.name ?? "?"}`);
}

const TS = `
export class Cart<T> extends Base implements Store {
  private items: T[] = [];
  get size(): number {
    return this.items.length;
  }
  set limit(v: number) {
    this.max = v;
  }
  add(item: T): void {
    this.items.forEach((x) => {
      check(x);
    });
  }
  onClick = () => {
    go();
  };
}
export function total(xs: number[]): number {
  const sum = function inner() { return 0; };
  return xs.reduce((a, b) => a + b, sum());
}
const anon = function () { return 1; };
export const handler = async (e: Event) => {
  await e;
};
namespace Shop.Internal {
  export function helper() {}
}
const top = 1;
`;

const JS = `
const api = {
  list() {
    return [];
  },
  get: function () {
    return 1;
  },
  "remove": (id) => {
    return id;
  },
};
module.exports.create = function () {
  return new (class Widget {
    render() {}
  })();
};
function* gen() {
  yield 1;
}
const Klass = class {
  run() {}
};
`;

const TSX = `
export function App({ name }: Props) {
  return <div>{name}</div>;
}
export const Button = ({ label }: { label: string }) => (
  <button>{label}</button>
);
`;

const PY = `
import os

@app.route("/")
@login_required
def index():
    return render()

class Repo(Base):
    limit = 3

    @property
    def size(self):
        return len(self.items)

    async def fetch(self, key):
        def inner():
            return key
        return inner()

square = lambda x: x * x

async def main():
    pass
`;

describe("enclosingScopes", () => {
  it.each<[string, ParsedSource, number, string[]]>([
    ["class field", parse("a.ts", TS), 2, ["class Cart"]],
    ["getter", parse("a.ts", TS), 4, ["method size", "class Cart"]],
    ["setter", parse("a.ts", TS), 7, ["method limit", "class Cart"]],
    ["arrow callback in a method", parse("a.ts", TS), 11, ["arrow ?", "method add", "class Cart"]],
    ["class field arrow", parse("a.ts", TS), 15, ["arrow onClick", "class Cart"]],
    ["named function expression", parse("a.ts", TS), 19, ["function inner", "function total"]],
    ["arrow argument on the return line", parse("a.ts", TS), 20, ["arrow ?", "function total"]],
    ["anonymous function named by its variable", parse("a.ts", TS), 22, ["function anon"]],
    ["exported async arrow", parse("a.ts", TS), 23, ["arrow handler"]],
    ["namespace", parse("a.ts", TS), 27, ["function helper", "module Shop.Internal"]],
    ["top level", parse("a.ts", TS), 29, []],
    ["object shorthand method", parse("a.js", JS), 3, ["method list"]],
    ["object function property", parse("a.js", JS), 6, ["method get"]],
    ["object arrow under a quoted key", parse("a.js", JS), 9, ["arrow remove"]],
    ["CommonJS export function", parse("a.js", JS), 12, ["function create"]],
    ["class expression", parse("a.js", JS), 14, ["method render", "class Widget", "function create"]],
    ["generator", parse("a.js", JS), 18, ["function gen"]],
    ["anonymous class named by its variable", parse("a.js", JS), 21, ["method run", "class Klass"]],
    ["TSX function component", parse("a.tsx", TSX), 2, ["function App"]],
    ["TSX arrow component", parse("a.tsx", TSX), 5, ["arrow Button"]],
    ["Python decorator line", parse("a.py", PY), 3, ["function index"]],
    ["Python decorated body", parse("a.py", PY), 6, ["function index"]],
    ["Python class attribute", parse("a.py", PY), 9, ["class Repo"]],
    ["Python decorated method", parse("a.py", PY), 11, ["method size", "class Repo"]],
    ["Python nested def in async method", parse("a.py", PY), 17, ["function inner", "method fetch", "class Repo"]],
    ["Python lambda", parse("a.py", PY), 20, ["arrow square"]],
    ["Python async def", parse("a.py", PY), 23, ["function main"]],
    ["Python import", parse("a.py", PY), 1, []],
    ["class keyword line", parse("a.ts", TS), 1, ["class Cart"]],
    ["Python lambda keyword line", parse("a.py", "f = lambda: 0\n"), 1, ["arrow f"]],
  ])("%s", (_label, source, line, expected) => {
    expect(chain(enclosingScopes(source, line))).toEqual(expected);
  });

  it("reports 1-based inclusive spans", () => {
    const [method, cls] = enclosingScopes(parse("a.ts", TS), 4);
    expect(method).toEqual({ kind: "method", name: "size", startLine: 3, endLine: 5 });
    expect(cls).toMatchObject({ startLine: 1, endLine: 17 });
  });

  it("spans decorators of a Python definition", () => {
    expect(enclosingScopes(parse("a.py", PY), 4)[0]).toEqual({ kind: "function", name: "index", startLine: 3, endLine: 6 });
  });

  it("lists both scopes on a line where one ends and the next starts", () => {
    const source = parse("a.js", "on(() => {\n  a();\n}, () => {\n  b();\n});\n");
    expect(enclosingScopes(source, 3).map((s) => s.startLine)).toEqual([3, 1]);
  });

  it.each([0, -1, 999])("returns no scopes for line %d outside the file", (line) => {
    expect(enclosingScopes(parse("a.ts", TS), line)).toEqual([]);
  });
});

describe("scopesForLines", () => {
  it("matches enclosingScopes line by line", () => {
    for (const [path, text] of [["a.ts", TS], ["a.js", JS], ["a.tsx", TSX], ["a.py", PY]]) {
      const source = parse(path, text);
      const lines = text.split("\n").map((_, i) => i + 1);
      const many = scopesForLines(source, lines);
      expect([...many.keys()]).toEqual(lines);
      for (const line of lines) expect(many.get(line)).toEqual(enclosingScopes(source, line));
    }
  });

  it("answers duplicate and unordered lines once each", () => {
    const many = scopesForLines(parse("a.ts", TS), [19, 4, 19]);
    expect([...many.keys()]).toEqual([4, 19]);
  });

  it("handles a 3,000-line file with every line asked for", () => {
    const text = Array.from({ length: 1000 }, (_, i) => `function f${i}(a) {\n  return a + ${i};\n}`).join("\n");
    const source = parse("big.js", text);
    const lines = Array.from({ length: 3000 }, (_, i) => i + 1);
    const many = scopesForLines(source, lines);
    expect(many.size).toBe(3000);
    expect(chain(many.get(2998)!)).toEqual(["function f999"]);
    expect(chain(many.get(1)!)).toEqual(["function f0"]);
  });
});

describe("scopeSignature", () => {
  const signature = (path: string, text: string, line: number) => {
    const source = parse(path, text);
    return scopeSignature(source, enclosingScopes(source, line)[0]);
  };

  it.each([
    ["one-line function", "a.ts", TS, 21, "export function total(xs: number[]): number {"],
    ["method, dedented", "a.ts", TS, 9, "add(item: T): void {"],
    ["arrow callback keeps its line", "a.ts", TS, 11, "this.items.forEach((x) => {"],
    ["Python decorators and def", "a.py", PY, 6, '@app.route("/")\n@login_required\ndef index():'],
    ["Python method", "a.py", PY, 17, "def inner():"],
    ["class heading", "a.ts", TS, 2, "export class Cart<T> extends Base implements Store {"],
  ])("%s", (_label, path, text, line, expected) => {
    expect(signature(path, text, line)).toBe(expected);
  });

  it("spans parameters written over several lines, but not the body", () => {
    const text = "function f(\n  a: string,\n  b: number,\n): void {\n  body();\n}\n";
    expect(signature("a.ts", text, 5)).toBe("function f(\n  a: string,\n  b: number,\n): void {");
  });

  it("falls back to the first line for a scope that is not in the tree", () => {
    const source = parse("a.ts", TS);
    expect(scopeSignature(source, { kind: "function", name: "gone", startLine: 29, endLine: 29 })).toBe("const top = 1;");
  });
});
