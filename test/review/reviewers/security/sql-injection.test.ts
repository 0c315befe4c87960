import { sqlInjection } from "../../../../src/review/reviewers/security/sql-injection.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("security/sql-injection", () => {
  it("flags interpolated and concatenated SQL sent to query/execute/raw", () => {
    const findings = reviewSnippet(sqlInjection, "src/users.ts", `
 export async function find(db: Db, knex: Knex, name: string, id: string) {
+  await db.query(\`SELECT * FROM users WHERE name = '\${name}'\`);
+  await db.execute("DELETE FROM sessions WHERE user_id = " + id);
+  await knex.raw(\`UPDATE users SET last_seen = now() WHERE id = \${id}\`);
+  await sequelize.query("SELECT * FROM t ORDER BY " + req.query.sort);
 }`);
    expect(findings.map((f) => f.line)).toEqual([2, 3, 4, 5]);
    expect(findings[0]).toMatchObject({ severity: "blocking", rule: "security/sql-injection" });
    expect(findings[0].message).toContain("`name`");
    expect(findings[0].message).toContain("sql`...`");
  });

  it("follows a local string built with += and anchors on the added line", () => {
    const findings = reviewSnippet(sqlInjection, "src/search.js", `
 async function search(pool, term) {
   let sql = "SELECT id FROM posts";
+  sql += " WHERE title LIKE '%" + term + "%'";
   return pool.query(sql);
 }`);
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(3);
  });

  it("flags pg-style config objects", () => {
    const findings = reviewSnippet(sqlInjection, "a.js", `
+client.query({ text: \`SELECT * FROM t WHERE a = '\${a}'\`, values: [] });`);
    expect(findings).toHaveLength(1);
  });

  it("ignores tagged templates, bound parameters and constant fragments", () => {
    expect(reviewSnippet(sqlInjection, "src/users.ts", `
 const TABLE = "users";
+await db.query(sql\`SELECT * FROM users WHERE name = \${name}\`);
+await db.query("SELECT * FROM users WHERE id = $1", [id]);
+await db.query(\`SELECT * FROM \${TABLE} WHERE id = ?\`, [id]);
+await prisma.$queryRaw\`SELECT * FROM users WHERE id = \${id}\`;
+await db.query(\`SELECT * FROM users WHERE id IN (\${ids.map(() => "?").join(",")})\`, ids);
+await db.query(\`SELECT * FROM users WHERE id IN (\${placeholders})\`, ids);
+await db.query(\`SELECT * FROM t LIMIT \${Number(limit)}\`);
+await db.query("SELECT * FROM t WHERE a = " + mysql.escape(a));`)).toEqual([]);
  });

  it("ignores non-SQL strings and numeric-typed parameters", () => {
    expect(reviewSnippet(sqlInjection, "a.ts", `
+await graphql.query(\`{ user(id: "\${id}") { name } }\`);
+await runner.execute("build " + target);
+export const page = (db: Db, limit: number) => db.query(\`SELECT * FROM t LIMIT \${limit}\`);`)).toEqual([]);
  });

  describe("python", () => {
    it("flags f-strings, % formatting, .format and + in execute", () => {
      const findings = reviewSnippet(sqlInjection, "repo.py", `
 def find(cur, name, uid):
+    cur.execute(f"SELECT * FROM users WHERE name = '{name}'")
+    cur.execute("DELETE FROM sessions WHERE uid = %s" % uid)
+    cur.execute("UPDATE users SET name = '{}' WHERE id = 1".format(name))
+    query = "SELECT * FROM t WHERE a = '" + name + "'"
+    cur.execute(query)`);
      expect(findings.map((f) => f.line)).toEqual([2, 3, 4, 6]);
      expect(findings[0].message).toContain("%s");
    });

    it("ignores bound parameters and constant queries", () => {
      expect(reviewSnippet(sqlInjection, "repo.py", `
 def find(cur, name, ids):
+    cur.execute("SELECT * FROM users WHERE name = %s", (name,))
+    cur.execute("SELECT * FROM users WHERE id IN (%s)" % ",".join("?" * len(ids)), ids)
+    cur.execute(f"SELECT * FROM users LIMIT {int(limit)}")
+    cur.execute("SELECT 1")`)).toEqual([]);
    });
  });
});
