import { deletedGuard } from "../../../../src/review/reviewers/security/deleted-guard.js";
import { reviewSnippet, reviewSnippets } from "../../../helpers/snippet.js";

describe("security/deleted-guard: prototype-pollution defences", () => {
  it("follows a deleted helper and its key list to the function that stopped calling it", () => {
    const findings = reviewSnippet(deletedGuard, "index.js", `
 'use strict';
-const disallowedKeys = ["__proto__", "prototype", "constructor"];
-const isValidPath = (segments) => !segments.some((s) => disallowedKeys.includes(s));
 function getPathSegments(path) {
   const parts = path.split(".");
-  if (!isValidPath(parts)) {
-    return [];
-  }
   return parts;
 }
 module.exports.set = (object, path, value) => {
   const segments = getPathSegments(path);
   for (let i = 0; i < segments.length - 1; i++) object = object[segments[i]] = object[segments[i]] || {};
   object[segments[segments.length - 1]] = value;
 };`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ side: "RIGHT", line: 4, confidence: 0.75 });
    expect(findings[0].message).toContain("`getPathSegments`");
    expect(findings[0].message).toContain("`__proto__`, `prototype`, `constructor`");
  });

  it("reports a check narrowed to fewer keys, and a key filter dropped from a pipeline", () => {
    const narrowed = reviewSnippet(deletedGuard, "index.js", `
 function copy(val, key) {
-  if (!isValidKey(key)) {
+  if (key === "__proto__") {
     return;
   }
   this[key] = val;
 }
-function isValidKey(key) {
-  return key !== "__proto__" && key !== "constructor" && key !== "prototype";
-}`);
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0]).toMatchObject({ line: 2, confidence: 0.65 });
    expect(narrowed[0].message).toContain("narrows the check against `constructor`, `prototype`");
    expect(narrowed[0].message).toContain("only `__proto__` is still rejected");

    const dropped = reviewSnippet(deletedGuard, "set.js", `
 module.exports = function (obj, prop, val) {
-  var keys = split(prop, ".").filter(isValidKey);
+  var keys = split(prop, ".");
   var current = obj;
   keys.forEach((k, i) => { current = current[k] = i === keys.length - 1 ? val : current[k] || {}; });
 };
 function isValidKey(key) {
   return key !== "__proto__" && key !== "constructor" && key !== "prototype";
 }`);
    expect(dropped.map((f) => [f.line, f.confidence])).toEqual([[2, 0.75]]);
  });

  it("reports a deleted own-property test in a function that walks keys, not in one that only reads", () => {
    const walker = reviewSnippet(deletedGuard, "lib/undefsafe.js", `
 function undefsafe(obj, path, value) {
   var parts = path.split(".");
   for (var i = 0; i < parts.length; i++) {
     var key = parts[i];
-    if (Object.getOwnPropertyNames(obj).indexOf(key) == -1) {
-      return undefined;
-    }
     if (i === parts.length - 1 && value !== undefined) obj[key] = value;
     obj = obj[key];
   }
   return obj;
 }`);
    expect(walker.map((f) => [f.line, f.confidence])).toEqual([[5, 0.6]]);
    expect(walker[0].message).toContain("own-property check");

    expect(reviewSnippet(deletedGuard, "lib/keys.js", `
 function ownKeys(obj) {
   const keys = [];
   for (const key in obj) {
-    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
     keys.push(key);
   }
   return keys;
 }`)).toEqual([]);
  });

  it("accepts a key check that moved to an imported helper or to another changed file", () => {
    expect(reviewSnippet(deletedGuard, "merge.js", `
+import { isUnsafeKey } from "./keys.js";
 export function merge(target, source) {
   for (const key in source) {
-    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
+    if (isUnsafeKey(key)) continue;
     target[key] = source[key];
   }
 }`)).toEqual([]);
    expect(
      reviewSnippets([deletedGuard], {
        "merge.js": `
 export function merge(target, source) {
   for (const key in source) {
-    if (key === "__proto__") continue;
+    if (forbidden(key)) continue;
     target[key] = source[key];
   }
 }`,
        "keys.js": `
+export const forbidden = (key) => key === "__proto__" || key === "constructor";`,
      }),
    ).toEqual([]);
  });

  it("reports objects without a prototype swapped for {}, once per file", () => {
    const findings = reviewSnippet(deletedGuard, "lib/parseQuery.js", `
 function parseQuery(query) {
   const args = query.split(/[,&]/g);
-  const result = Object.create(null);
+  const result = {};
   args.forEach((arg) => {
     const [name, value] = arg.split("=");
     result[name] = value;
   });
   return result;
 }
 function Cache() {
-  this.entries = utils.createNullProtoObjWherePossible();
+  this.entries = {};
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ side: "RIGHT", line: 3, confidence: 0.65 });
    expect(findings[0].message).toContain("`Object.create(null)`");
    expect(findings[0].message).toContain("on line 11");
  });

  it("ignores null-prototype objects replaced by something else, or removed with their line", () => {
    expect(reviewSnippet(deletedGuard, "lib/cache.js", `
 function Cache() {
-  this.entries = Object.create(null);
+  this.entries = new Map();
-  const seen = Object.create(null);
   this.size = 0;
 }`)).toEqual([]);
  });
});
