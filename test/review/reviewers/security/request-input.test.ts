import { openRedirect } from "../../../../src/review/reviewers/security/open-redirect.js";
import { pathTraversal } from "../../../../src/review/reviewers/security/path-traversal.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/path-traversal", () => {
  it("flags fs reads built from request parameters", () => {
    const findings = reviewSnippet(pathTraversal, "src/files.js", `
 const fs = require("fs");
 const path = require("path");
 app.get("/files/:name", (req, res) => {
+  const data = fs.readFileSync(path.join(__dirname, "uploads", req.params.name));
   res.send(data);
 });`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, severity: "warning", rule: "security/path-traversal" });
    expect(findings[0].message).toContain("path.relative");
  });

  it("follows destructured input into fs/promises, streams in callbacks, and sendFile", () => {
    const findings = reviewSnippet(pathTraversal, "src/files.ts", `
 import { readFile } from "node:fs/promises";
 import { createReadStream } from "fs";
 router.get("/a", async (req, res) => {
   const { file } = req.query;
+  const text = await readFile(\`./data/\${file}\`, "utf8");
+  stat(file, () => createReadStream("./data/" + file).pipe(res));
+  res.sendFile(path.resolve("public", file));
 });`);
    expect(findings.map((f) => f.line)).toEqual([5, 6, 7]);
  });

  it("ignores handlers that confine the path, basename, and sendFile with root", () => {
    expect(reviewSnippet(pathTraversal, "src/files.js", `
 const fs = require("fs");
 app.get("/a", (req, res) => {
   const full = path.resolve(ROOT, req.query.f);
   if (!full.startsWith(ROOT + path.sep)) return res.sendStatus(403);
+  fs.readFile(full, (err, data) => res.send(data));
 });
 app.get("/b", (req, res) => {
+  fs.readFileSync(path.join(ROOT, path.basename(req.query.f)));
+  res.sendFile(req.params.name, { root: "public" });
 });`)).toEqual([]);
  });

  it("ignores paths that do not come from the request", () => {
    expect(reviewSnippet(pathTraversal, "src/config.ts", `
 import fs from "fs";
+export function load(name: string) { return fs.readFileSync(path.join(CONFIG_DIR, name), "utf8"); }
+const raw = fs.readFileSync(new URL("./schema.json", import.meta.url));
+app.get("/x", (req, res) => res.json(JSON.parse(fs.readFileSync("data.json", "utf8"))));`)).toEqual([]);
  });
});

describe("security/open-redirect", () => {
  it("flags redirects to request-supplied URLs, server and client side", () => {
    const findings = reviewSnippet(openRedirect, "src/auth.js", `
 app.get("/login/done", (req, res) => {
+  res.redirect(req.query.next || "/");
 });
 app.post("/go", (req, res) => {
   const { target } = req.body;
+  res.redirect(302, target);
 });
+function bounce() { window.location.href = new URLSearchParams(location.search).get("to"); }`);
    expect(findings.map((f) => f.line)).toEqual([2, 6, 8]);
    expect(findings[0]).toMatchObject({ severity: "warning", rule: "security/open-redirect" });
    expect(findings[0].message).toContain("allow-list");
  });

  it("flags location.assign with a router query value", () => {
    const findings = reviewSnippet(openRedirect, "src/page.tsx", `
+const go = () => location.assign(router.query.returnTo as string);`);
    expect(findings).toHaveLength(1);
  });

  it("ignores fixed hosts, fixed prefixes and allow-list checks", () => {
    expect(reviewSnippet(openRedirect, "src/auth.js", `
 app.get("/a", (req, res) => {
+  res.redirect("/login?next=" + encodeURIComponent(req.query.next));
+  res.redirect(\`/users/\${req.params.id}\`);
 });
 app.get("/b", (req, res) => {
   const next = req.query.next;
   if (!ALLOWED_REDIRECTS.has(next)) return res.redirect("/");
+  res.redirect(next);
 });
 app.get("/c", (req, res) => {
   const next = String(req.query.next);
+  res.redirect(next.startsWith("/") && !next.startsWith("//") ? next : "/");
 });`)).toEqual([]);
  });

  it("ignores redirects to values that are not request input", () => {
    expect(reviewSnippet(openRedirect, "src/auth.ts", `
+res.redirect(config.loginUrl);
+window.location.href = buildUrl(page);
+location.href = "/home";`)).toEqual([]);
  });
});
