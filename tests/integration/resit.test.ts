// One resit (DESIGN.md §3): a fail or a termination allows exactly one resit, on a fresh paper;
// a pass or a second fail ends it; an absence does not use up a sitting unless the session says so.
import { startApp, type TestApp } from "../support/app";
import { prepareSession, type Candidate } from "../support/exam-setup";

let app: TestApp;
const DAY = 86400_000;
const SL = "2025年矿山安全生产分管负责人工伤预防培训班";

beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** Finish a session's sittings with the given outcomes and release the results. */
async function finish(sessionId: string, paperId: string, outcomes: Array<[Candidate, "PASS" | "FAIL" | "TERMINATED" | "ABSENT"]>) {
  for (const [c, o] of outcomes) {
    if (o === "ABSENT") {
      await app.db.registration.update({ where: { id: c.registrationId }, data: { absent: true } });
      continue;
    }
    await app.db.attempt.create({
      data: {
        registrationId: c.registrationId, paperId, state: o === "TERMINATED" ? "TERMINATED" : "SUBMITTED", shuffleSeed: "s", durationSec: 7200,
        startedAt: new Date(), submittedAt: new Date(), score: o === "PASS" ? 90 : 50, maxScore: 100, passed: o === "PASS",
      },
    });
  }
  await app.db.examSession.update({ where: { id: sessionId }, data: { resultsReleasedAt: new Date(), status: "CLOSED" } });
}
const names = (cs: Candidate[]) => cs.map((c) => c.name).sort();
const excludedReasons = async (examiner: Awaited<ReturnType<typeof prepareSession>>["examiner"], sessionId: string) =>
  (await (await examiner.get(`/examiner/sessions/${sessionId}`)).text()).replace(/<[^>]+>/g, "|");

it("follows every path of the resit rule", async () => {
  const first = await prepareSession(app, { className: SL });
  expect(first.candidates.length).toBe(5);
  const [pass, fail, term, absent, fail2] = first.candidates;
  await finish(first.sessionId, first.paperId, [[pass, "PASS"], [fail, "FAIL"], [term, "TERMINATED"], [absent, "ABSENT"], [fail2, "FAIL"]]);

  // One resit paper for the class, sharing no item with the first.
  const r = await first.examiner.post(`/examiner/papers/${first.paperId}`, { intent: "resit" });
  expect(r.status).toBe(302);
  const resitPaper = await app.db.paper.findFirstOrThrow({ where: { basePaperId: first.paperId } });

  const resit = await prepareSession(app, { className: SL, paperId: resitPaper.id, startsAt: new Date(Date.now() + DAY) });
  expect(names(resit.candidates)).toEqual(names([fail, term, fail2]));
  const page = await excludedReasons(resit.examiner, resit.sessionId);
  expect(page).toContain(`${pass.name}|`);
  expect(page).toContain("已通过考试");
  expect(page).toMatch(new RegExp(`${absent.name}\\|.*?无需补考`));

  // The absent trainee sits the first paper again: an absence did not use up a sitting.
  const again = await prepareSession(app, { className: SL, paperId: first.paperId, startsAt: new Date(Date.now() + 2 * DAY) });
  expect(names(again.candidates)).toEqual(names([absent]));

  // A second fail is final: no further sitting, with the reason.
  const byName = new Map(resit.candidates.map((c) => [c.name, c]));
  await finish(resit.sessionId, resitPaper.id, [[byName.get(fail.name)!, "FAIL"], [byName.get(term.name)!, "PASS"], [byName.get(fail2.name)!, "FAIL"]]);
  const third = await resit.examiner.post("/examiner/sessions?index", {
    name: "第三次考试测试", venueId: (await app.db.venue.findFirstOrThrow({ where: { county: { name: "铁力市" } } })).id,
    startsAt: new Date(Date.now() + 3 * DAY + 8 * 3600_000).toISOString().slice(0, 16), endsAt: new Date(Date.now() + 3 * DAY + 11 * 3600_000).toISOString().slice(0, 16),
    durationMin: "120", proctorId: (await app.db.user.findUniqueOrThrow({ where: { username: "proctor.tieli" } })).id, paperId: resitPaper.id,
  });
  expect(third.status).toBe(400);
  expect(await third.text()).toContain("没有符合考试条件的考生");
  // …and the session page says why each of them is left out.
  const after = await excludedReasons(resit.examiner, again.sessionId);
  expect(after).toMatch(new RegExp(`${fail.name}\\|[^]*?两次考试均未通过，须重新参加培训`));
});

it("counts an absence as a sitting when the session says so", async () => {
  const first = await prepareSession(app, { className: "2025年机械制造专职安全管理人员工伤预防培训班", absenceUsesSitting: true, startsAt: new Date(Date.now() + 5 * DAY) });
  const [absent, ...rest] = first.candidates;
  await finish(first.sessionId, first.paperId, [[absent, "ABSENT"], ...rest.map((c) => [c, "PASS"] as [Candidate, "PASS"])]);
  await first.examiner.post(`/examiner/papers/${first.paperId}`, { intent: "resit" });
  const resitPaper = await app.db.paper.findFirstOrThrow({ where: { basePaperId: first.paperId } });
  const resit = await prepareSession(app, { className: "2025年机械制造专职安全管理人员工伤预防培训班", paperId: resitPaper.id, startsAt: new Date(Date.now() + 6 * DAY) });
  expect(names(resit.candidates)).toEqual([absent.name]);
});
