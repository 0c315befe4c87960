import { ConfigError } from "../../src/config/config-error.js";
import { defaultConfig, parseConfigText } from "../../src/config/load-config.js";

describe("config", () => {
  it("fills every default from an empty file", () => {
    expect(parseConfigText("")).toEqual(defaultConfig());
    expect(defaultConfig().review).toMatchObject({
      enabled: true,
      drafts: false,
      thresholds: { correctness: 0.7, security: 0.6, style: 0.85, coverage: 0.8 },
      maxInlineComments: 20,
    });
    expect(defaultConfig().checks.onBlocking).toBe("failure");
  });

  it("keeps defaults for fields a partial config leaves out", () => {
    const config = parseConfigText("review:\n  thresholds:\n    security: 0.4\n  rules:\n    style/console-log: off\n");
    expect(config.review.thresholds).toEqual({ correctness: 0.7, security: 0.4, style: 0.85, coverage: 0.8 });
    expect(config.review.rules).toEqual({ "style/console-log": "off" });
  });

  it("lists every bad field path in one error", () => {
    let error: unknown;
    try {
      parseConfigText("review:\n  thresholds:\n    security: high\n  maxInlineComments: -1\n  colour: blue\n");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.some((i) => i.startsWith("review.thresholds.security:"))).toBe(true);
    expect(issues.some((i) => i.startsWith("review.maxInlineComments:"))).toBe(true);
    expect(issues.some((i) => i.includes("colour"))).toBe(true);
  });

  it.each([
    ["review: [", "not valid YAML"],
    ["- a\n- b\n", "expected a mapping"],
    ["review:\n  rules:\n    x: sometimes\n", "review.rules.x"],
  ])("rejects %j with a clear message", (text, expected) => {
    expect(() => parseConfigText(text)).toThrow(expected);
  });
});
