// A live exam served by real server processes (scripts/serve.ts spawned with node), for the
// fault tests: the test can kill -9 a server and start another on the same database. The
// database is fresh and migrated (tests/support/db.ts: SQLite, or PostgreSQL with TEST_DB),
// seeded with the demo data, the shipped bank and rooms of eligible candidates through the app's
// own services (scripts/lib/exam-fixture.ts). The test process keeps its own Prisma client on
// the same database to check what was stored.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KioskItem } from "~/domain/delivery";
import { spawnApp, type AppProcess } from "../../scripts/lib/server-process";
import type { FixtureCandidate, FixtureRoom } from "../../scripts/lib/exam-fixture";
import { Client } from "./app";
import { freshDatabase } from "./db";
import { Kiosk, proctorAct } from "./exam-setup";

export async function spawnedExam(rooms: number[], opts: { durationMin?: number } = {}) {
  const fresh = await freshDatabase();
  const { seedExamRooms, DEMO_PROCTOR } = await import("../../scripts/lib/exam-fixture");
  const seeded: FixtureRoom[] = await seedExamRooms(rooms, { durationMin: opts.durationMin ?? 120, threshold: 50 });
  const dataDir = mkdtempSync(join(tmpdir(), "ankao-faults-"));
  const env = { NODE_ENV: "test", ARGON2_FAST: "1", ANKAO_SECRET: process.env.ANKAO_SECRET!, DATA_DIR: dataDir, DATABASE_URL: fresh.url };
  const running = new Set<AppProcess>();
  return {
    ...fresh,
    rooms: seeded,
    proctorLogin: DEMO_PROCTOR,
    /** Start a server process (on `port` to take over a dead one's address). */
    async spawn(port?: number): Promise<AppProcess> {
      const p = await spawnApp(env, { port, timeoutMs: 90_000 });
      running.add(p);
      void p.child.once("exit", () => running.delete(p));
      return p;
    },
    async cleanup() {
      for (const p of running) await p.kill9();
      await fresh.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Seated {
  c: FixtureCandidate;
  kiosk: Kiosk;
  items: KioskItem[];
}

/** Each candidate signs in at their own kiosk; the proctor admits the room; kiosks load the paper. */
export async function seatAndAdmit(base: string, room: FixtureRoom, proctor: { username: string; password: string }): Promise<Seated[]> {
  const seated: Seated[] = [];
  for (const c of room.candidates) {
    const kiosk = new Kiosk(base);
    const r = await kiosk.signIn(c);
    if (r.status !== 302) throw new Error(`sign-in of seat ${c.seat}: ${r.status} ${await r.text()}`);
    seated.push({ c, kiosk, items: [] });
  }
  const p = new Client(base);
  await p.login(proctor.username, proctor.password);
  const admit = await proctorAct(p, room.sessionId, { op: "room", action: "admit" });
  if (admit.data.done !== room.candidates.length) throw new Error(`admit: ${JSON.stringify(admit.data)}`);
  for (const s of seated) s.items = (await s.kiosk.api("paper")).data.items as KioskItem[];
  return seated;
}

/** A valid answer for an item, varying with `n` (so successive saves differ). */
export function answerFor(item: KioskItem, n: number): boolean | string | string[] {
  if (item.section === "judge") return n % 2 === 0;
  const keys = item.options.map((o) => o.key);
  if (item.section === "single") return keys[n % keys.length];
  return [keys[n % keys.length], keys[(n + 1) % keys.length]].sort();
}

/** Re-ask `f` until it gives something truthy (a guard against hanging, not a timing assertion). */
export async function eventually<T>(f: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > until) throw new Error(`still waiting after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
