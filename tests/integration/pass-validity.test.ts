// A pass certifies for 12 months (DESIGN.md §3), over HTTP with the default setting. The other
// suites run with PASS_VALID_MONTHS=1200 (vitest.config.ts) because their fixtures are dated
// 2025; this file, in its own process, restores the real default.
process.env.PASS_VALID_MONTHS = "12";

import { chinaDate, passValidThrough } from "~/domain/certificate";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { sitClass } from "../support/exam-fixtures";

let app: TestApp;
let examiner: Client;
let classId: string;
let stale: { id: string; name: string };
let fresh: { id: string; name: string };
const DAY = 86400_000;
const staleAt = new Date(Date.now() - 400 * DAY); // more than 12 months ago
const freshAt = new Date(Date.now() - 300 * DAY);

beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  examiner = new Client(app.base);
  await examiner.login("examiner");
  const cls = await app.db.trainingClass.findFirstOrThrow({ where: { year: 2025, category: "TEAM_LEADER", industry: "MINING" } });
  classId = cls.id;
  const { drawFirstPapers } = await import("~/services/papers.server");
  const u = await app.db.user.findFirstOrThrow({ where: { username: "examiner" } });
  const drawn = await drawFirstPapers({ id: u.id, role: "EXAMINER", countyId: null, providerId: null }, { period: "2025-1", classIds: [cls.id] });
  if (!drawn.ok) throw new Error("draw failed");
  const paperId = (await app.db.paper.findFirstOrThrow({ where: { classId } })).id;
  // Enrolments 2 and 3 have eligible hours in the demo data (0 and 1 lack practical hours).
  const e = await app.db.enrolment.findMany({ where: { classId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { trainee: true } });
  stale = { id: e[2].id, name: e[2].trainee.name };
  fresh = { id: e[3].id, name: e[3].trainee.name };
  await sitClass(app.db, { classId, paperId, at: staleAt, results: [{ enrolmentId: stale.id, score: 90 }] });
  await sitClass(app.db, { classId, paperId, at: freshAt, results: [{ enrolmentId: fresh.id, score: 90 }] });
});
afterAll(() => app?.stop());

const issue = (enrolmentId: string) => examiner.post(`/examiner/certificates?class=${classId}`, { intent: "issue", enrolmentId });

it("refuses a pass older than 12 months, with the exam date and the last valid day, and writes nothing", async () => {
  const examDay = chinaDate(new Date(staleAt.getTime() + 5400_000)); // sitClass submits 90 min in
  const r = await issue(stale.id);
  expect(r.status).toBe(400);
  expect(await r.text()).toContain(`未签发：考试合格结果已过有效期：考试日期 ${examDay}，有效期 12 个月，至 ${passValidThrough(new Date(staleAt.getTime() + 5400_000), 12)}`);
  expect(await app.db.certificate.count({ where: { enrolmentId: stale.id } })).toBe(0);
  expect(await app.db.retrainingCredit.count()).toBe(0);
});

it("issues a pass within 12 months, and the class page tells the two apart", async () => {
  const r = await issue(fresh.id);
  expect(r.status).toBe(200);
  expect(await app.db.certificate.count({ where: { enrolmentId: fresh.id } })).toBe(1);
  const page = await (await examiner.get(`/examiner/certificates?class=${classId}`)).text();
  expect(page).toContain("考试合格结果已过有效期");
  expect(page).toContain("90 分 合格");
  // The class list still counts the old pass as a pass; only one holds a certificate.
  const { certificateClasses } = await import("~/data/certificates.server");
  const u = await app.db.user.findFirstOrThrow({ where: { username: "examiner" } });
  const row = (await certificateClasses({ id: u.id, role: "EXAMINER", countyId: null, providerId: null })).find((c) => c.id === classId);
  expect(row).toMatchObject({ passed: 2, certified: 1 });
});
