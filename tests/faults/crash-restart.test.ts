// kill -9 of the server in the middle of saves and submits (DESIGN.md §7). After a restart on the
// same database: every save the server acknowledged is there, every acknowledged submit stands,
// deadlines are unchanged, and attempts whose deadline passed while the server was down are
// submitted by the deadline job, which runs when the server starts.
import { deadlineOf } from "~/domain/attempt";
import { answerFor, eventually, seatAndAdmit, spawnedExam, type Seated } from "../support/spawned-exam";

let ex: Awaited<ReturnType<typeof spawnedExam>>;
beforeAll(async () => {
  ex = await spawnedExam([24]);
});
afterAll(() => ex?.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

it("every acknowledged answer survives, deadlines hold, and overdue attempts are auto-submitted at restart", async () => {
  let app = await ex.spawn();
  const seated = await seatAndAdmit(app.base, ex.rooms[0], ex.proctorLogin);
  const attempts = await ex.db.attempt.findMany({ where: { registrationId: { in: seated.map((s) => s.c.registrationId) } } });
  const attemptOf = (s: Seated) => attempts.find((a) => a.registrationId === s.c.registrationId)!;

  // Six candidates sit a shortened exam that ends 25 s from now: their deadline will pass while
  // the server is down. (The session's shortest duration is 10 minutes; shortening it in the
  // database is how this test gets a deadline inside a short outage.)
  const shortEnd = Date.now() + 25_000;
  const overdue = seated.slice(0, 6);
  for (const s of overdue) {
    const a = attemptOf(s);
    const durationSec = Math.ceil((shortEnd - a.startedAt!.getTime()) / 1000);
    await ex.db.attempt.update({ where: { id: a.id }, data: { durationSec, deadlineAt: deadlineOf({ ...a, durationSec }) } });
  }
  const deadlinesBefore = new Map((await ex.db.attempt.findMany({ where: { id: { in: attempts.map((a) => a.id) } } })).map((a) => [a.id, a.deadlineAt!.getTime()]));

  // The storm: everyone saves as fast as the server answers; ten candidates submit along the way.
  const acked = new Map<string, Map<number, { seq: number; answer: unknown }>>();
  const submitted = new Set<string>();
  const submitters = new Set(seated.slice(6, 16).map((s) => s.c.registrationId));
  let acks = 0;
  let killed = false;
  const storm = seated.map(async (s, i) => {
    const mine = new Map<number, { seq: number; answer: unknown }>();
    acked.set(s.c.registrationId, mine);
    for (let n = 0, seq = 0; !killed; n++) {
      const item = s.items[n % s.items.length];
      const answer = answerFor(item, n + i);
      seq++;
      try {
        const r = await s.kiosk.save(item.position, answer, seq);
        if (r.status !== 200 || r.data.ok !== true) return;
        mine.set(item.position, { seq, answer });
        acks++;
        if (submitters.has(s.c.registrationId) && n === 4 * (i - 5)) {
          const sub = await s.kiosk.api("submit");
          if (sub.status === 200 && sub.data.state === "SUBMITTED") submitted.add(s.c.registrationId);
          return;
        }
      } catch {
        return; // the connection died with the server: this request is not acknowledged
      }
    }
  });
  await eventually(async () => acks >= 150 && submitted.size >= 3, "150 acknowledged saves and 3 submits");
  await app.kill9();
  killed = true;
  await Promise.all(storm);
  expect(Date.now(), "the server died before the shortened deadline (premise of the test)").toBeLessThan(shortEnd);
  expect(submitted.size, "some submits were still to come when the server died").toBeLessThan(submitters.size);

  // The outage lasts past the shortened deadline; then a new server starts on the same database.
  await sleep(shortEnd + 1500 - Date.now());
  app = await ex.spawn(app.port);

  // The deadline job runs at start: the six overdue attempts are submitted, with what they saved.
  const ids = overdue.map((s) => attemptOf(s).id);
  const done = await eventually(async () => {
    const rows = await ex.db.attempt.findMany({ where: { id: { in: ids } } });
    return rows.every((r) => r.state === "SUBMITTED") && rows;
  }, "the overdue attempts to be auto-submitted");
  for (const r of done) {
    expect(r.submitReason).toBe("DEADLINE");
    expect(r.submittedAt!.getTime()).toBeGreaterThanOrEqual(shortEnd);
    expect(r.score).not.toBeNull();
  }

  // Every acknowledged save is stored (that seq or a newer one), with the acknowledged answer.
  let checked = 0;
  for (const s of seated) {
    const rows = await ex.db.response.findMany({ where: { attemptId: attemptOf(s).id } });
    for (const [position, want] of acked.get(s.c.registrationId)!) {
      const got = rows.find((r) => r.position === position);
      expect(got, `seat ${s.c.seat} item ${position}`).toBeDefined();
      expect(got!.seq).toBeGreaterThanOrEqual(want.seq);
      if (got!.seq === want.seq) expect(JSON.parse(got!.answer)).toEqual(want.answer);
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(150);

  // Acknowledged submits stand; every deadline is what it was before the crash.
  const after = await ex.db.attempt.findMany({ where: { id: { in: attempts.map((a) => a.id) } } });
  for (const a of after) {
    if (submitted.has(a.registrationId)) expect({ state: a.state, by: a.submitReason }).toEqual({ state: "SUBMITTED", by: "CANDIDATE" });
    expect(a.deadlineAt!.getTime()).toBe(deadlinesBefore.get(a.id));
  }

  // A kiosk that was mid-exam carries on with the new server: its answers are there, saving works.
  const survivor = seated.find((s) => !submitters.has(s.c.registrationId) && !overdue.includes(s))!;
  const state = await survivor.kiosk.api("state");
  expect(state.data.state).toBe("IN_PROGRESS");
  const mine = acked.get(survivor.c.registrationId)!;
  const shown = new Map((state.data.responses as Array<{ position: number; seq: number }>).map((r) => [r.position, r.seq]));
  for (const [position, want] of mine) expect(shown.get(position)).toBeGreaterThanOrEqual(want.seq);
  const next = Math.max(Number(state.data.lastSeq), ...[...mine.values()].map((v) => v.seq)) + 1;
  const r = await survivor.kiosk.save(survivor.items[0].position, answerFor(survivor.items[0], 99), next);
  expect(r).toMatchObject({ status: 200, data: { ok: true, ack: next } });
});
