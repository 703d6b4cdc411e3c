// Retention (DESIGN.md §3): exam records — attempts, responses, integrity events, snapshots,
// incidents, audit rows, certificates, papers that were sat — are kept 5 years; nothing in the app
// deletes them. Proved two ways: the source holds exactly the reviewed delete paths (a new one
// fails here until it is reviewed), and those paths refuse what must be kept.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Prisma } from "~/generated/sqlite/client";
import { Client, startApp, type TestApp } from "../support/app";
import { sitClass } from "../support/exam-fixtures";
import { Kiosk, prepareSession } from "../support/exam-setup";
import { certified } from "../support/security-world";

/** Every delete the app may do, reviewed: file → what it deletes. */
const ALLOWED = [
  // discardDraft: a draft paper nobody has used (no session, attempt or resit points at it).
  "app/services/papers.server.ts: paperItem.deleteMany",
  "app/services/papers.server.ts: paper.delete",
  // Rate-limit counters: not records, only a count of recent attempts.
  "app/data/rate-limit.server.ts: rateLimit.deleteMany",
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe("the code has no other delete path", () => {
  it("Prisma deletes, SQL DELETE/TRUNCATE/DROP and file removal in app/ are exactly the reviewed ones", () => {
    const models = Object.values(Prisma.ModelName).map((m) => m[0].toLowerCase() + m.slice(1)).join("|");
    const prismaDelete = new RegExp(`\\.(${models})\\s*\\.\\s*(delete|deleteMany)\\s*\\(`, "g");
    const found: string[] = [];
    for (const file of sources("app")) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(prismaDelete)) found.push(`${file}: ${m[1]}.${m[2]}`);
      for (const m of text.matchAll(/\b(DELETE\s+FROM|TRUNCATE|DROP\s+(TABLE|DATABASE))\b/gi)) found.push(`${file}: SQL ${m[1]}`);
      for (const m of text.matchAll(/\b(unlink|unlinkSync|rmSync|rmdirSync|rmdir)\s*\(|\.rm\s*\(/g)) found.push(`${file}: file ${m[0]}`);
      for (const m of text.matchAll(/\$(executeRaw|queryRaw)(Unsafe)?[^;]*?\bDELETE\b/gi)) found.push(`${file}: raw ${m[0].slice(0, 40)}`);
    }
    expect(found.sort()).toEqual([...ALLOWED].sort());
  });

  it("the schema cascades no delete onto exam records", () => {
    expect(readFileSync("prisma/schema.prisma", "utf8")).not.toMatch(/onDelete:\s*(Cascade|SetNull)/);
  });
});

describe("what the app can do keeps the records", () => {
  let app: TestApp;
  let examiner: Client;
  const actorOf = async () => ({ id: (await app.db.user.findUniqueOrThrow({ where: { username: "examiner" } })).id, role: "EXAMINER" as const, countyId: null, providerId: null });
  const discard = (paperId: string) => examiner.post(`/examiner/papers/${paperId}`, { intent: "discard" });
  const draw = async (className: string, period: string) => {
    const cls = await app.db.trainingClass.findFirstOrThrow({ where: { name: className } });
    expect((await examiner.post("/examiner/papers?index", { period, classId: cls.id })).status).toBe(200);
    return { cls, paper: await app.db.paper.findFirstOrThrow({ where: { classId: cls.id, period } }) };
  };

  beforeAll(async () => {
    app = await startApp();
    const s = await prepareSession(app); // imports the bank, seals a paper, schedules a session
    const k = new Kiosk(app.base);
    await k.signIn(s.candidates[0]); // an attempt on the sealed paper
    examiner = s.examiner;
  }, 180_000);
  afterAll(() => app?.stop());

  it("a sealed paper, and the attempts on it, cannot be discarded", async () => {
    const sealed = await app.db.paper.findFirstOrThrow({ where: { status: "SEALED" }, include: { _count: { select: { items: true, attempts: true } } } });
    expect(sealed._count.attempts).toBe(1);
    const res = await discard(sealed.id);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("只能作废未封存的草稿试卷");
    expect(await app.db.paperItem.count({ where: { paperId: sealed.id } })).toBe(sealed._count.items);
  });

  it("a draft that was sat (a session and attempts point at it) is refused, with the numbers", async () => {
    const { cls, paper } = await draw("2025年机械制造专职安全管理人员工伤预防培训班", "RETAIN-1");
    const roster = await app.db.enrolment.findMany({ where: { classId: cls.id }, take: 3 });
    await sitClass(app.db, { classId: cls.id, paperId: paper.id, results: roster.map((e) => ({ enrolmentId: e.id, score: 90, answers: { 1: true } })) });
    const before = { items: await app.db.paperItem.count({ where: { paperId: paper.id } }), responses: await app.db.response.count() };
    const res = await discard(paper.id);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("考试场次 1 个、作答记录 3 份、补考卷 0 份");
    expect(await app.db.paper.findUnique({ where: { id: paper.id } })).not.toBeNull();
    expect({ items: await app.db.paperItem.count({ where: { paperId: paper.id } }), responses: await app.db.response.count() }).toEqual(before);
  });

  it("a draft with a resit drawn against it is refused; the resit keeps its base", async () => {
    const { paper } = await draw("2025年矿山安全生产分管负责人工伤预防培训班", "RETAIN-2");
    const { drawResitPaper } = await import("~/services/papers.server");
    expect((await drawResitPaper(await actorOf(), paper.id)).ok).toBe(true);
    const res = await discard(paper.id);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("补考卷 1 份");
    expect(await app.db.paper.count({ where: { id: paper.id } })).toBe(1);
  });

  it("an unused draft is discarded, and the discard is audited", async () => {
    const { paper } = await draw("2025年机械制造班组长工伤预防培训班", "RETAIN-3");
    expect((await discard(paper.id)).status).toBe(302);
    expect(await app.db.paper.findUnique({ where: { id: paper.id } })).toBeNull();
    expect(await app.db.paperItem.count({ where: { paperId: paper.id } })).toBe(0);
    expect(await app.db.auditLog.count({ where: { action: "paper.discard", entityId: paper.id } })).toBe(1);
  });

  it("revoking a certificate keeps it (status REVOKED, audited), and retiring a question keeps its versions", async () => {
    const cert = await certified(app, examiner, "2025年矿山专职安全管理人员工伤预防培训班");
    const res = await examiner.post("/examiner/certificates", { intent: "revoke", certificateId: cert.certificateId, reason: "考试违纪，经复核撤销" });
    expect(res.status).toBe(200);
    expect(await app.db.certificate.findUniqueOrThrow({ where: { id: cert.certificateId } })).toMatchObject({ status: "REVOKED", number: cert.number });
    const q = await app.db.question.findFirstOrThrow({ where: { status: "ACTIVE" }, include: { _count: { select: { versions: true } } } });
    expect((await examiner.post(`/examiner/bank/${q.id}`, { intent: "retire", reason: "法条已修订" })).status).toBe(200);
    expect(await app.db.questionVersion.count({ where: { questionId: q.id } })).toBe(q._count.versions);
  });
});
