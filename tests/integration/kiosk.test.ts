// The kiosk over real HTTP: sign-in, admission, autosave ordering and idempotency, no answer
// leakage, lockdown threshold, kiosk takeover, submit, release, auto-submit of an abandoned
// attempt, and void-and-regrade.
import { Client, startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession, proctorAct, type Candidate } from "../support/exam-setup";

let app: TestApp;
let ses: Awaited<ReturnType<typeof prepareSession>>;
let proctor: Client;
const kiosks: Kiosk[] = [];
const attemptOf = (c: Candidate) => app.db.attempt.findFirstOrThrow({ where: { registrationId: c.registrationId } });

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app, { threshold: 3 });
  proctor = new Client(app.base);
  await proctor.login("proctor.tieli");
  for (let i = 0; i < 4; i++) kiosks.push(new Kiosk(app.base));
});
afterAll(() => app?.stop());

describe("scheduling", () => {
  it("registers the eligible trainees and lists the others with the reason", async () => {
    // The demo class has 24 trainees; two lack practical hours.
    expect(ses.candidates.length).toBe(22);
    const page = await (await ses.examiner.get(`/examiner/sessions/${ses.sessionId}`)).text();
    expect(page).toContain("学时不符合要求：实训学时 4/24 &lt; 25%");
  });
  it("refuses a second session overlapping in time for the same trainees", async () => {
    const res = await ses.examiner.post("/examiner/sessions?index", { name: "重叠考试测试", venueId: (await app.db.venue.findFirstOrThrow({ where: { county: { name: "铁力市" } } })).id, startsAt: "2000-01-01T09:00", endsAt: "2000-01-01T12:00", durationMin: "120", proctorId: (await app.db.user.findUniqueOrThrow({ where: { username: "proctor.tieli" } })).id, paperId: ses.paperId });
    // A session in 2000 does not overlap; it is refused only because everyone is already registered for this paper's sitting.
    expect(res.status).toBe(400);
  });
});

describe("sign-in and admission", () => {
  it("refuses a wrong ticket code, then rate-limits the ID number", async () => {
    const c = ses.candidates[5];
    const k = new Kiosk(app.base);
    for (let i = 0; i < 5; i++) expect((await k.signIn({ idNumber: c.idNumber, ticket: "WRONG999" })).status).toBe(401);
    expect((await k.signIn(c)).status).toBe(429);
  });

  it("signs in, waits for admission without any paper content, then gets the paper without answers", async () => {
    const [k] = kiosks;
    const c = ses.candidates[0];
    expect((await k.signIn(c)).status).toBe(302);
    expect((await k.api("state")).data.state).toBe("AWAITING");
    expect((await k.api("paper")).status).toBe(403);
    const admit = await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" });
    expect(admit.data).toMatchObject({ ok: true });
    const state = await k.api("state");
    expect(state.data.state).toBe("IN_PROGRESS");
    expect(Number(state.data.remainingMs)).toBeGreaterThan(119 * 60_000);
    const paper = await k.api("paper");
    const items = paper.data.items as Array<Record<string, unknown>>;
    expect(items.length).toBe(90);
    // No answer key, explanation, source or right/wrong flag in anything the kiosk receives.
    const versions = await app.db.paperItem.findMany({ where: { paperId: ses.paperId }, include: { questionVersion: true } });
    const html = await (await k.get("/kiosk/exam")).text();
    for (const body of [JSON.stringify(paper.data), JSON.stringify(state.data), html]) {
      expect(body).not.toMatch(/"answer"\s*:\s*(true|false|"[A-E]"|\[)/);
      expect(body).not.toMatch(/explanation|"correct"|"source"/);
      for (const v of versions) expect(body).not.toContain(v.questionVersion.explanation);
    }
  });

  it("a second kiosk cannot take over the attempt until the proctor transfers it", async () => {
    const c = ses.candidates[0];
    const other = kiosks[3];
    const r = await other.signIn(c);
    expect(r.status).toBe(409);
    expect(await r.text()).toContain("另一台考试机");
    expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "transfer", reason: "考试机死机" })).data.ok).toBe(true);
    expect((await other.signIn(c)).status).toBe(302);
    expect((await kiosks[0].api("state")).status).toBe(401); // the old kiosk lost it
    kiosks[0] = other;
  });
});

describe("autosave", () => {
  it("acknowledges saves, ignores stale ones and repeats harmlessly", async () => {
    const k = kiosks[0];
    const paper = (await k.api("paper")).data.items as Array<{ position: number; section: string; options: Array<{ key: string }> }>;
    const single = paper.find((i) => i.section === "single")!;
    const judge = paper.find((i) => i.section === "judge")!;
    const last = Number((await k.api("state")).data.lastSeq);
    const r1 = await k.save(single.position, single.options[0].key, last + 3);
    expect(r1.data).toMatchObject({ ok: true, ack: last + 3 });
    // A late retry of an older change must not overwrite the newer answer.
    const r2 = await k.save(single.position, single.options[1].key, last + 2);
    expect(r2.data).toMatchObject({ ok: true, ack: last + 2, stale: true });
    const again = await k.save(single.position, single.options[0].key, last + 3);
    expect(again.data).toMatchObject({ ok: true, stale: true });
    await k.save(judge.position, true, last + 4, true);
    const a = await attemptOf(ses.candidates[0]);
    const rows = await app.db.response.findMany({ where: { attemptId: a.id }, orderBy: { position: "asc" } });
    expect(rows.find((x) => x.position === single.position)?.answer).toBe(JSON.stringify(single.options[0].key));
    expect(rows.find((x) => x.position === judge.position)).toMatchObject({ answer: "true", flagged: true });
    expect(a.lastSeq).toBe(last + 4);
  });

  it("refuses a save that read the attempt before a submit committed, instead of storing it after grading", async () => {
    const { candidateAttempt, saveAnswer } = await import("~/services/kiosk.server");
    const c = ses.candidates[6];
    const k = new Kiosk(app.base);
    await k.signIn(c);
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" });
    const item = ((await k.api("paper")).data.items as Array<{ position: number; section: string }>).find((i) => i.section === "judge")!;
    const row = await attemptOf(c);
    // The save has read the attempt (IN_PROGRESS) when the submit commits.
    const read = (await candidateAttempt(row.id, row.kioskId!))!;
    expect(read.state).toBe("IN_PROGRESS");
    expect((await k.api("submit")).data).toMatchObject({ ok: true, state: "SUBMITTED" });
    expect(await saveAnswer(read, { position: item.position, answer: true, seq: 1 })).toMatchObject({ ok: false });
    expect(await app.db.response.count({ where: { attemptId: row.id } })).toBe(0);
    expect((await attemptOf(c)).lastSeq).toBe(0);
  });

  it("refuses answers that are not options of the item", async () => {
    const k = kiosks[0];
    const paper = (await k.api("paper")).data.items as Array<{ position: number; section: string }>;
    const single = paper.find((i) => i.section === "single")!;
    expect((await k.save(single.position, "Z", 1000)).status).toBe(409);
    expect((await k.save(9999, "A", 1001)).status).toBe(409);
  });
});

describe("lockdown", () => {
  it("locks the attempt at the violation threshold until a proctor unlocks it", async () => {
    const k = kiosks[1];
    const c = ses.candidates[1];
    await k.signIn(c);
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" });
    for (const kind of ["FULLSCREEN_EXIT", "BLUR", "PASTE"]) expect((await k.api("event", { kind, detail: "test" })).status).toBe(200);
    expect((await k.api("state")).data.state).toBe("LOCKED");
    const item = ((await k.api("paper")).data.items as Array<{ position: number }>)[0];
    expect((await k.save(item.position, true, 1)).data).toMatchObject({ ok: false, state: "LOCKED" });
    expect((await app.db.integrityEvent.count({ where: { attemptId: (await attemptOf(c)).id } }))).toBe(3);
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "unlock" });
    expect((await k.api("state")).data.state).toBe("IN_PROGRESS");
  });
});

describe("submit, release and results", () => {
  it("submit is idempotent and the score stays hidden until the examiner releases it", async () => {
    const k = kiosks[0];
    const first = await k.api("submit");
    expect(first.data).toMatchObject({ ok: true, state: "SUBMITTED" });
    const second = await k.api("submit");
    expect(second.status).toBe(200);
    const state = await k.api("state");
    expect(state.data.state).toBe("SUBMITTED");
    expect(state.data.result).toBeNull();
    const a = await attemptOf(ses.candidates[0]);
    expect(a.score).not.toBeNull();
    expect(a.submitReason).toBe("CANDIDATE");
  });

  it("auto-submits an abandoned attempt at its deadline, with no kiosk connected", async () => {
    const c = ses.candidates[2];
    const k = kiosks[2];
    await k.signIn(c);
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" });
    const item = ((await k.api("paper")).data.items as Array<{ position: number; section: string }>).find((i) => i.section === "judge")!;
    expect((await k.save(item.position, false, 1)).data.ok).toBe(true);
    const a = await attemptOf(c);
    // Two hours pass: move the start back so the stored deadline is in the past.
    const startedAt = new Date(Date.now() - 121 * 60_000);
    await app.db.attempt.update({ where: { id: a.id }, data: { startedAt, deadlineAt: new Date(startedAt.getTime() + a.durationSec * 1000) } });
    for (let i = 0; i < 50 && (await attemptOf(c)).state !== "SUBMITTED"; i++) await new Promise((r) => setTimeout(r, 200));
    const done = await attemptOf(c);
    expect(done).toMatchObject({ state: "SUBMITTED", submitReason: "DEADLINE" });
    expect(done.score).not.toBeNull();
    expect(await app.db.response.count({ where: { attemptId: a.id } })).toBe(1);
  });

  it("the proctor's pause stops the clock and refuses saves until resumed", async () => {
    const c = ses.candidates[3];
    const kk = new Kiosk(app.base);
    await kk.signIn(c);
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" });
    expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "pause", reason: "" })).status).toBe(400);
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "pause", reason: "考生身体不适" });
    const s1 = await kk.api("state");
    await new Promise((r) => setTimeout(r, 1100));
    const s2 = await kk.api("state");
    expect(s1.data.state).toBe("PAUSED");
    expect(s2.data.remainingMs).toBe(s1.data.remainingMs);
    const item = ((await kk.api("paper")).data.items as Array<{ position: number }>)[0];
    expect((await kk.save(item.position, true, 1)).data).toMatchObject({ ok: false, state: "PAUSED" });
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "resume" });
    await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "extend", minutes: "10", reason: "考试机故障补时" });
    const s3 = await kk.api("state");
    expect(s3.data.state).toBe("IN_PROGRESS");
    expect(Number(s3.data.remainingMs)).toBeGreaterThan(Number(s1.data.remainingMs) + 9 * 60_000);
    const log = await app.db.auditLog.findMany({ where: { entityId: (await attemptOf(c)).id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["attempt.admit", "attempt.pause", "attempt.resume", "attempt.extend"]);
    expect(log[1].reason).toBe("考生身体不适");
    expect(JSON.parse(log[3].data)).toMatchObject({ seconds: 600 });
  });

  it("release shows the score on the kiosk; voiding an item regrades everyone and lists pass/fail changes", async () => {
    // Close out the remaining candidates so results can be released.
    for (const c of ses.candidates.slice(1, 4)) await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "submit", reason: "测试收卷" });
    expect((await ses.examiner.post(`/examiner/sessions/${ses.sessionId}`, { intent: "release" })).status).toBe(200);
    const result = (await kiosks[0].api("state")).data.result as { score: number; passed: boolean };
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.passed).toBe(false); // two answers out of 90
    const before = await attemptOf(ses.candidates[0]);
    const res = await ses.examiner.post(`/examiner/sessions/${ses.sessionId}`, { intent: "void", paperId: ses.paperId, position: "1", mode: "CREDIT", reason: "题目表述有误" });
    expect(res.status).toBe(200);
    const after = await attemptOf(ses.candidates[0]);
    expect(after.score!).toBeGreaterThan(before.score!);
    expect(await app.db.auditLog.count({ where: { action: "paper.voidItem" } })).toBe(1);
  });
});
