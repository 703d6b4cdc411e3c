// The audit chain, pure: intact passes; an edited, deleted, inserted or reordered row is found
// and named; paging through the log gives the same answer as one pass.
import { createHash } from "node:crypto";
import { auditHash, GENESIS_HASH, START, verifyChain, type AuditRow } from "~/domain/audit-chain";
import { canonicalJson } from "~/domain/canonical";

function chain(n: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = { at: new Date(Date.UTC(2025, 0, 1, 8, 0, i)), actorId: i % 3 ? `u${i % 3}` : null, actorRole: "EXAMINER", action: "paper.seal", entity: "Paper", entityId: `p${i}`, reason: i === 2 ? "复核" : "", data: canonicalJson({ n: i }) };
    const hash = auditHash(prev, content);
    rows.push({ id: i, ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("verifyChain", () => {
  it("passes an intact log and reports its head", () => {
    const rows = chain(6);
    expect(verifyChain(rows)).toEqual({ ok: true, head: { id: 6, hash: rows[5].hash, count: 6 } });
    expect(verifyChain([])).toEqual({ ok: true, head: START });
  });

  it("hashes exactly as the writer always has: sha256(prevHash ‖ canonical row) with an ISO time", () => {
    const [r] = chain(1);
    const body = canonicalJson({ at: r.at.toISOString(), actorId: r.actorId, actorRole: r.actorRole, action: r.action, entity: r.entity, entityId: r.entityId, reason: r.reason, data: r.data });
    expect(r.hash).toBe(createHash("sha256").update(GENESIS_HASH).update(body).digest("hex"));
  });

  it("names an edited row", () => {
    for (const field of ["data", "reason", "actorId", "action", "at"] as const) {
      const rows = chain(6);
      const edited = { ...rows[3], [field]: field === "at" ? new Date(0) : field === "actorId" ? "intruder" : "edited" };
      const r = verifyChain([...rows.slice(0, 3), edited, ...rows.slice(4)]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.broken).toMatchObject({ id: 4, kind: "edited" });
    }
  });

  it("an edited row whose hash was recomputed breaks the link of the next row", () => {
    const rows = chain(6);
    const forged = { ...rows[2], data: canonicalJson({ n: 999 }) };
    forged.hash = auditHash(forged.prevHash, forged);
    const r = verifyChain([...rows.slice(0, 2), forged, ...rows.slice(3)]);
    expect(r.ok ? null : r.broken).toMatchObject({ id: 4, kind: "unlinked" });
  });

  it("names the row after a deleted one, and a log whose first rows were deleted", () => {
    const rows = chain(6);
    const r = verifyChain([...rows.slice(0, 2), ...rows.slice(3)]);
    expect(r.ok ? null : r.broken).toMatchObject({ id: 4, kind: "unlinked" });
    if (!r.ok) expect(r.broken.reason).toContain("row 2");
    const head = verifyChain(rows.slice(2));
    expect(head.ok ? null : head.broken).toMatchObject({ id: 3, kind: "unlinked" });
    if (!head.ok) expect(head.broken.reason).toMatch(/earlier rows were deleted/);
  });

  it("finds reordered and inserted rows", () => {
    const rows = chain(6);
    // Two rows' contents swapped under their ids.
    const swapped = rows.map((r) => ({ ...r }));
    [swapped[2], swapped[3]] = [{ ...rows[3], id: 3 }, { ...rows[2], id: 4 }];
    expect(verifyChain(swapped).ok).toBe(false);
    // Ids out of order.
    expect(verifyChain([rows[0], rows[2], rows[1]]).ok).toBe(false);
    // A row slipped in with a well-formed hash of its own.
    const extra: AuditRow = { ...rows[1], id: 3, entityId: "inserted", prevHash: rows[1].hash, hash: "" };
    extra.hash = auditHash(extra.prevHash, extra);
    const inserted = [rows[0], rows[1], extra, ...rows.slice(2).map((r) => ({ ...r, id: r.id + 1 }))];
    const r = verifyChain(inserted);
    expect(r.ok ? null : r.broken).toMatchObject({ id: 4, kind: "unlinked" });
  });

  it("pages: verifying in chunks from each head equals one pass", () => {
    const rows = chain(10);
    let head = START;
    for (const page of [rows.slice(0, 3), rows.slice(3, 7), rows.slice(7)]) {
      const r = verifyChain(page, head);
      expect(r.ok).toBe(true);
      head = r.head;
    }
    expect(head).toEqual((verifyChain(rows) as { head: unknown }).head);
  });
});
