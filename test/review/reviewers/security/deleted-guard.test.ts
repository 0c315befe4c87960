import { deletedGuard } from "../../../../src/review/reviewers/security/deleted-guard.js";
import { reviewSnippet, reviewSnippets } from "../../../helpers/snippet.js";

describe("security/deleted-guard", () => {
  it("flags a deleted permission early exit on the LEFT side at its old line", () => {
    const findings = reviewSnippet(deletedGuard, "src/users.ts", `
 export async function deleteUser(req: Request, res: Response) {
-  if (!req.user.isAdmin) {
-    return res.status(403).end();
-  }
+  // admins only (see docs)
   await db.users.delete(req.params.id);
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ side: "LEFT", line: 2, rule: "security/deleted-guard", severity: "warning", confidence: 0.5 });
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
      ["LEFT", 2, 0.6],
      ["LEFT", 8, 0.6],
    ]);
    expect(findings[0].message).toContain('`app.post(/webhook)` handler');
    expect(findings[1].message).toContain("`Posts.update`");
  });

  it("flags auth middleware dropped from a route that is kept", () => {
    const findings = reviewSnippet(deletedGuard, "src/routes.ts", `
-router.delete("/users/:id", requireAuth, removeUser);
+router.delete("/users/:id", removeUser);`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ side: "LEFT", line: 1 });
  });

  it("flags Python raise guards and login_required decorators", () => {
    const findings = reviewSnippet(deletedGuard, "app/views.py", `
-@login_required
 def delete_user(request, user_id):
-    if not request.user.has_perm("users.delete"):
-        raise PermissionDenied()
     User.objects.filter(id=user_id).delete()`);
    expect(findings.map((f) => f.line).sort()).toEqual([1, 3]);
    expect(findings.every((f) => f.side === "LEFT")).toBe(true);
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
    expect(findings[0]).toMatchObject({ side: "LEFT", line: 3 });
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
    expect(finding).toMatchObject({ side: "LEFT", line: 2, confidence: 0.35 });
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
