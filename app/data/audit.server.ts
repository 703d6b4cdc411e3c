// The append-only audit log. Each row's hash covers the previous row's hash and its own
// canonical content, so an edited or deleted row breaks the chain (app/domain/audit-chain.ts
// computes the hash for writing and for `npm run audit -- verify`).
import { auditHash, GENESIS_HASH } from "~/domain/audit-chain";
import { canonicalJson } from "~/domain/canonical";
import type { Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";

/** Any constant: the one PostgreSQL advisory lock key that serialises audit appends. */
const AUDIT_CHAIN_LOCK = 7_341_001;

export interface AuditEntry {
  actorId: string | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string;
  reason?: string;
  data?: Record<string, unknown>;
}

/** Append inside the caller's transaction, so the log and the change commit together. */
export async function audit(tx: Tx, e: AuditEntry): Promise<void> {
  await auditMany(tx, [e]);
}

/**
 * Append several entries in order, with one read of the chain's end and one insert. On
 * PostgreSQL the chain's lock is held from here until the transaction ends, so a transaction
 * that changes many rows (a room's "admit all") appends its audit rows last, in one call: the
 * lock is then held for that insert and the commit, not for all the room's work, and other
 * rooms' transactions are not serialised behind it.
 */
export async function auditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  // On PostgreSQL two concurrent transactions could both read the same last row and chain to it,
  // forking the log. A transaction-level advisory lock makes appenders take turns until their
  // transaction ends (commit or rollback releases it). SQLite already lets one writer at a time.
  if (env().provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = entries.map((e) => {
    const row = {
      at,
      actorId: e.actorId,
      actorRole: e.actorRole,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      reason: e.reason ?? "",
      data: canonicalJson(e.data ?? {}),
    };
    const chained = { ...row, prevHash, hash: auditHash(prevHash, row) };
    prevHash = chained.hash;
    return chained;
  });
  // One multi-row INSERT: ids (the chain's order) are assigned in this order.
  await tx.auditLog.createMany({ data: rows });
}
