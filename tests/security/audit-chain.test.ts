// `npm run audit -- verify` on a real database: intact after many concurrent audited actions
// (on PostgreSQL that is the advisory lock at work), and it names the first bad row after a row's
// data is edited or a middle row deleted. A recorded head hash catches rows cut from the end.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Client, startApp, type TestApp } from "../support/app";

const run = promisify(execFile);
const verify = (...args: string[]) =>
  run("node_modules/.bin/tsx", ["scripts/audit.ts", "verify", ...args], { env: process.env }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startApp();
  admin = new Client(app.base);
  await admin.login("admin");
});
afterAll(() => app?.stop());

describe("audit verify", () => {
  it("passes a log written by many concurrent actions", async () => {
    const users = await app.db.user.findMany({ where: { role: { not: "ADMIN" } } });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => admin.post("/admin/users", { intent: "revoke", userId: users[i % users.length].id })));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const rows = await app.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(30);
    // No fork: every row's prevHash is its predecessor's hash, so no two rows share a prevHash.
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    const r = await verify();
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`audit log intact: ${rows.length} rows, last row ${rows.at(-1)!.id}, head hash ${rows.at(-1)!.hash}`);
  });

  it("passes after concurrent multi-row appends (a room's action appends all its rows at once)", async () => {
    const { auditMany } = await import("~/data/audit.server");
    const entry = (k: number, i: number) => ({ actorId: null, actorRole: "PROCTOR", action: "test.batch", entity: "Attempt", entityId: `batch-${k}-${i}`, data: { k, i } });
    await Promise.all(Array.from({ length: 8 }, (_, k) => app.db.$transaction((tx) => auditMany(tx, Array.from({ length: 1 + (k % 4) * 5 }, (_, i) => entry(k, i))))));
    const rows = await app.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
    // Each batch's rows are consecutive and in the order given.
    for (let k = 0; k < 8; k++) {
      const ids = rows.flatMap((r, n) => (r.entityId.startsWith(`batch-${k}-`) ? [{ n, i: Number(r.entityId.split("-")[2]) }] : []));
      expect(ids.map((x) => x.i)).toEqual(Array.from({ length: 1 + (k % 4) * 5 }, (_, i) => i));
      expect(ids.at(-1)!.n - ids[0].n).toBe(ids.length - 1);
    }
    const r = await verify();
    expect(r.code, r.out).toBe(0);
  });

  it("a recorded head catches rows cut from the end, which the chain alone cannot", async () => {
    const head = await app.db.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect((await verify("--head", head.hash)).code).toBe(0);
    await app.db.auditLog.delete({ where: { id: head.id } });
    expect((await verify()).code).toBe(0);
    const r = await verify("--head", head.hash);
    expect(r.code).toBe(1);
    expect(r.out).toContain("is NOT in the chain");
    // Put it back as it was.
    await app.db.auditLog.create({ data: head });
    expect((await verify("--head", head.hash)).code).toBe(0);
  });

  it("names an edited row, and passes again once it is put back", async () => {
    const rows = await app.db.auditLog.findMany({ orderBy: { id: "asc" } });
    const victim = rows[Math.floor(rows.length / 2)];
    await app.db.auditLog.update({ where: { id: victim.id }, data: { data: JSON.stringify({ sessions: 0, tampered: true }) } });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`audit log BROKEN at row ${victim.id}: content does not match its hash`);
    await app.db.auditLog.update({ where: { id: victim.id }, data: { data: victim.data } });
    expect((await verify()).code).toBe(0);
  });

  it("names the row after a deleted one", async () => {
    const rows = await app.db.auditLog.findMany({ orderBy: { id: "asc" } });
    const [gone, next] = [rows[5], rows[6]];
    await app.db.auditLog.delete({ where: { id: gone.id } });
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`audit log BROKEN at row ${next.id}: prevHash`);
    expect(r.out).toContain(`hash ${rows[4].hash.slice(0, 12)}… of row ${rows[4].id}: a row between them was deleted`);
  });
});
