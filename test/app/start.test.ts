import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chooseStartMode, startFromEnv, type StartedApp } from "../../src/app/start.js";
import { ConfigError } from "../../src/config/config-error.js";
import { createFakeGitHub, loadWebhookExample, type FakeGitHub } from "../fakes/github/index.js";
import { REPO, seedExamplePull, signBody, waitUntil } from "./app-fixture.js";

// `npm start` as main.ts runs it, from an environment: which server, and the App's own server
// end to end against the fake GitHub reached as a GitHub Enterprise Server (GHE_HOST).

const privateKey = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

let started: StartedApp | undefined;
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "patchwarden-start-"));
});
afterEach(async () => {
  await started?.close();
  started = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** GitHub Enterprise Server serves the REST API under /api/v3: a loopback proxy strips it on the way to the fake. */
async function enterpriseProxy(fake: FakeGitHub): Promise<{ host: string; paths: string[]; close(): Promise<void> }> {
  const target = new URL(fake.url);
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? "");
    if (!req.url?.startsWith("/api/v3/")) {
      res.writeHead(404).end();
      return;
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url.slice("/api/v3".length), headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { host: `127.0.0.1:${port}`, paths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("chooseStartMode", () => {
  it("serves the setup page without credentials, Probot's server behind a webhook proxy, the App's own server otherwise", () => {
    expect(chooseStartMode({})).toBe("setup");
    expect(chooseStartMode({ APP_ID: "1" })).toBe("setup");
    expect(chooseStartMode({ APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_PROXY_URL: "https://smee.io/abc" })).toBe("proxy");
    expect(chooseStartMode({ APP_ID: "1", PRIVATE_KEY: privateKey })).toBe("app");
    // Probot's key formats: base64 of the PEM too.
    expect(chooseStartMode({ APP_ID: "1", PRIVATE_KEY: Buffer.from(privateKey).toString("base64") })).toBe("app");
  });
});

describe("startFromEnv", () => {
  it("refuses to run with credentials and no WEBHOOK_SECRET", async () => {
    await expect(startFromEnv({ APP_ID: "1", PRIVATE_KEY: privateKey, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "fatal", DATA_DIR: dataDir })).rejects.toThrow(ConfigError);
    await expect(startFromEnv({ APP_ID: "1", PRIVATE_KEY: privateKey, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "fatal", DATA_DIR: dataDir })).rejects.toThrow(/WEBHOOK_SECRET is not set/);
  });

  it("fails fast on an invalid patchwarden variable, whatever the mode", async () => {
    await expect(startFromEnv({ QUEUE: "kafka", LOG_LEVEL: "fatal" })).rejects.toThrow(/QUEUE/);
  });

  it("runs the App's own server: a signed /review is checked through GitHub Enterprise under /api/v3 (a reader is refused)", async () => {
    const fake = await createFakeGitHub({ preloadSpec: true });
    seedExamplePull(fake);
    fake.state.setCollaboratorPermission("visitor", "read", { repo: REPO });
    const proxy = await enterpriseProxy(fake);
    try {
      started = await startFromEnv({
        APP_ID: String(fake.state.options.appId),
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: "start-test-secret",
        GHE_HOST: proxy.host,
        GHE_PROTOCOL: "http",
        HOST: "127.0.0.1",
        PORT: "0",
        LOG_LEVEL: "fatal",
        RECONCILE_ON_START: "false",
        DATA_DIR: dataDir,
      });
      expect(started.mode).toBe("app");
      expect(await (await fetch(`${started.url}/healthz`)).json()).toMatchObject({ status: "ok", queue: "memory" });
      const payload = loadWebhookExample("issue_comment.created", { repo: REPO, number: 7, sender: "visitor", comment: { body: "/review", user: "visitor" }, onPullRequest: true });
      const body = JSON.stringify(payload);
      const answer = await fetch(`${started.url}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": "ghe-1", "x-hub-signature-256": signBody(body, "start-test-secret") },
        body,
      });
      expect(answer.status).toBe(202);
      // The permission lookup went through the Enterprise API path, and the visitor was refused.
      expect(proxy.paths).toContain("/api/v3/repos/acme/shop/collaborators/visitor/permission");
      await waitUntil(() => fake.state.issueComments(REPO, 7).length === 1, "the refusal", 20_000);
      // A delivery signed with another secret is refused.
      const forged = await fetch(`${started.url}/api/github/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": "ghe-2", "x-hub-signature-256": signBody(body, "wrong") },
        body,
      });
      expect(forged.status).toBe(401);
    } finally {
      await started?.close();
      started = undefined;
      await proxy.close();
      await fake.close();
    }
  });

  it("serves Probot's setup page (manifest flow) when there are no credentials", async () => {
    const previous = process.env.NO_SMEE_SETUP;
    // Probot's setup would otherwise open a smee.io channel, which is out of reach here.
    process.env.NO_SMEE_SETUP = "true";
    try {
      const port = await freePort();
      started = await startFromEnv({ PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "fatal", DATA_DIR: dataDir });
      expect(started.mode).toBe("setup");
      const page = await fetch(`http://127.0.0.1:${port}/probot`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Register GitHub App");
      // The manifest posted to GitHub is app.yml's: the events and permissions it asks for.
      expect(html).toContain("pull_request_review_thread");
      expect(html).toContain("checks");
    } finally {
      if (previous === undefined) delete process.env.NO_SMEE_SETUP;
      else process.env.NO_SMEE_SETUP = previous;
    }
  });
});
