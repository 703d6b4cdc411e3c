// A kiosk loses the network for 5 minutes. It keeps answering; its outbox (the kiosk's own
// SaveQueue, app/components/kiosk/save-queue.ts) holds the newest change per item, and when the
// network returns it sends them oldest first. The answers must arrive in order, and a stale save
// that turns up late (a request stuck before the outage, or a retry of one already stored) must
// never overwrite a newer answer.
import { SaveQueue, type PendingSave } from "~/components/kiosk/save-queue";
import type { KioskItem } from "~/domain/delivery";
import { roomState } from "~/data/room.server";
import { Client, startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession, proctorAct } from "../support/exam-setup";
import { answerFor } from "../support/spawned-exam";

let app: TestApp;
let ses: Awaited<ReturnType<typeof prepareSession>>;
beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app);
});
afterAll(() => app?.stop());

it("queued answers arrive in order after a 5-minute outage; stale saves never overwrite newer ones", async () => {
  const c = ses.candidates[0];
  const kiosk = new Kiosk(app.base);
  expect((await kiosk.signIn(c)).status).toBe(302);
  const proctor = new Client(app.base);
  await proctor.login("proctor.tieli");
  expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" })).data.ok).toBe(true);
  const items = (await kiosk.api("paper")).data.items as KioskItem[];
  const outbox = new SaveQueue(`ankao:outbox:test-${c.registrationId}`);
  let seq = 0;
  const change = (item: KioskItem, n: number) => {
    outbox.put({ position: item.position, answer: answerFor(item, n), flagged: n % 7 === 0, seq: ++seq });
    return item.position;
  };
  const sent: PendingSave[] = [];
  /** The kiosk's flush: oldest first, one at a time, dropped from the outbox when acknowledged. */
  const flush = async () => {
    for (let p = outbox.next(); p; p = outbox.next()) {
      const r = await kiosk.save(p.position, p.answer, p.seq, p.flagged);
      expect(r.status).toBe(200);
      sent.push(p);
      outbox.ack(p.position, Number(r.data.ack));
    }
  };

  // Online: the first ten items are answered and acknowledged.
  for (const [n, item] of items.slice(0, 10).entries()) change(item, n);
  await flush();
  const beforeOutage = sent.length;
  const attemptId = (await app.db.attempt.findFirstOrThrow({ where: { registrationId: c.registrationId } })).id;

  // The network goes. The last save sent before it went never got its answer (the request may or
  // may not have arrived): the kiosk keeps it queued.
  change(items[3], 100);
  const inFlight = outbox.next()!;
  // Five minutes without the network: the server hears nothing (shown as the time since the
  // kiosk was last seen), and the candidate keeps working: 30 more items, some changed twice.
  await app.db.attempt.update({ where: { id: attemptId }, data: { lastSeenAt: new Date(Date.now() - 5 * 60_000) } });
  expect((await roomState(ses.sessionId)).tiles.find((t) => t.registrationId === c.registrationId)).toMatchObject({ online: false, state: "IN_PROGRESS" });
  const touched = new Set([items[3].position]);
  for (const [n, item] of items.slice(10, 40).entries()) touched.add(change(item, n));
  for (const [n, item] of items.slice(5, 25).entries()) if (n % 3 === 0) touched.add(change(item, n + 50));
  expect(outbox.size).toBe(touched.size); // one entry per item: its newest change
  const newest = new Map(outbox.all().map((p) => [p.position, p]));

  // The network returns: the outbox drains, oldest first.
  await flush();
  const after = sent.slice(beforeOutage).map((p) => p.seq);
  expect(after).toEqual([...after].sort((x, y) => x - y));
  expect(outbox.size).toBe(0);
  expect((await roomState(ses.sessionId)).tiles.find((t) => t.registrationId === c.registrationId)?.online).toBe(true);

  // Late arrivals: the request stuck before the outage, and a retry of an answer already stored.
  // Both are acknowledged (so the kiosk stops resending them) but change nothing.
  const late = await kiosk.save(inFlight.position, answerFor(items[3], 0), 4); // older than what the server holds
  expect(late).toMatchObject({ status: 200, data: { ok: true, stale: true } });
  const first = sent[0];
  expect((await kiosk.save(first.position, answerFor(items[0], 999), first.seq)).data).toMatchObject({ ok: true, stale: true });

  // The server holds exactly the newest answer of every item, and the highest seq it was sent.
  const rows = new Map((await app.db.response.findMany({ where: { attemptId } })).map((r) => [r.position, r]));
  for (const [position, p] of newest) expect({ seq: rows.get(position)?.seq, answer: JSON.parse(rows.get(position)!.answer), flagged: rows.get(position)?.flagged }).toEqual({ seq: p.seq, answer: p.answer, flagged: p.flagged });
  for (const p of sent.slice(0, beforeOutage)) if (!newest.has(p.position)) expect(rows.get(p.position)?.seq).toBe(p.seq);
  expect(rows.size).toBe(40);
  expect((await app.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).lastSeq).toBe(seq);
});
