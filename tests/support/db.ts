// A fresh, migrated database for one test file: SQLite in a temp folder, or (TEST_DB=postgresql)
// a throwaway PostgreSQL database on PG_URL's server. Sets DATABASE_URL before the app's db
// module is first imported, so the app under test uses it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openEngine, applyAll } from "../../scripts/lib/schema-engine";
import { dropPgDatabase, ensurePgDatabase } from "../../scripts/lib/pg-admin";
import type { Db } from "~/utils/db.server";

export const testDbKind = (): "sqlite" | "postgresql" => (process.env.TEST_DB === "postgresql" ? "postgresql" : "sqlite");

export async function migratedUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testDbKind() === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "ankao-test-"));
    const url = `file:${join(dir, "test.db")}`;
    const h = await openEngine(url);
    try {
      await applyAll(h);
    } finally {
      await h.close();
    }
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.PG_URL;
  if (!base) throw new Error("TEST_DB=postgresql needs PG_URL");
  const name = `ankao_t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const u = new URL(base);
  u.pathname = "/" + name;
  const url = u.toString();
  await ensurePgDatabase(url);
  const h = await openEngine(url);
  try {
    await applyAll(h);
  } finally {
    await h.close();
  }
  return {
    url,
    drop: () => dropPgDatabase(url),
  };
}

export async function freshDatabase(): Promise<{ url: string; db: Db; cleanup(): Promise<void> }> {
  const { url, drop } = await migratedUrl();
  process.env.DATABASE_URL = url;
  const { db } = await import("~/utils/db.server");
  const client = await db();
  return {
    url,
    db: client,
    cleanup: async () => {
      await client.$disconnect();
      globalThis.__ankaoDb = undefined;
      await drop();
    },
  };
}
