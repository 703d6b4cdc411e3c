// `npm run backup` while the server is serving saves, then `npm run restore`: the copy is
// consistent, every answer acknowledged before the backup began is in it, the audit chain
// verifies, the keys come along (with a loud warning). Restore refuses a database a running app
// holds and a backup whose chain is broken. On PostgreSQL the commands are printed instead.
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync as mkdtemp, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { currentKeyId } from "~/utils/cert-keys.server";
import { Client, startApp, type TestApp } from "../support/app";
import { testDbKind } from "../support/db";
import { Kiosk, prepareSession, proctorAct } from "../support/exam-setup";

const made: string[] = [];
const mkdtempSync = (prefix: string) => {
  const d = mkdtemp(prefix);
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "ankao-backup-data-"));
const run = promisify(execFile);
const script = (args: string[], env: Record<string, string> = {}) =>
  run("node_modules/.bin/tsx", ["scripts/backup.ts", ...args], { env: { ...process.env, ...env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe.skipIf(testDbKind() !== "sqlite")("SQLite: online backup and restore", () => {
  let app: TestApp;
  let backupFile: string;
  type Ack = { attemptId: string; position: number; seq: number; answer: boolean };
  const acks: Ack[] = [];
  let beforeBackup = 0;
  let duringBackup = 0;

  beforeAll(async () => {
    app = await startApp();
    currentKeyId(); // a certificate signing key in DATA_DIR/keys, as a running system has (after startApp: env() is read once)
    const ses = await prepareSession(app);
    const proctor = new Client(app.base);
    await proctor.login("proctor.tieli");
    const kiosks: Array<{ k: Kiosk; attemptId: string; positions: number[] }> = [];
    for (const c of ses.candidates.slice(0, 4)) {
      const k = new Kiosk(app.base);
      expect((await k.signIn(c)).status).toBe(302);
      expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" })).data.ok).toBe(true);
      const items = (await k.api("paper")).data.items as Array<{ position: number; section: string }>;
      const attemptId = (await app.db.attempt.findFirstOrThrow({ where: { registrationId: c.registrationId } })).id;
      kiosks.push({ k, attemptId, positions: items.filter((i) => i.section === "judge").map((i) => i.position) });
    }
    // Candidates keep answering (changing their minds) for the whole backup.
    let saving = true;
    const loops = kiosks.map(async ({ k, attemptId, positions }) => {
      for (let seq = 1; saving; seq++) {
        const position = positions[seq % positions.length];
        const answer = seq % 3 !== 0;
        const r = await k.save(position, answer, seq);
        if (r.status === 200 && r.data.ok) acks.push({ attemptId, position, seq, answer });
      }
    });
    while (acks.length < 40) await new Promise((ok) => setTimeout(ok, 20));
    beforeBackup = acks.length;
    const b = await script([], { DATABASE_URL: process.env.DATABASE_URL! });
    duringBackup = acks.length - beforeBackup;
    const extra = acks.length + 20;
    while (acks.length < extra) await new Promise((ok) => setTimeout(ok, 20));
    saving = false;
    await Promise.all(loops);
    expect(b.code, b.out).toBe(0);
    backupFile = /backup written: (\S+\.db)/.exec(b.out)![1];
    console.log(`[backup] ${beforeBackup} saves acknowledged before the backup began, ${duringBackup} while it ran`);
    expect(b.out).toContain("!! SENSITIVE");
    expect(b.out).toContain("ANKAO_SECRET is set in the environment"); // the test secret is not a file
    expect(b.out).toMatch(/backup: audit log intact: \d+ rows/);
  }, 180_000);
  afterAll(() => app?.stop());

  it("writes the copy and the keys under DATA_DIR/backups", () => {
    expect(backupFile.startsWith(join(process.env.DATA_DIR!, "backups", "ankao-"))).toBe(true);
    const keys = backupFile.replace(/\.db$/, ".keys");
    expect(readdirSync(join(keys, "certs")).some((f) => f.endsWith(".pem"))).toBe(true);
  });

  it("refuses to restore over the database the running app holds", async () => {
    const r = await script(["restore", backupFile], { DATABASE_URL: process.env.DATABASE_URL! });
    expect(r.code).toBe(1);
    expect(r.out).toContain("is held by a running app");
  });

  it("restores into a fresh place: the chain verifies, the keys are copied, and every answer acknowledged before the backup is there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ankao-restore-"));
    const target = join(dir, "ankao.db");
    const r = await script(["restore", backupFile], { DATABASE_URL: `file:${target}`, DATA_DIR: join(dir, "data") });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/restored: audit log intact: \d+ rows/);
    expect(r.out).toContain("copied");
    expect(existsSync(join(dir, "data", "keys", "certs", "current"))).toBe(true);
    const restored = new Database(target, { readonly: true });
    const rows = restored.prepare(`SELECT "attemptId", "position", "answer", "seq" FROM "Response"`).all() as Array<{ attemptId: string; position: number; answer: string; seq: number }>;
    restored.close();
    const byKey = new Map(rows.map((x) => [`${x.attemptId}|${x.position}`, x]));
    const lastAcked = new Map<string, Ack>();
    for (const a of acks.slice(0, beforeBackup)) lastAcked.set(`${a.attemptId}|${a.position}`, a);
    let checked = 0;
    for (const [key, a] of lastAcked) {
      const row = byKey.get(key);
      expect(row, `acknowledged save ${key} seq ${a.seq}`).toBeDefined();
      expect(row!.seq).toBeGreaterThanOrEqual(a.seq);
      if (row!.seq === a.seq) expect(JSON.parse(row!.answer)).toBe(a.answer);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("refuses a backup whose audit chain was tampered with, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ankao-tampered-"));
    const tampered = join(dir, "ankao-tampered.db");
    copyFileSync(backupFile, tampered);
    const d = new Database(tampered);
    const victim = d.prepare(`SELECT id FROM "AuditLog" ORDER BY id LIMIT 1 OFFSET 2`).get() as { id: number };
    d.prepare(`UPDATE "AuditLog" SET "reason" = 'edited' WHERE id = ?`).run(victim.id);
    d.close();
    const target = join(dir, "restored.db");
    const r = await script(["restore", tampered], { DATABASE_URL: `file:${target}`, DATA_DIR: join(dir, "data") });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`audit log BROKEN at row ${victim.id}`);
    expect(existsSync(target)).toBe(false);
  });
});

describe("PostgreSQL: the documented commands", () => {
  it("backup prints pg_dump and pg_restore, with no password on the command line", async () => {
    const data = mkdtempSync(join(tmpdir(), "ankao-pgbackup-"));
    const r = await script([], { DATABASE_URL: "postgresql://ankao:s3cret@db.internal:5432/ankao", DATA_DIR: data });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/pg_dump --format=custom --no-owner --file="[^"]+\.dump" "postgresql:\/\/ankao@db\.internal:5432\/ankao"/);
    expect(r.out).toContain("pg_restore --clean --if-exists --no-owner --single-transaction");
    expect(r.out).toContain("npm run -s audit -- verify");
    expect(r.out).not.toContain("s3cret");
  });
});
