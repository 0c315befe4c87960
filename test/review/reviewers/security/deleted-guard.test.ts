import { deletedGuard } from "../../../../src/review/reviewers/security/deleted-guard.js";
import { reviewSnippet, reviewSnippets } from "../../../helpers/snippet.js";

describe("security/deleted-guard", () => {
  it("flags a deleted permission early exit on the RIGHT side, at the code it guarded", () => {
    const findings = reviewSnippet(deletedGuard, "src/users.ts", `
 export async function deleteUser(req: Request, res: Response) {
-  if (!req.user.isAdmin) {
-    return res.status(403).end();
-  }
+  // admins only (see docs)
   await db.users.delete(req.params.id);
 }`);
    expect(findings).toHaveLength(1);
    // The exit answered 403: it refused the caller, so it is posted.
    expect(findings[0]).toMatchObject({ side: "RIGHT", line: 2, rule: "security/deleted-guard", severity: "warning", confidence: 0.6 });
    expect(findings[0].message).toContain("`deleteUser`");
    expect(findings[0].message).toContain("if (!req.user.isAdmin)");
  });

  it("flags a deleted verify*/authorize* call inside a route handler that stays", () => {
    const findings = reviewSnippet(deletedGuard, "src/hooks.js", `
 app.post("/webhook", (req, res) => {
-  verifySignature(req, process.env.WEBHOOK_SECRET);
   handle(req.body);
   res.sendStatus(204);
 });
 class Posts {
   async update(user, post, data) {
-    await this.authorizeEdit(user, post);
     return this.repo.save({ ...post, ...data });
   }
 }`);
    expect(findings.map((f) => [f.side, f.line, f.confidence])).toEqual([
      ["RIGHT", 2, 0.6],
      ["RIGHT", 7, 0.6],
    ]);
    expect(findings[0].message).toContain('`app.post(/webhook)` handler');
    expect(findings[1].message).toContain("`Posts.update`");
  });

  it("flags auth middleware dropped from a route that is kept", () => {
    const findings = reviewSnippet(deletedGuard, "src/routes.ts", `
-router.delete("/users/:id", requireAuth, removeUser);
+router.delete("/users/:id", removeUser);`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ side: "RIGHT", line: 1 });
  });

  it("flags Python raise guards and login_required decorators", () => {
    const findings = reviewSnippet(deletedGuard, "app/views.py", `
-@login_required
 def delete_user(request, user_id):
-    if not request.user.has_perm("users.delete"):
-        raise PermissionDenied()
     User.objects.filter(id=user_id).delete()`);
    expect(findings.map((f) => f.line).sort()).toEqual([1, 2]);
    expect(findings.every((f) => f.side === "RIGHT")).toBe(true);
  });

  it("flags a deleted key-safety skip inside a merge loop", () => {
    const findings = reviewSnippet(deletedGuard, "src/merge.js", `
 export function merge(target, source) {
   for (const key in source) {
-    if (key === "__proto__" || key === "constructor") continue;
     target[key] = source[key];
   }
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ side: "RIGHT", line: 3, confidence: 0.75 });
    expect(findings[0].message).toContain("removes the check against `__proto__`, `constructor` in `merge`");
  });

  it("posts deleted exits that refuse the caller, and keeps bare returns below the threshold", () => {
    const findings = reviewSnippet(deletedGuard, "lib/transport.js", `
 class SendmailTransport {
   send(mail, done) {
     const envelope = mail.data.envelope;
-    if (envelope.to.some((addr) => /^-/.test(addr))) {
-      return done(new Error("Invalid envelope addresses"));
-    }
     const args = ["-i"].concat(envelope.to);
     return spawn(this.path, args);
   }
   render(view) {
-    if (!view.valid) return;
     return this.engine.render(view);
   }
 }`);
    expect(findings.map((f) => [f.line, f.confidence])).toEqual([
      [4, 0.6],
      [8, 0.5],
    ]);
  });

  it("flags a deleted conversion of a value that still reaches a shell command", () => {
    const findings = reviewSnippet(deletedGuard, "index.js", `
 var exec = require("child_process").exec;
 module.exports = function (pid, signal, callback) {
-  pid = parseInt(pid);
-  if (Number.isNaN(pid)) throw new Error("pid must be a number");
   var tree = {};
   exec("taskkill /pid " + pid + " /T /F", callback);
 };`);
    expect(findings.map((f) => [f.side, f.line, f.confidence])).toEqual([["RIGHT", 3, 0.6]]);
    expect(findings[0].message).toContain("deletes `pid = parseInt(pid)`");
    expect(findings[0].message).toContain("still reaches `exec(");
  });

  it("ignores deleted conversions of values that reach no interpreter, or are converted again", () => {
    expect(reviewSnippet(deletedGuard, "index.js", `
 function page(n, rows) {
-  n = parseInt(n);
   return rows.slice(n * 10, n * 10 + 10);
 }
 function kill(pid) {
-  pid = parseInt(pid);
+  pid = Number(pid);
   exec("kill " + pid);
 }`)).toEqual([]);
  });

  it("ignores bare assert() invariants and exits whose only hint is a spread", () => {
    expect(reviewSnippet(deletedGuard, "src/util.js", `
 export function pick(list, i) {
-  assert(Array.isArray(list));
-  if (isTemplate(args[0])) return build(...args);
   return list[i];
 }`)).toEqual([]);
  });

  it("ignores guards removed together with their function, or moved within it", () => {
    expect(reviewSnippet(deletedGuard, "src/users.ts", `
-export function removeUser(req, res) {
-  authorize(req.user, "admin");
-  return db.delete(req.params.id);
-}
 export function listUsers() {
-  validateQuery(q);
   const rows = db.all();
+  validateQuery(q);
   return rows;
 }`)).toEqual([]);
  });

  it("reports a guard swapped for a different check with low confidence", () => {
    const [finding] = reviewSnippet(deletedGuard, "src/upload.js", `
 function upload(args) {
-  const root = sanitizeVar(args.root);
+  const root = validator.escape(args.root);
   return run("gcov " + root);
 }`);
    expect(finding).toMatchObject({ side: "RIGHT", line: 2, confidence: 0.35 });
    expect(finding.message).toContain("replaces the call `sanitizeVar(args.root)`");
    expect(finding.message).toContain("`escape`");
  });

  it("ignores guards that are renamed or rewritten in place", () => {
    expect(reviewSnippet(deletedGuard, "src/posts.ts", `
 export async function update(req: Req) {
-  authorize(req.user, "posts:write");
+  await authorizeUser(req.user, "posts:write");
-  if (!req.user.isAdmin) return forbidden();
+  if (!req.user.roles.includes("admin")) return forbidden();
   return save(req.body);
 }`)).toEqual([]);
  });

  it("ignores ordinary early exits and guards moved to another changed file", () => {
    expect(reviewSnippet(deletedGuard, "src/cart.ts", `
 export function total(items: Item[]) {
-  if (!items.length) return 0;
   return items.reduce((s, i) => s + i.price, 0);
 }`)).toEqual([]);
    expect(
      reviewSnippets([deletedGuard], {
        "src/routes.js": `
 app.get("/admin", (req, res) => {
-  requireAdmin(req);
   res.render("admin");
 });`,
        "src/middleware.js": `
+export const adminOnly = (req, res, next) => { requireAdmin(req); next(); };`,
      }),
    ).toEqual([]);
  });

  it("ignores test files", () => {
    expect(reviewSnippet(deletedGuard, "test/users.test.ts", `
 it("works", () => {
-  assertValid(result);
   expect(result).toBeDefined();
 });`)).toEqual([]);
  });
});
