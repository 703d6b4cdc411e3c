// One database, two app instances (separate processes): events cross instances through
// PostgreSQL LISTEN/NOTIFY. A kiosk served by instance A reaches a proctor's stream held on
// instance B; a proctor action on B reaches the kiosk's stream on A; a reconnecting stream
// catches up from its Last-Event-ID on either instance. Needs PG_URL (skipped without it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { dropExamDatabase } from "../../scripts/lib/exam-fixture";
import { spawnApp, type AppProcess } from "../../scripts/lib/server-process";
import { SseStream, type SseFrame } from "../../scripts/lib/sse-client";
import { Client } from "../support/app";
import { freshDatabase } from "../support/db";
import { Kiosk, prepareSession, proctorAct, type Candidate } from "../support/exam-setup";
import type { RoomState } from "~/data/room.server";
import type { Db } from "~/utils/db.server";

const PG_URL = process.env.PG_URL;
const suite = PG_URL ? describe : describe.skip;
if (!PG_URL) console.warn("[multi-instance] skipped: set PG_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run the two-instance test");

const data = (f: SseFrame) => JSON.parse(f.data) as Record<string, unknown>;
const WAIT = { timeoutMs: 15_000 };

suite(PG_URL ? "two app instances on one PostgreSQL database" : "two app instances on one PostgreSQL database (skipped: PG_URL is not set)", () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let db: Db;
  let A: AppProcess;
  let B: AppProcess;
  let dataDir: string;
  let ses: Awaited<ReturnType<typeof prepareSession>>;
  let proctorB: Client;
  const streams: SseStream[] = [];
  const prevTestDb = process.env.TEST_DB;

  /** The session's newest event id: a stream opened from here misses nothing that follows. */
  const latestEventId = async () => String((await db.examEvent.findFirst({ where: { sessionId: ses.sessionId }, orderBy: { id: "desc" } }))?.id ?? 0);
  const open = async (url: string, cookie: string, lastEventId?: string) => {
    const s = await SseStream.open(url, { headers: { Cookie: cookie, ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}) } });
    streams.push(s);
    return s;
  };
  const nameOf = (app: AppProcess) => (app === A ? "instance A" : "instance B");
  const proctorStream = (app: AppProcess, lastEventId: string) => open(`${app.base}/proctor/sessions/${ses.sessionId}/stream`, proctorB.cookieHeader(), lastEventId);
  const attemptIdOf = async (c: Candidate) => (await db.attempt.findUniqueOrThrow({ where: { registrationId: c.registrationId } })).id;

  beforeAll(async () => {
    process.env.TEST_DB = "postgresql"; // tests/support/db.ts: a fresh PostgreSQL database on PG_URL's server
    fresh = await freshDatabase();
    db = fresh.db;
    const { seedDemo } = await import("../../prisma/seed");
    await seedDemo(db);
    dataDir = mkdtempSync(join(tmpdir(), "ankao-multi-"));
    // Same database, secret and data folder; NODE_ENV=test so staff logins may use fast argon2.
    const env = { DATABASE_URL: fresh.url, DATA_DIR: dataDir, ANKAO_SECRET: process.env.ANKAO_SECRET!, NODE_ENV: "test", ARGON2_FAST: "1" };
    [A, B] = await Promise.all([spawnApp(env), spawnApp(env)]);
    // The examiner sets the exam up through instance A.
    ses = await prepareSession({ base: A.base, db, stop: async () => {} }, { threshold: 20 });
    proctorB = new Client(B.base);
    await proctorB.login("proctor.tieli");
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await Promise.all([A?.stop(), B?.stop()]);
    await fresh?.cleanup();
    // tests/support/db.ts drops the database but not the shadow one the migration engine made.
    if (fresh) await dropExamDatabase(`${fresh.url}_shadow`);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (prevTestDb === undefined) delete process.env.TEST_DB;
    else process.env.TEST_DB = prevTestDb;
  });

  it("runs two separate server processes on one PostgreSQL database", async () => {
    expect(fresh.url).toMatch(/^postgres/);
    expect(A.pid).not.toBe(B.pid);
    expect(A.base).not.toBe(B.base);
    for (const app of [A, B]) expect((await fetch(`${app.base}/login`)).status).toBe(200);
  });

  let kiosk: Kiosk;
  let watch: SseStream;

  it("a kiosk's sign-in, save and integrity event handled by A reach the proctor's stream on B", async () => {
    const c = ses.candidates[0];
    watch = await proctorStream(B, await latestEventId());
    await watch.waitFor((f) => f.event === "snapshot", { ...WAIT, what: "first snapshot" });

    kiosk = new Kiosk(A.base);
    expect((await kiosk.signIn(c)).status).toBe(302);
    const attemptId = await attemptIdOf(c);
    const arrive = await watch.waitFor((f) => f.event === "attempt.arrive" && data(f).attemptId === attemptId, { ...WAIT, what: "attempt.arrive" });
    expect(data(arrive).seat).toBe(c.seat);

    // The proctor on B admits; the kiosk on A is in.
    expect((await proctorAct(proctorB, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" })).data).toMatchObject({ ok: true });
    expect((await kiosk.api("state")).data.state).toBe("IN_PROGRESS");

    // A save on A, then an integrity event on A: the event arrives on B live (the stream on B is
    // subscribed by now, so only a NOTIFY can wake it), and the room frame after it shows the save.
    const item = ((await kiosk.api("paper")).data.items as Array<{ position: number; section: string; options: Array<{ key: string }> }>).find((i) => i.section === "single")!;
    expect((await kiosk.save(item.position, item.options[0].key, 1)).data).toMatchObject({ ok: true, ack: 1 });
    const detail = `left full screen ${randomUUID()}`;
    expect((await kiosk.api("event", { kind: "FULLSCREEN_EXIT", detail })).data).toMatchObject({ ok: true, count: 1 });
    const integrity = await watch.waitFor((f) => f.event === "integrity" && data(f).detail === detail, { ...WAIT, what: "integrity" });
    expect(data(integrity)).toMatchObject({ kind: "FULLSCREEN_EXIT", count: 1, attemptId });
    // The room frame sent after that burst: the save came before the event, so it shows both.
    const tileOf = (f: SseFrame) => (JSON.parse(f.data) as RoomState).tiles.find((t) => t.registrationId === c.registrationId)!;
    const after = await watch.waitFor((f) => f.event === "snapshot" && tileOf(f).integrityCount === 1, { from: watch.frames.indexOf(integrity), ...WAIT, what: "room snapshot with the integrity event" });
    expect(tileOf(after)).toMatchObject({ state: "IN_PROGRESS", answered: 1, integrityCount: 1, online: true, latestIntegrity: { kind: "FULLSCREEN_EXIT" } });
  });

  it("a proctor's pause on B reaches the kiosk's stream on A, and the kiosk on A shows PAUSED; resume comes back live", async () => {
    const c = ses.candidates[0];
    const attemptId = await attemptIdOf(c);
    const events = await open(`${A.base}/kiosk/events`, kiosk.cookieHeader(), await latestEventId());

    expect((await proctorAct(proctorB, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "pause", reason: "考场停电，暂停考试" })).data).toMatchObject({ ok: true, state: "PAUSED" });
    const paused = await events.waitFor((f) => f.event === "attempt.pause", { ...WAIT, what: "attempt.pause on the kiosk stream" });
    expect(data(paused)).toMatchObject({ state: "PAUSED", attemptId, by: "PROCTOR" });
    const state = await kiosk.api("state");
    expect(state.data.state).toBe("PAUSED");
    // The clock stands still while paused.
    const left = Number(state.data.remainingMs);
    expect(Number((await kiosk.api("state")).data.remainingMs)).toBe(left);

    // The kiosk stream on A is subscribed now, so this frame can only come through NOTIFY from B.
    expect((await proctorAct(proctorB, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "resume" })).data).toMatchObject({ ok: true, state: "IN_PROGRESS" });
    await events.waitFor((f) => f.event === "attempt.resume" && data(f).state === "IN_PROGRESS", { ...WAIT, what: "attempt.resume on the kiosk stream" });
    expect((await kiosk.api("state")).data.state).toBe("IN_PROGRESS");
    // The kiosk hears only its own attempt's state changes: no integrity details, nobody else's events.
    expect(events.frames.every((f) => f.event.startsWith("attempt.") && data(f).attemptId === attemptId)).toBe(true);
  });

  it("a proctor stream that reconnects with Last-Event-ID catches up what it missed, on either instance", async () => {
    await watch.waitFor((f) => f.event === "attempt.resume", { ...WAIT, what: "attempt.resume on the proctor stream" });
    const seen = watch.lastEventId!;
    watch.close();
    await watch.ended;

    // While the console is away: two integrity events on A, a second candidate arrives on A,
    // the proctor (from another tab, on B) admits them.
    const details = [`missed one ${randomUUID()}`, `missed two ${randomUUID()}`];
    for (const detail of details) expect((await kiosk.api("event", { kind: "BLUR", detail })).status).toBe(200);
    const second = new Kiosk(A.base);
    const c2 = ses.candidates[1];
    expect((await second.signIn(c2)).status).toBe(302);
    expect((await proctorAct(proctorB, ses.sessionId, { op: "candidate", registrationId: c2.registrationId, action: "admit" })).data.ok).toBe(true);
    const missed = await db.examEvent.findMany({ where: { sessionId: ses.sessionId, id: { gt: Number(seen) } }, orderBy: { id: "asc" } });
    expect(missed.map((e) => e.kind)).toEqual(["integrity", "integrity", "attempt.arrive", "attempt.admit"]);

    for (const app of [B, A]) {
      const back = await proctorStream(app, seen);
      const last = String(missed[missed.length - 1].id);
      await back.waitFor((f) => f.id === last, { ...WAIT, what: `catch-up to event ${last} on ${nameOf(app)}` });
      const caught = back.frames.filter((f) => f.id !== null);
      expect(caught.map((f) => f.id)).toEqual(missed.map((e) => String(e.id)));
      expect(caught.filter((f) => f.event === "integrity").map((f) => data(f).detail)).toEqual(details);
      expect(data(caught[2])).toMatchObject({ attemptId: await attemptIdOf(c2), seat: c2.seat });
      back.close();
    }
  });
});
