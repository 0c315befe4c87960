import { pathTraversal } from "../../../../src/review/reviewers/security/path-traversal.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/path-traversal in library code", () => {
  it("flags paths joined from decoded URL paths and archive entry names, with no containment check", () => {
    const findings = reviewSnippet(pathTraversal, "lib/static.js", `
 const path = require("path");
 Server.prototype.filePath = function (urlPath) {
+  return path.join(this.root, decodeURIComponent(urlPath));
 };
 function extractAll(zip, dest) {
   zip.entries.forEach(function (entry) {
+    const target = path.resolve(dest, entry.entryName);
     writeFile(target, entry.getData());
   });
 }`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [3, 0.6],
      [7, 0.6],
    ]);
    expect(findings[0].message).toContain("`decodeURIComponent` turns `%2e%2e%2f` into `../`");
    expect(findings[1].message).toContain("zip slip");
  });

  it("ignores joins that are confined, constant, or of trusted names", () => {
    expect(reviewSnippet(pathTraversal, "lib/static.js", `
 const path = require("path");
 Server.prototype.filePath = function (urlPath) {
+  const full = path.join(this.root, decodeURIComponent(urlPath));
+  if (!full.startsWith(this.root + path.sep)) throw new Error("outside root");
   return full;
 };
+const config = path.join(__dirname, "config", name + ".json");
+const tmp = path.resolve(os.tmpdir(), entry.id);
+const url = new URL(decodeURIComponent(href), base).pathname;`)).toEqual([]);
  });

  it("flags containment checks against a directory without its trailing separator", () => {
    const findings = reviewSnippet(pathTraversal, "lib/send.js", `
 SendStream.prototype.pipe = function (res) {
   var path = decode(this.path);
   if (root !== null) {
     path = normalize(join(root, path));
+    root = normalize(root);
     if (path.substr(0, root.length) !== root) {
       return this.error(403);
     }
   }
 };
 function inside(dir, file) {
+  return path.resolve(file).startsWith(path.resolve(dir));
 }`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [5, 0.6],
      [12, 0.6],
    ]);
    expect(findings[0].message).toContain("`/srv/www-private` for `/srv/www`");
  });

  it("accepts prefixes that end with a separator", () => {
    expect(reviewSnippet(pathTraversal, "lib/send.js", `
 SendStream.prototype.pipe = function (res) {
+  root = normalize(root + sep);
   if (path.substr(0, root.length) !== root) return this.error(403);
+  var base = path.resolve(dir) + path.sep;
+  if (!full.startsWith(base)) return;
+  if (name.startsWith(prefix)) return;
 };`)).toEqual([]);
  });
});
