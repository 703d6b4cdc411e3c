// PostgreSQL goes away mid-exam: every connection of the app is terminated (pg_terminate_backend)
// and the database refuses new ones for a while. Two app instances share it. While it is away a
// save is refused with 503 "not saved, retry" (never a 200); when it returns, the retried save is
// acknowledged and stored, and live events cross instances again (the LISTEN connection came
// back). Runs only when PG_URL names a PostgreSQL server (it creates its own database there).
import pg from "pg";
import { Client } from "../support/app";
import { answerFor, eventually, seatAndAdmit, spawnedExam } from "../support/spawned-exam";
import { SseStream } from "../../scripts/lib/sse-client";

const PG_URL = process.env.PG_URL;
let ex: Awaited<ReturnType<typeof spawnedExam>>;
const previousDb = process.env.TEST_DB;

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(PG_URL!);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}
const dbName = () => decodeURIComponent(new URL(ex.url).pathname.slice(1));
const allowConnections = (on: boolean) => admin((c) => c.query(`ALTER DATABASE "${dbName()}" WITH ALLOW_CONNECTIONS ${on}`));

beforeAll(async () => {
  if (!PG_URL) return;
  process.env.TEST_DB = "postgresql";
  ex = await spawnedExam([4]);
});
afterAll(async () => {
  if (ex) await allowConnections(true).catch(() => {});
  await ex?.cleanup();
  process.env.TEST_DB = previousDb;
});

describe.runIf(!!PG_URL)("PostgreSQL connections dropped mid-exam (two app instances)", () => {
  it("refuses saves while the database is away, and recovers saves and cross-instance events when it returns", async () => {
    const [a, b] = [await ex.spawn(), await ex.spawn()];
    const seated = await seatAndAdmit(a.base, ex.rooms[0], ex.proctorLogin);
    const proctor = new Client(b.base);
    await proctor.login(ex.proctorLogin.username, ex.proctorLogin.password);
    const stream = await SseStream.open(`${b.base}/proctor/sessions/${ex.rooms[0].sessionId}/stream`, { headers: { Cookie: proctor.cookieHeader() } });
    const [s0, s1] = seated;
    const item = s0.items[0];
    expect((await s0.kiosk.save(item.position, answerFor(item, 0), 1)).status).toBe(200);

    // The database goes away: no new connections, and every existing one is cut.
    await allowConnections(false);
    const cut = await admin((c) => c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName()]));
    expect(cut.rowCount).toBeGreaterThan(0);
    // pg_terminate_backend only signals: wait until the backends have gone, or a save could still
    // reach one that has not exited yet (a guess at one unexplained failure of this test in a full run).
    await eventually(async () => (await admin((c) => c.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [dbName()]))).rowCount === 0, "the cut connections to close");
    try {
      const r = await s0.kiosk.save(item.position, answerFor(item, 1), 2);
      expect(r).toEqual({ status: 503, data: { ok: false, error: "服务器繁忙，答案未保存，请稍后重试", retry: true } });
      // Away for a few seconds: long enough for the instances' reconnect attempts to fail too.
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      await allowConnections(true);
    }

    // It is back: the kiosk's retry (same seq, from its outbox) is acknowledged and stored.
    const ok = await eventually(async () => {
      const r = await s0.kiosk.save(item.position, answerFor(item, 1), 2);
      return r.status === 200 && r;
    }, "a save to be acknowledged after the database returned");
    expect(ok.data).toMatchObject({ ok: true, ack: 2 });
    const row = await eventually(() => ex.db.response.findFirst({ where: { position: item.position, attempt: { registrationId: s0.c.registrationId } } }), "the stored answer");
    expect({ seq: row.seq, answer: JSON.parse(row.answer) }).toEqual({ seq: 2, answer: answerFor(item, 1) });

    // A submit on instance A reaches the proctor console on instance B (LISTEN/NOTIFY recovered).
    const from = stream.frames.length;
    const sub = await eventually(async () => {
      const r = await s1.kiosk.api("submit");
      return r.status === 200 && r;
    }, "the submit to be accepted");
    expect(sub.data.state).toBe("SUBMITTED");
    const frame = await stream.waitFor((f) => f.event === "attempt.submit", { from, timeoutMs: 20_000, what: "attempt.submit on the other instance" });
    expect(JSON.parse(frame.data)).toMatchObject({ state: "SUBMITTED" });
    stream.close();
  });
});

describe.skipIf(!!PG_URL)("PostgreSQL connections dropped mid-exam", () => {
  it.skip("skipped: PG_URL is not set (e.g. PG_URL=postgresql://postgres@127.0.0.1:5432/test)", () => {});
});
