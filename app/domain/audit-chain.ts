// The audit log's hash chain, shared by the writer (app/data/audit.server.ts) and the checker
// (`npm run audit -- verify`): hash = sha256(prevHash + canonical row). Verifying walks the rows
// in id order and names the first one whose link or content does not hold.
import { canonicalJson, sha256Hex } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);

/** The hashed content of a row: everything but its id and the two hashes. */
export interface AuditContent {
  at: Date;
  actorId: string | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string;
  reason: string;
  data: string;
}

export interface AuditRow extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export function auditHash(prevHash: string, row: AuditContent): string {
  const { at, actorId, actorRole, action, entity, entityId, reason, data } = row;
  return sha256Hex(prevHash + canonicalJson({ at: at.toISOString(), actorId, actorRole, action, entity, entityId, reason, data }));
}

/** Where a walk stands: the last row checked (null before the first). */
export interface ChainHead {
  id: number | null;
  hash: string;
  count: number;
}
export const START: ChainHead = { id: null, hash: GENESIS_HASH, count: 0 };

export type ChainBreak = { id: number; kind: "edited" | "unlinked"; reason: string };
export type ChainResult = { ok: true; head: ChainHead } | { ok: false; head: ChainHead; broken: ChainBreak };

/**
 * Check `rows` (ascending id) as the continuation of `from`; page through a long log by passing
 * each result's head to the next call. An edited row fails its own hash; a deleted or reordered
 * row leaves the next row pointing at a hash that is not its predecessor's.
 */
export function verifyChain(rows: readonly AuditRow[], from: ChainHead = START): ChainResult {
  let head = from;
  for (const r of rows) {
    if (head.id !== null && r.id <= head.id)
      return { ok: false, head, broken: { id: r.id, kind: "unlinked", reason: `rows out of order: id ${r.id} follows id ${head.id}` } };
    if (r.prevHash !== head.hash)
      return {
        ok: false,
        head,
        broken: {
          id: r.id,
          kind: "unlinked",
          reason:
            head.id === null
              ? `prevHash ${short(r.prevHash)} is not the start of the chain (${short(GENESIS_HASH)}): earlier rows were deleted`
              : `prevHash ${short(r.prevHash)} ≠ hash ${short(head.hash)} of row ${head.id}: a row between them was deleted, inserted or reordered`,
        },
      };
    const computed = auditHash(r.prevHash, r);
    if (computed !== r.hash)
      return { ok: false, head, broken: { id: r.id, kind: "edited", reason: `content does not match its hash (stored ${short(r.hash)}, computed ${short(computed)}): the row was edited` } };
    head = { id: r.id, hash: r.hash, count: head.count + 1 };
  }
  return { ok: true, head };
}

const short = (h: string) => `${h.slice(0, 12)}…`;
