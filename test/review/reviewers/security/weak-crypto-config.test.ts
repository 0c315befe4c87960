import { insecureRandomness } from "../../../../src/review/reviewers/security/insecure-randomness.js";
import { tlsVerificationDisabled } from "../../../../src/review/reviewers/security/tls-verification-disabled.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/tls-verification-disabled", () => {
  it("flags rejectUnauthorized, strictSSL, NODE_TLS_REJECT_UNAUTHORIZED and no-op checkServerIdentity", () => {
    const findings = reviewSnippet(tlsVerificationDisabled, "src/http.ts", `
+const agent = new https.Agent({ rejectUnauthorized: false });
+request({ url, strictSSL: false });
+process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
+tls.connect({ host, checkServerIdentity: () => undefined });
+options.rejectUnauthorized = false;`);
    expect(findings.map((f) => f.line)).toEqual([1, 2, 4, 3, 5]);
    expect(findings[0]).toMatchObject({ rule: "security/tls-verification-disabled", severity: "warning", confidence: 0.85 });
    expect(findings[0].message).toContain("`ca`");
    expect(findings.every((f) => f.suggestion === undefined)).toBe(true);
  });

  it("flags Python verify=False, unverified contexts and CERT_NONE", () => {
    const findings = reviewSnippet(tlsVerificationDisabled, "client.py", `
 import requests, ssl
+r = requests.get(url, verify=False)
+session.verify = False
+ctx = ssl._create_unverified_context()
+ctx.verify_mode = ssl.CERT_NONE`);
    expect(findings.map((f) => f.line).sort()).toEqual([2, 3, 4, 5]);
  });

  it("flags the environment switch in config files and quiets test files", () => {
    expect(reviewSnippet(tlsVerificationDisabled, "docker-compose.yml", `
 services:
+  NODE_TLS_REJECT_UNAUTHORIZED: "0"`)).toHaveLength(1);
    const [inTest] = reviewSnippet(tlsVerificationDisabled, "test/server.test.ts", `
+const agent = new https.Agent({ rejectUnauthorized: false });`);
    expect(inTest.confidence).toBe(0.4);
  });

  it("ignores verification left on, conditional settings, and other verify arguments", () => {
    expect(reviewSnippet(tlsVerificationDisabled, "src/http.ts", `
+const agent = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync(caPath) });
+const a2 = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === "production" });
+process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
+tls.connect({ checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) });`)).toEqual([]);
    expect(reviewSnippet(tlsVerificationDisabled, "client.py", `
+r = requests.get(url, verify="/etc/ssl/ca.pem")
+jwt.decode(token, key, verify=False)
+form.validate(verify=False)`)).toEqual([]);
  });
});

describe("security/insecure-randomness", () => {
  it("flags Math.random for tokens and offers crypto.randomUUID() for the base-36 idiom", () => {
    const findings = reviewSnippet(insecureRandomness, "src/auth.ts", `
+const resetToken = Math.random().toString(36).slice(2);
+export function generatePassword(len: number) {
+  let out = "";
+  for (let i = 0; i < len; i++) out += CHARS[Math.floor(Math.random() * CHARS.length)];
+  return out;
+}
+const session = { sessionId: Math.random().toString(16).substring(2) + Date.now() };`);
    expect(findings.map((f) => f.line)).toEqual([1, 4, 7]);
    expect(findings[0]).toMatchObject({ severity: "warning", confidence: 0.7, suggestion: "const resetToken = crypto.randomUUID();" });
    expect(findings[1].suggestion).toBeUndefined();
    expect(findings[0].message).toContain("crypto.getRandomValues()");
  });

  it("gives uuid-like identifiers a low confidence", () => {
    const [finding] = reviewSnippet(insecureRandomness, "src/id.js", `
+function uuidv4() { return "xxxx".replace(/x/g, () => ((Math.random() * 16) | 0).toString(16)); }`);
    expect(finding.confidence).toBeLessThan(0.5);
  });

  it("flags Python random for secrets", () => {
    const findings = reviewSnippet(insecureRandomness, "auth.py", `
 import random
 from random import choice
+def make_token():
+    return "".join(choice(ALPHABET) for _ in range(32))
+otp = random.randint(100000, 999999)`);
    expect(findings.map((f) => f.line)).toEqual([4, 5]);
    expect(findings[0].message).toContain("secrets.token_urlsafe()");
  });

  it("ignores jitter, layout, sampling and unnamed uses, even inside secret-named functions", () => {
    expect(reviewSnippet(insecureRandomness, "src/retry.ts", `
+export function refreshToken(attempt: number) {
+  const delay = 100 * 2 ** attempt + Math.random() * 50;
+  return sleep(delay);
+}
+const color = colors[Math.floor(Math.random() * colors.length)];
+const id = Math.random().toString(36).slice(2);
+setTimeout(poll, Math.random() * 1000);`)).toEqual([]);
    expect(reviewSnippet(insecureRandomness, "sim.py", `
 import random, secrets
+token = secrets.token_hex(16)
+def sample_rows(rows):
+    return random.sample(rows, 10)`)).toEqual([]);
  });
});
