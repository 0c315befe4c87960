import { Pool } from "pg";

export const db = new Pool({ connectionString: process.env.DATABASE_URL });

export async function saveAudit(event: string, userId: string): Promise<void> {
  await db.query("INSERT INTO audit (event, user_id) VALUES ($1, $2)", [event, userId]);
}
