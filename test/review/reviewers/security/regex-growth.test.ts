import { judgeRegex } from "../../../../src/review/reviewers/security/regex-backtracking.js";
import { analyzeGrowth } from "../../../../src/review/reviewers/security/regex-growth.js";
import { countMatchSteps } from "../../../../src/review/reviewers/security/regex-steps.js";
import { parseRegex, UnsupportedRegexError } from "../../../../src/review/reviewers/security/regex-syntax.js";

const NO_FLAGS = { caseInsensitive: false, unicode: false, dotAll: false, multiLine: false };

function flagsOf(letters: string) {
  return { caseInsensitive: letters.includes("i"), unicode: letters.includes("u"), dotAll: letters.includes("s"), multiLine: letters.includes("m") };
}

describe("parseRegex + countMatchSteps agree with the engine", () => {
  const cases: Array<[string, string, string[]]> = [
    [String.raw`^[\w.+-]+@[\w-]+\.[a-z]{2,}$`, "", ["a.b@c-d.io", "a@b", "@b.io", "x@y.z"]],
    [String.raw`(?:^|,)\s*(?<name>[^=,]+?)\s*=\s*("[^"]*"|[^,]*)`, "", ['a=1, b = "x,y"', "=", "k=v"]],
    [String.raw`^(?!.*\.\.)[a-z./]+$`, "", ["a/b.c", "a/../b", ""]],
    [String.raw`\bfoo\B`, "", ["foox", "foo bar", "a foo"]],
    [String.raw`[^\]\\]+|\\.`, "", ["]]", "\\x", "ab"]],
    [String.raw`^.$`, "s", ["\n", "ab", "a"]],
    [String.raw`^b$`, "m", ["a\nb\nc", "ab"]],
    [String.raw`HELLO\x21\u0041?`, "i", ["hello!a", "Hello", "HELLO!"]],
    [String.raw`a{2,3}?b{2}|c{1,}`, "", ["aab", "aaabb", "cc", "ab"]],
    [String.raw`[]a|[^]`, "", ["", "x", "\n"]],
  ];
  it.each(cases)("/%s/%s", (pattern, flags, inputs) => {
    const root = parseRegex(pattern, flagsOf(flags));
    for (const input of inputs) {
      expect([input, countMatchSteps(root, input, flagsOf(flags), 1e6).matched]).toEqual([input, new RegExp(pattern, flags).test(input)]);
    }
  });

  it("rejects what it does not model", () => {
    for (const pattern of [String.raw`(a)\1`, String.raw`(?<=a)b`, String.raw`\p{L}`, "(a", "a)", "*a"]) {
      expect(() => parseRegex(pattern, NO_FLAGS)).toThrow(UnsupportedRegexError);
    }
  });

  it("stops at the step limit", () => {
    const root = parseRegex("^(a+)+$", NO_FLAGS);
    expect(countMatchSteps(root, "a".repeat(40) + "!", NO_FLAGS, 10_000)).toEqual({ steps: 10_000 });
  });

  it("counts quadratically many steps for an unanchored run that fails at its end", () => {
    const root = parseRegex(String.raw`\s+$`, NO_FLAGS);
    const steps = (n: number) => countMatchSteps(root, " ".repeat(n) + "x", NO_FLAGS, 1e7).steps;
    expect(steps(200) / steps(100)).toBeGreaterThan(3.5);
    expect(countMatchSteps(root, " ".repeat(200) + "x", NO_FLAGS, 1e7, true).steps).toBeLessThan(1000);
  });
});

describe("analyzeGrowth", () => {
  it.each([
    [String.raw` *, *`, " "],
    [String.raw`[\r\n]+$`, "\n"],
    [String.raw`^data:(.*?),(.*?)(?:#(.*))?$`, ","],
    [String.raw`\{.*\}`, "{"],
    [String.raw`^\s+|\s+$`, " "],
    [String.raw`^([^=;]+)\s*=\s*([^\n]*)`, " "],
  ])("finds a pumped input for %s", (pattern, pump) => {
    const report = analyzeGrowth(pattern, NO_FLAGS);
    expect(report).toMatchObject({ pump, degree: 2 });
    const input = report!.prefix + report!.pump.repeat(3000) + report!.suffix;
    // The attack really fails to match, so a real engine tries every split.
    expect(new RegExp(pattern).test(input)).toBe(false);
  });

  it.each([
    String.raw`^data:([^,]*?),([^#]*?)(?:#(.*))?$`,
    String.raw`^(.*!)([^!]*)$`,
    String.raw`"(?:[^"\\]|\\.)*"`,
    String.raw`^[\w.+-]+@[\w-]+\.[\w.-]+$`,
    String.raw`x\s*=\s*y`,
    String.raw`\s+`,
    String.raw`(a)\1+$`,
  ])("finds nothing in linear (or unsupported) %s", (pattern) => {
    expect(analyzeGrowth(pattern, NO_FLAGS)).toBeUndefined();
  });

  it("treats a sticky pattern as tried at one position", () => {
    expect(analyzeGrowth(String.raw`[ \t]+$`, NO_FLAGS, true)).toBeUndefined();
    expect(analyzeGrowth(String.raw`[ \t]+$`, NO_FLAGS)).toBeDefined();
  });
});

describe("judgeRegex", () => {
  it("tells exponential from polynomial from safe", () => {
    expect(judgeRegex("^(a+)+$", NO_FLAGS)?.kind).toBe("exponential");
    expect(judgeRegex(String.raw`\s*,\s*`, NO_FLAGS)?.kind).toBe("polynomial");
    expect(judgeRegex("^[a-z]+$", NO_FLAGS)).toBeUndefined();
    expect(judgeRegex(String.raw`^(.*!)([^!]*)$`, NO_FLAGS)).toBeUndefined();
  });
});
