import { correctnessRules } from "../../../../src/review/reviewers/correctness/index.js";
import { reviewSnippet } from "../../../helpers/snippet.js";

describe("correctnessRules", () => {
  it("registers each rule once, under a correctness/ kebab-case id, with honest metadata", () => {
    const ids = correctnessRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("correctness/nan-comparison");
    for (const { meta } of correctnessRules) {
      expect(meta.id).toMatch(/^correctness\/[a-z]+(-[a-z]+)*$/);
      expect(meta.category).toBe("correctness");
      expect(meta.confidence).toBeGreaterThan(0);
      expect(meta.confidence).toBeLessThanOrEqual(1);
      expect(meta.rationale.length).toBeGreaterThan(20);
      expect(meta.languages).not.toBe("any");
    }
  });

  it("stays silent on an ordinary clean change", () => {
    const findings = reviewSnippet(correctnessRules, "src/orders.ts", `
 import { readFile } from "node:fs/promises";
+
+export async function loadOrders(path: string, limit = 10): Promise<Order[]> {
+  const text = await readFile(path, "utf8");
+  const orders: Order[] = [];
+  for (let i = 0; i < lines(text).length && i < limit; i++) {
+    const line = lines(text)[i];
+    if (!line || line.startsWith("#")) continue;
+    switch (kind(line)) {
+      case "order":
+        orders.push(parse(line));
+        break;
+      case "comment":
+      default:
+        break;
+    }
+  }
+  try {
+    await audit(orders);
+  } catch (err) {
+    log.warn({ err }, "audit failed");
+  }
+  return orders.filter((o) => o.total > 0 && o.id !== undefined);
+}`);
    expect(findings).toEqual([]);
  });

  it("stays silent on an ordinary clean Python change", () => {
    expect(
      reviewSnippet(correctnessRules, "app/orders.py", `
+def load_orders(path, limit=10, tags=None):
+    tags = tags or []
+    try:
+        with open(path) as f:
+            rows = [parse(line) for line in f if line.strip()]
+    except OSError:
+        log.warning("cannot read %s", path)
+        return []
+    if limit is None or len(rows) <= limit:
+        return rows
+    return rows[:limit]`),
    ).toEqual([]);
  });
});
