// The demo year 2025 with finished, released sittings, for the report tests (integration and
// e2e). The figures it produces are worked out by hand in tests/integration/reports.test.ts:
//   Mining team leaders (24, xingan): e0, e1 lack practical hours and do not sit; the other 22
//     sit; 20 pass, e2 and e3 fail; at the resit e2 passes and e3 fails.
//   Mining safety managers (20, xingan): e0 lacks offline hours and does not sit; e19 is absent;
//     of the 18 who sit, 15 pass and 3 fail. One TECHNICAL incident in that session.
//   Mining safety leaders (5, xingan): sat, but results NOT released.
//   One team-leader item (on no other paper) is answered right only by the two who fail.
// With `answers: true` every candidate also answers every other item (seeded: about 90 % right
// for those who pass, 55 % for those who fail), so the item statistics have something to show.
import seedrandom from "seedrandom";
import type { TestApp } from "./app";
import { sitClass } from "./exam-fixtures";

type Item = { position: number; questionVersion: { questionId: string; type: string; answer: string; options: string } };

function answerFor(it: Item, right: boolean, rng: () => number): unknown {
  const key = JSON.parse(it.questionVersion.answer);
  if (right) return key;
  const letters = "ABCDE".slice(0, (JSON.parse(it.questionVersion.options) as string[]).length).split("");
  if (it.questionVersion.type === "judge") return !key;
  if (it.questionVersion.type === "single") {
    const wrong = letters.filter((l) => l !== key);
    return wrong[Math.floor(rng() * wrong.length)];
  }
  const wrong = letters.filter((l) => !key.includes(l));
  return rng() < 0.5 ? [key[0]] : [...key, wrong[0]].sort();
}

export async function setUpReportYear(app: TestApp, opts: { answers?: boolean } = {}) {
  const cls = (category: string) => app.db.trainingClass.findFirstOrThrow({ where: { year: 2025, industry: "MINING", category } });
  const [tl, sm, sl] = await Promise.all([cls("TEAM_LEADER"), cls("SAFETY_MANAGER"), cls("SAFETY_LEADER")]);
  const examiner = await app.db.user.findFirstOrThrow({ where: { username: "examiner" } });
  const { drawFirstPapers, drawResitPaper } = await import("~/services/papers.server");
  const actor = { id: examiner.id, role: "EXAMINER" as const, countyId: null, providerId: null };
  const drawn = await drawFirstPapers(actor, { period: "2025-1", classIds: [tl.id, sm.id, sl.id] });
  if (!drawn.ok) throw new Error(`draw failed: ${JSON.stringify(drawn.failures)}`);
  const paperOf = (classId: string) => app.db.paper.findFirstOrThrow({ where: { classId, kind: "FIRST" }, include: { items: { orderBy: { position: "asc" }, include: { questionVersion: true } } } });
  const roster = (classId: string) => app.db.enrolment.findMany({ where: { classId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const rng = seedrandom("ankao-report-fixture");
  const sheet = (items: Item[], pass: boolean) =>
    opts.answers ? Object.fromEntries(items.map((it) => [it.position, answerFor(it, rng() < (pass ? 0.9 : 0.55), rng)])) : {};

  const p = await paperOf(tl.id);
  const smPaper = await paperOf(sm.id);
  const elsewhere = new Set(smPaper.items.map((i) => i.questionVersion.questionId));
  const special = p.items.find((i) => !elsewhere.has(i.questionVersion.questionId))!;
  const e = await roster(tl.id);
  await sitClass(app.db, {
    classId: tl.id,
    paperId: p.id,
    at: new Date("2025-03-11T01:00:00Z"),
    results: e.slice(2).map((x, i) => ({
      enrolmentId: x.id,
      score: i < 2 ? 50 : 90,
      answers: { ...sheet(p.items, i >= 2), [special.position]: answerFor(special, i < 2, rng) },
    })),
  });
  const resit = await drawResitPaper(actor, p.id);
  if (!resit.ok) throw new Error("resit draw failed");
  await sitClass(app.db, { classId: tl.id, paperId: resit.papers[0].id, at: new Date("2025-04-02T01:00:00Z"), results: [{ enrolmentId: e[2].id, sitting: 2, score: 84 }, { enrolmentId: e[3].id, sitting: 2, score: 70 }] });

  const s = await roster(sm.id);
  const smSession = await sitClass(app.db, {
    classId: sm.id,
    paperId: smPaper.id,
    at: new Date("2025-03-25T01:00:00Z"),
    results: s.slice(1).map((x, i) => (i === 18 ? { enrolmentId: x.id, score: 0, absent: true } : { enrolmentId: x.id, score: i < 15 ? 92 : 64, answers: sheet(smPaper.items, i < 15) })),
  });
  await app.db.incident.create({ data: { sessionId: smSession, category: "TECHNICAL", note: "3 号机死机，已换机", createdBy: examiner.id } });

  const l = await roster(sl.id);
  const slSession = await sitClass(app.db, { classId: sl.id, paperId: (await paperOf(sl.id)).id, results: l.map((x) => ({ enrolmentId: x.id, score: 95 })) });
  await app.db.examSession.update({ where: { id: slSession }, data: { resultsReleasedAt: null } });
  return { specialQuestion: special.questionVersion.questionId };
}
