// The county proctor's console over HTTP: scope (never another county's room), what each action
// does, the live stream, incidents, closing the room and its record.
import { Client, startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession, proctorAct } from "../support/exam-setup";

let app: TestApp;
let ses: Awaited<ReturnType<typeof prepareSession>>;
let proctor: Client;

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app, { className: "2025年矿山安全生产分管负责人工伤预防培训班" });
  proctor = new Client(app.base);
  await proctor.login("proctor.tieli");
});
afterAll(() => app?.stop());

describe("scope", () => {
  for (const who of ["proctor.jiayin", "examiner", "provider.xingan", "auditor", "admin"]) {
    it(`${who} gets 403 on the console, its stream, its actions and its record`, async () => {
      const c = new Client(app.base);
      await c.login(who);
      for (const path of [`/proctor/sessions/${ses.sessionId}`, `/proctor/sessions/${ses.sessionId}/stream`, `/proctor/sessions/${ses.sessionId}/record`]) expect((await c.get(path)).status, path).toBe(403);
      const act = await c.post(`/proctor/sessions/${ses.sessionId}/act`, { op: "candidate", registrationId: ses.candidates[0].registrationId, action: "absent", reason: "x" });
      expect(act.status).toBe(403);
      expect((await app.db.registration.findUniqueOrThrow({ where: { id: ses.candidates[0].registrationId } })).absent).toBe(false);
    });
  }
  it("a trainee's kiosk gets 403 on the console stream and actions", async () => {
    const k = new Kiosk(app.base);
    await k.signIn(ses.candidates[0]);
    expect((await k.request(`/proctor/sessions/${ses.sessionId}/stream`, { headers: { Accept: "text/event-stream" } })).status).toBe(403);
    expect((await k.post(`/proctor/sessions/${ses.sessionId}/act`, { op: "room", action: "admit" })).status).toBe(403);
  });
  it("the proctor's own county sees only its assigned sessions", async () => {
    const other = new Client(app.base);
    await other.login("proctor.jiayin");
    expect(await (await other.get("/proctor")).text()).not.toContain(ses.sessionId);
    expect(await (await proctor.get("/proctor")).text()).toContain(ses.sessionId);
  });
});

describe("the live stream", () => {
  it("opens with a room frame holding paper code and hash but no content, then streams events", async () => {
    const res = await proctor.request(`/proctor/sessions/${ses.sessionId}/stream`, { headers: { Accept: "text/event-stream" } });
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      const deadline = Date.now() + 10_000;
      while (!text.includes(needle) && Date.now() < deadline) text += dec.decode((await reader.read()).value);
      return text.includes(needle);
    };
    expect(await readUntil("event: snapshot")).toBe(true);
    const paper = await app.db.paper.findUniqueOrThrow({ where: { id: ses.paperId }, include: { items: { include: { questionVersion: true } } } });
    expect(text).toContain(paper.hash);
    expect(text).not.toContain(paper.items[0].questionVersion.stem);
    const k = new Kiosk(app.base);
    await k.signIn(ses.candidates[1]);
    expect(await readUntil("event: attempt.arrive")).toBe(true);
    await reader.cancel();
  });
});

describe("actions", () => {
  it("admit all, pause all with a reason, resume all, with audit rows carrying who, why and progress", async () => {
    const k = new Kiosk(app.base);
    await k.signIn(ses.candidates[2]);
    const k2 = new Kiosk(app.base);
    await k2.signIn(ses.candidates[4]);
    const waiting = await app.db.attempt.count({ where: { state: "AWAITING", registration: { sessionId: ses.sessionId } } });
    expect(waiting).toBeGreaterThanOrEqual(2);
    // The whole room in one action (one transaction): each waiting candidate admitted, with its own audit row.
    expect((await proctorAct(proctor, ses.sessionId, { op: "room", action: "admit" })).data).toEqual({ ok: true, done: waiting });
    expect((await k.api("state")).data.state).toBe("IN_PROGRESS");
    expect((await k2.api("state")).data.state).toBe("IN_PROGRESS");
    expect(await app.db.auditLog.count({ where: { action: "attempt.admit" } })).toBeGreaterThanOrEqual(waiting);
    expect((await proctorAct(proctor, ses.sessionId, { op: "room", action: "pause", reason: "" })).data.ok).toBe(false);
    expect((await proctorAct(proctor, ses.sessionId, { op: "room", action: "pause", reason: "考场停电" })).data).toMatchObject({ ok: true });
    expect((await k.api("state")).data.state).toBe("PAUSED");
    await proctorAct(proctor, ses.sessionId, { op: "room", action: "resume" });
    expect((await k.api("state")).data.state).toBe("IN_PROGRESS");
    const rows = await app.db.auditLog.findMany({ where: { action: "attempt.pause" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].reason).toBe("考场停电");
    expect(JSON.parse(rows[0].data)).toMatchObject({ from: "IN_PROGRESS", to: "PAUSED", answered: 0 });
  });

  it("marks an absent candidate, who then cannot sign in", async () => {
    const c = ses.candidates[3];
    expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "absent", reason: "未到场" })).data.ok).toBe(true);
    const r = await new Kiosk(app.base).signIn(c);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain("缺考");
  });

  it("terminates for misconduct with an evidence note", async () => {
    const c = ses.candidates[2];
    expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "terminate", reason: "" })).status).toBe(400);
    expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "terminate", reason: "夹带纸条，已拍照留存" })).data.ok).toBe(true);
    expect((await app.db.attempt.findFirstOrThrow({ where: { registrationId: c.registrationId } })).state).toBe("TERMINATED");
  });

  it("records incidents, refuses to close while candidates are still sitting, then closes and prints the record", async () => {
    expect((await proctorAct(proctor, ses.sessionId, { op: "incident", category: "TECHNICAL", note: "3 号考试机黑屏，已更换", registrationId: ses.candidates[1].registrationId })).data.ok).toBe(true);
    expect((await proctorAct(proctor, ses.sessionId, { op: "incident", category: "NOPE", note: "x" })).status).toBe(400);
    const refused = await proctorAct(proctor, ses.sessionId, { op: "close" });
    expect(refused.status).toBe(409);
    expect(refused.data.error).toMatch(/未交卷/);
    // Collect everyone still sitting; mark the one who never came absent.
    for (const c of ses.candidates) {
      const a = await app.db.attempt.findFirst({ where: { registrationId: c.registrationId } });
      if (a && ["IN_PROGRESS", "PAUSED", "LOCKED"].includes(a.state)) await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "submit", reason: "考试结束收卷" });
      if (!a && !(await app.db.registration.findUniqueOrThrow({ where: { id: c.registrationId } })).absent)
        await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "absent", reason: "未到场" });
    }
    const closed = await proctorAct(proctor, ses.sessionId, { op: "close" });
    expect(closed.data.error ?? "closed").toBe("closed");
    const pdf = await proctor.get(`/proctor/sessions/${ses.sessionId}/record`);
    expect(pdf.status).toBe(200);
    const buf = Buffer.from(await pdf.arrayBuffer());
    expect(buf.subarray(0, 5).toString()).toBe("%PDF-");
    (await import("node:fs")).writeFileSync("test-results/room-record.pdf", buf);
  });
});
