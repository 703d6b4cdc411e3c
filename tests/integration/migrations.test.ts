// Offline migrations through @prisma/schema-engine-wasm: the committed migrations produce the
// schema for SQLite and PostgreSQL, and `npm run db -- check` catches drift.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { applyAll, openEngine } from "../../scripts/lib/schema-engine";

const run = promisify(execFile);
const ROOT = resolve(__dirname, "../..");
const DB_SCRIPT = join(ROOT, "scripts/db.ts");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const pgUrl = process.env.PG_URL;

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "ankao-mig-"));
  cpSync(join(ROOT, "prisma"), join(dir, "prisma"), { recursive: true });
  return dir;
}

async function check(cwd: string, env: Record<string, string> = {}) {
  try {
    const r = await run(TSX, [DB_SCRIPT, "check"], { cwd, env: { ...process.env, PG_URL: "", DATABASE_URL: "", ...env } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  }
}

describe("npm run db -- check", () => {
  it("passes on the committed migrations (SQLite)", async () => {
    const r = await check(ROOT);
    expect(r.out).toContain("sqlite: migrations match the schema");
    expect(r.code).toBe(0);
  });

  it.skipIf(!pgUrl)("passes on the committed migrations (PostgreSQL)", async () => {
    const r = await check(ROOT, { PG_URL: pgUrl! });
    expect(r.out).toContain("postgresql: migrations match the schema");
    expect(r.code).toBe(0);
  });

  it("fails when the schema has a change no migration carries", async () => {
    const dir = copyProject();
    try {
      const schema = join(dir, "prisma/schema.prisma");
      writeFileSync(schema, readFileSync(schema, "utf8").replace("model Venue {", "model Venue {\n  floor Int @default(1)"));
      const r = await check(dir, pgUrl ? { PG_URL: pgUrl } : {});
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/sqlite: DRIFT[\s\S]*ALTER TABLE "Venue" ADD COLUMN "floor"|sqlite: DRIFT[\s\S]*"floor" INTEGER/);
      if (pgUrl) expect(r.out).toMatch(/postgresql: DRIFT[\s\S]*"floor" INTEGER/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails when a committed migration was edited", async () => {
    const dir = copyProject();
    try {
      const migDir = join(dir, "prisma/migrations");
      const first = readdirSync(migDir).find((n: string) => /^\d/.test(n))!;
      const file = join(migDir, first, "migration.sql");
      writeFileSync(file, readFileSync(file, "utf8").replace(/\s*"purpose" TEXT NOT NULL,/, ""));
      const r = await check(dir);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/sqlite: DRIFT[\s\S]*"purpose" TEXT NOT NULL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("deploy", () => {
  it("applies every migration once and records it like the Prisma CLI", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ankao-deploy-"));
    const url = `file:${join(dir, "a.db")}`;
    try {
      const committed = readdirSync(join(ROOT, "prisma/migrations")).filter((n) => /^\d/.test(n)).length;
      expect(committed).toBeGreaterThanOrEqual(1);
      for (const expected of [committed, 0]) {
        const h = await openEngine(url);
        try {
          expect((await applyAll(h)).length).toBe(expected);
        } finally {
          await h.close();
        }
      }
      expect(existsSync(join(dir, "a.db"))).toBe(true);
      const db = new Database(join(dir, "a.db"));
      const rows = db.prepare("SELECT migration_name, finished_at, checksum FROM _prisma_migrations").all() as Array<{ finished_at: unknown; checksum: string }>;
      expect(rows.length).toBe(committed);
      expect(rows[0].finished_at).not.toBeNull();
      expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
      // The write lock is released: another connection can write at once.
      db.prepare("INSERT INTO County (id, code, name, kind) VALUES ('c', '000000', 'x', 'CITY')").run();
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
