import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { runCli } from "./run-cli.js";

const require = createRequire(import.meta.url);

describe("patchwarden review --format sarif", () => {
  it("emits SARIF 2.1.0 that validates against the official schema", async () => {
    const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
    // The schema is written in draft-04, whose only difference that matters here is the root `id`.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    // Its `language` pattern is not valid with the u flag (a stray `]`), so compile patterns without it.
    const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile(schema);

    const run = await runCli(["review", "--diff", "examples/shop/change.diff", "--repo", "examples/shop/repo", "--format", "sarif"]);
    const sarif = JSON.parse(run.stdout);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);

    const [result] = sarif.runs;
    expect(result.tool.driver.name).toBe("patchwarden");
    expect(result.results.length).toBeGreaterThan(5);
    for (const r of result.results) {
      // Every result points at a rule in the driver and carries a stable fingerprint.
      expect(result.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.partialFingerprints["patchwarden/v1"]).toMatch(/^[0-9a-f]{16}$/);
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    // GitHub code scanning ranks security alerts by security-severity.
    const security = result.tool.driver.rules.filter((r: { properties: { tags: string[] } }) => r.properties.tags.includes("security"));
    expect(security.length).toBeGreaterThan(0);
    for (const r of security) expect(Number(r.properties["security-severity"])).toBeGreaterThan(0);
  });
});
