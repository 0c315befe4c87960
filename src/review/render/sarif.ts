import type { Severity } from "../finding.js";
import type { ReportedFinding, ReviewResult } from "../review-result.js";
import type { RuleMeta } from "../rule.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { blocking: "error", warning: "warning", suggestion: "note" };
// GitHub code scanning ranks security alerts by this score (0.1–10): critical ≥ 9, high ≥ 7.
const SECURITY_SEVERITY: Record<Severity, string> = { blocking: "8.0", warning: "5.0", suggestion: "2.0" };

export interface SarifOptions {
  rules: RuleMeta[];
  version: string;
  /** Maps a LEFT-side (deleted line) finding to a line of the new file, where code scanning can show it. */
  newSideLine?: (finding: ReportedFinding) => number;
}

/**
 * SARIF 2.1.0 log for GitHub code scanning (`github/codeql-action/upload-sarif`). Every finding
 * is a result; `posted` ones are also marked in properties. Fingerprints go to
 * partialFingerprints so code scanning tracks alerts across pushes.
 */
export function renderSarif(result: ReviewResult, options: SarifOptions): object {
  const used = new Set(result.findings.map((f) => f.rule));
  const rules = options.rules.filter((r) => used.has(r.id));
  for (const id of used) {
    if (!rules.some((r) => r.id === id)) rules.push({ id, category: "correctness", severity: "warning", confidence: 0.5, rationale: id, languages: "any" });
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "patchwarden",
            informationUri: "https://github.com/patchwarden/patchwarden",
            semanticVersion: options.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: r.rationale },
              fullDescription: { text: r.rationale },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: {
                tags: [r.category],
                precision: r.confidence >= 0.8 ? "high" : r.confidence >= 0.5 ? "medium" : "low",
                ...(r.category === "security" ? { "security-severity": SECURITY_SEVERITY[r.severity] } : {}),
              },
            })),
          },
        },
        results: result.findings.map((f) => {
          const line = f.side === "LEFT" ? (options.newSideLine?.(f) ?? 1) : f.line;
          const startLine = f.side === "LEFT" ? line : (f.startLine ?? f.line);
          return {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule),
            level: LEVEL[f.severity],
            message: { text: f.side === "LEFT" ? `${f.message} (about deleted line ${f.line} of the old file)` : f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.path, uriBaseId: "%SRCROOT%" },
                  region: { startLine: Math.max(1, startLine), endLine: Math.max(1, line) },
                },
              },
            ],
            partialFingerprints: { "patchwarden/v1": f.fingerprint },
            properties: { confidence: f.confidence, category: f.category, posted: f.posted },
          };
        }),
        columnKind: "utf16CodeUnits",
      },
    ],
  };
}
