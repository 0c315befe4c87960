import type { Request, Response } from "express";
import { exec } from "node:child_process";
import { db, saveAudit } from "./db.js";

export async function getOrder(req: Request, res: Response) {
  const result = await db.query(`SELECT * FROM orders WHERE id = ${req.params.id}`);
  res.json(result.rows[0] ?? null);
}

export async function cancelOrder(req: Request, res: Response) {
  const user = req.user;
  await db.query("UPDATE orders SET status = 'cancelled' WHERE id = $1", [req.params.id]);
  saveAudit("cancel", user.id);
  res.status(204).end();
}

export async function exportOrders(req: Request, res: Response) {
  const name = req.query.name;
  exec(`tar -czf /tmp/${name}.tgz /var/shop/orders`, (err) => {
    if (err) res.status(500).end();
    else res.download(`/tmp/${name}.tgz`);
  });
}

export async function notifyCustomers(ids: string[]) {
  ids.forEach(async (id) => {
    await saveAudit("notify", id);
  });
}
