import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { providerOf, sqlitePath } from "../../app/utils/db-url.js";
import { makePgPool } from "./pg-admin.js";

/** Names of migrations recorded as finished in `_prisma_migrations`. */
export async function appliedMigrations(url: string): Promise<Set<string>> {
  const sql = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  if (providerOf(url) === "sqlite") {
    const file = sqlitePath(url);
    if (!existsSync(file)) return new Set();
    const db = new Database(file, { readonly: true });
    try {
      const has = db.prepare("SELECT 1 FROM sqlite_master WHERE name='_prisma_migrations'").get();
      return new Set(has ? (db.prepare(sql).all() as Array<{ migration_name: string }>).map((r) => r.migration_name) : []);
    } finally {
      db.close();
    }
  }
  const pool = makePgPool(url);
  try {
    const r = await pool.query(`SELECT to_regclass('_prisma_migrations') AS t`);
    if (!r.rows[0].t) return new Set();
    return new Set((await pool.query(sql)).rows.map((x: { migration_name: string }) => x.migration_name));
  } finally {
    await pool.end();
  }
}
