import { hardcodedSecret } from "../../../../src/review/reviewers/security/hardcoded-secret.js";
import { isSecretName, looksLikeCredential, shannonEntropy } from "../../../../src/review/reviewers/security/secret-formats.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

// Assembled at runtime so that this test file does not itself look like it leaks credentials.
const AWS = "AKIA" + "Q3EGRT5Z7WMHJN4B";
const GITHUB = "ghp_" + "R8dK2mPq7XzL4vWn9TbYc3HsJf6Ga1Ue5QiO";
const STRIPE = "sk_live_" + "51HqT9a2Lm8XvZr4Kp0WcYd7";
const SLACK = "xoxb-" + "123456789012-2345678901234-" + "Zq8Rk3Lm7Tn2Vb5Xc9Wd";
const GOOGLE = "AIza" + "SyD4kR9mQ2xT7vL0pW3nZ8bC5hJ1gF6eYaK";
const PEM = "-----BEGIN RSA PRIVATE KEY-----\\n" + "MIIEowIBAAKCAQEA7Zq3Lk9xR2mT8vW4pN6bY1cH5jF0gD3sAeQoUiKlMnBvCxZ";

describe("secret heuristics", () => {
  it("tells secret names from names about secrets", () => {
    expect(["apiKey", "CLIENT_SECRET", "dbPassword", "authToken", "stripe_secret_key", "accessKey"].every(isSecretName)).toBe(true);
    expect(["tokenUrl", "passwordField", "TOKEN_HEADER", "tokenizer", "secretName", "key", "monkey", "passwordResetRoute"].some(isSecretName)).toBe(false);
  });

  it("requires random-looking values", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(looksLikeCredential("9f8Kq2LmZx7Tn4Vb1Wc6", "apiKey")).toBe(true);
    expect(looksLikeCredential("https://api.example.com/v1", "apiKey")).toBe(false);
    expect(looksLikeCredential("your-api-key-here", "apiKey")).toBe(false);
    expect(looksLikeCredential("API_KEY_FROM_ENV", "apiKey")).toBe(false);
  });
});

describe("security/hardcoded-secret", () => {
  it("flags known token formats as blocking and masks them in the message", () => {
    const findings = reviewSnippet(hardcodedSecret, "src/clients.ts", `
+const aws = { accessKeyId: "${AWS}" };
+const gh = new Octokit({ auth: "${GITHUB}" });
+const stripe = new Stripe(process.env.STRIPE_KEY ?? "${STRIPE}");
+export const slack = "${SLACK}";
+const maps = \`${GOOGLE}\`;
+const pem = "${PEM}";`);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([1, 2, 3, 4, 5, 6].map((l) => [l, "blocking"]));
    expect(findings[1].message).toContain("GitHub token");
    expect(findings[1].message).not.toContain(GITHUB);
    expect(findings[5].message).toContain("private key");
  });

  it("flags high-entropy values of secret-named fields, Python too", () => {
    const js = reviewSnippet(hardcodedSecret, "src/config.js", `
+module.exports = { clientSecret: "Zx9Kq2LmR7Tn4Vb1Wc6Pd3Hs" };
+headers.Authorization = "Bearer a8F3kL9qZ2xW7mT4vN1pR6bY";`);
    expect(js.map((f) => [f.line, f.severity, f.confidence])).toEqual([
      [1, "warning", 0.6],
      [2, "warning", 0.6],
    ]);
    const py = reviewSnippet(hardcodedSecret, "settings.py", `
+API_KEY = "Qm7Zk2Lx9Rt4Vn8Wb3Pc6Hd"
+client = Client(password="T7#kq2Lm9!")
+SETTINGS = {"client_secret": "Zx9Kq2LmR7Tn4Vb1Wc6Pd3Hs", "name": "Zx9Kq2LmR7Tn4Vb1Wc6Pd3Hs"}`);
    expect(py.map((f) => f.line)).toEqual([1, 2, 3]);
  });

  it("flags known formats in added lines of unparsed config files", () => {
    const findings = reviewSnippet(hardcodedSecret, "deploy/.env.production", `
 NODE_ENV=production
+GITHUB_TOKEN=${GITHUB}`);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(2);
  });

  it("lowers confidence and severity in test files", () => {
    const [finding] = reviewSnippet(hardcodedSecret, "test/api.test.ts", `
+const token = "${GITHUB}";`);
    expect(finding).toMatchObject({ severity: "warning", confidence: 0.45 });
  });

  it("ignores placeholders, documentation samples, env lookups and low-entropy values", () => {
    expect(reviewSnippet(hardcodedSecret, "src/config.ts", `
+const aws = "AKIAIOSFODNN7EXAMPLE";
+const gh = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
+const apiKey = process.env.API_KEY ?? "";
+const password = "changeme";
+const tokenUrl = "https://auth.example.com/oauth/token";
+const secretName = "prod/db/primary-credentials";
+const pem = "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----";
+const passwordRegex = "^(?=.*[A-Z])(?=.*[0-9]).{8,}$";
+const TOKEN_HEADER = "x-patchwarden-token-v2";`)).toEqual([]);
  });

  it("ignores random-looking strings under ordinary names and unchanged lines", () => {
    expect(reviewSnippet(hardcodedSecret, "src/a.ts", `
 const apiKey = "Zx9Kq2LmR7Tn4Vb1Wc6Pd3Hs";
+const commit = "9f1c2ab7d44e0f3b8a6c5d2e1f0a9b8c7d6e5f4a";
+const integrity = "sha512-Zx9Kq2LmR7Tn4Vb1Wc6Pd3Hs";`)).toEqual([]);
  });
});
