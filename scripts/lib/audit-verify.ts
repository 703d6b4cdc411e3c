// Walk the whole audit log in id order, a page at a time, through app/domain/audit-chain.ts.
// Shared by `npm run audit -- verify` and `npm run restore` (which checks what it restored).
import { START, verifyChain, type ChainResult } from "../../app/domain/audit-chain.js";
import type { Db } from "../../app/utils/db.server.js";

export async function verifyAuditLog(db: Db, pageSize = 5000): Promise<ChainResult> {
  let head = START;
  for (;;) {
    const rows = await db.auditLog.findMany({ where: head.id === null ? {} : { id: { gt: head.id } }, orderBy: { id: "asc" }, take: pageSize });
    if (!rows.length) return { ok: true, head };
    const r = verifyChain(rows, head);
    if (!r.ok) return r;
    head = r.head;
  }
}

/** One line for people: what was checked and where the chain ends (or breaks). */
export function describeChain(r: ChainResult): string {
  if (!r.ok) return `audit log BROKEN at row ${r.broken.id}: ${r.broken.reason} (${r.head.count} rows before it are intact)`;
  return r.head.id === null ? "audit log is empty" : `audit log intact: ${r.head.count} rows, last row ${r.head.id}, head hash ${r.head.hash}`;
}

/** A Prisma client on one SQLite file (a backup, or the database just restored), closed after `f`. */
export async function withSqliteFile<T>(path: string, f: (db: Db) => Promise<T>): Promise<T> {
  const { PrismaClient } = await import("../../app/generated/sqlite/client.js");
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path, timeout: 5000 }) }) as unknown as Db;
  try {
    return await f(client);
  } finally {
    await client.$disconnect();
  }
}
