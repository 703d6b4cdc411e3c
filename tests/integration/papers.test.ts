// 按班次单独出卷 over HTTP: draw a paper per class, seal, verify, tamper, resit, PDFs, the CLI
// re-derivation, and who may see papers.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";

const run = promisify(execFile);
let app: TestApp;
let examiner: Client;
let classIds: string[];
const ids = (paperId: string) => app.db.paperItem.findMany({ where: { paperId }, include: { questionVersion: true } }).then((r) => r.map((i) => i.questionVersion.questionId));

beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  examiner = new Client(app.base);
  await examiner.login("examiner");
  classIds = (await app.db.trainingClass.findMany({ where: { year: 2025, industry: "MINING" }, orderBy: { code: "asc" } })).map((c) => c.id);
});
afterAll(() => app?.stop());

describe("drawing papers", () => {
  it("draws one paper per class in one action, each different and within the overlap limit", async () => {
    const res = await examiner.post("/examiner/papers?index", { period: "2025-1", classId: classIds });
    expect(res.status).toBe(200);
    const papers = await app.db.paper.findMany({ where: { period: "2025-1" }, include: { items: true } });
    expect(papers.map((p) => p.classId).sort()).toEqual([...classIds].sort());
    expect(new Set(papers.map((p) => p.hash)).size).toBe(papers.length);
    for (const p of papers) {
      expect(p.items.length).toBe(90);
      expect(p.items.reduce((a, i) => a + i.points, 0)).toBe(100);
      expect(p.status).toBe("DRAFT");
    }
    const lists = await Promise.all(papers.map((p) => ids(p.id)));
    for (let a = 0; a < lists.length; a++)
      for (let b = a + 1; b < lists.length; b++) {
        const shared = lists[a].filter((x) => lists[b].includes(x)).length;
        expect(shared).toBeLessThanOrEqual(Math.floor(90 * 0.3));
      }
  });

  it("refuses to draw a second first-sitting paper for the same class and period, writing nothing", async () => {
    const before = await app.db.paper.count();
    const res = await examiner.post("/examiner/papers?index", { period: "2025-1", classId: classIds[0] });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("已为该班次抽取试卷");
    expect(await app.db.paper.count()).toBe(before);
  });

  it("seals a paper; a sealed paper cannot be discarded", async () => {
    const p = await app.db.paper.findFirstOrThrow({ where: { classId: classIds[0], period: "2025-1" } });
    expect((await examiner.post(`/examiner/papers/${p.id}`, { intent: "seal" })).status).toBe(200);
    expect((await app.db.paper.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("SEALED");
    const discard = await examiner.post(`/examiner/papers/${p.id}`, { intent: "discard" });
    expect(discard.status).toBe(400);
    expect(await app.db.paper.findUnique({ where: { id: p.id } })).not.toBeNull();
  });

  it("verifies: the stored hash re-derives from the stored inputs, and tampering is caught", async () => {
    const p = await app.db.paper.findFirstOrThrow({ where: { classId: classIds[0], period: "2025-1" }, include: { items: { orderBy: { position: "asc" } } } });
    const ok = await (await examiner.post(`/examiner/papers/${p.id}`, { intent: "verify" })).text();
    expect(ok).toContain("一致：试卷内容未被改动");
    const first = p.items[0];
    const other = await app.db.questionVersion.findFirstOrThrow({ where: { type: first.section, id: { notIn: p.items.map((i) => i.questionVersionId) } } });
    await app.db.paperItem.update({ where: { id: first.id }, data: { questionVersionId: other.id } });
    const bad = await (await examiner.post(`/examiner/papers/${p.id}`, { intent: "verify" })).text();
    expect(bad).toContain("不一致：试卷题目已被改动");
    await app.db.paperItem.update({ where: { id: first.id }, data: { questionVersionId: first.questionVersionId } });
  });

  it("an auditor re-derives the same paper from the YAML bank with the CLI", async () => {
    const p = await app.db.paper.findFirstOrThrow({ where: { classId: classIds[1], period: "2025-1" } });
    const res = await examiner.get(`/examiner/papers/${p.id}/file?kind=json`);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const file = join(mkdtempSync(join(tmpdir(), "ankao-paper-")), "paper.json");
    writeFileSync(file, await res.text());
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/paper.ts", "verify", file, "--bank", "question-bank"]);
    expect(stdout).toContain(`hash ok ${p.hash}`);
    expect(stdout).toContain("identical");
  });

  it("draws a resit paper that shares no item with the first", async () => {
    const first = await app.db.paper.findFirstOrThrow({ where: { classId: classIds[0], period: "2025-1", kind: "FIRST" } });
    const res = await examiner.post(`/examiner/papers/${first.id}`, { intent: "resit" });
    expect(res.status).toBe(302);
    const resit = await app.db.paper.findFirstOrThrow({ where: { basePaperId: first.id } });
    expect(resit.kind).toBe("RESIT");
    const a = await ids(first.id);
    const b = await ids(resit.id);
    expect(b.length).toBe(90);
    expect(b.filter((x) => a.includes(x))).toEqual([]);
    expect((await examiner.post(`/examiner/papers/${first.id}`, { intent: "resit" })).status).toBe(400);
  });

  it("prints the paper and a separate answer key as PDFs", async () => {
    const p = await app.db.paper.findFirstOrThrow({ where: { period: "2025-1" } });
    for (const kind of ["paper", "key"]) {
      const res = await examiner.get(`/examiner/papers/${p.id}/file?kind=${kind}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/pdf");
      const buf = Buffer.from(await res.arrayBuffer());
      expect(buf.subarray(0, 5).toString()).toBe("%PDF-");
      writeFileSync(join("test-results", `paper-${kind}.pdf`), buf);
    }
  });
});

describe("blueprints", () => {
  it("refuses a blueprint whose points do not add up, saying why", async () => {
    const res = await examiner.post("/examiner/blueprints", {
      name: "错误规则", totalPoints: "100", passMark: "80", durationMin: "120",
      "judge.count": "40", "judge.points": "1", "single.count": "40", "single.points": "1", "multiple.count": "10", "multiple.points": "1.5",
      multipleMode: "ALL_OR_NOTHING", "mix.1": "15", "mix.2": "30", "mix.3": "30", "mix.4": "17", "mix.5": "8", maxOverlap: "30",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("各题型分值合计 95 ≠ 总分 100");
    expect(await app.db.blueprint.count({ where: { name: "错误规则" } })).toBe(0);
  });
});

describe("who sees papers (培考分离)", () => {
  for (const who of ["provider.xingan", "proctor.tieli", "auditor", "admin"]) {
    it(`${who} gets 403 on papers, their files and blueprints`, async () => {
      const c = new Client(app.base);
      await c.login(who);
      const p = await app.db.paper.findFirstOrThrow();
      for (const path of ["/examiner/papers", `/examiner/papers/${p.id}`, `/examiner/papers/${p.id}/file?kind=key`, `/examiner/papers/${p.id}/file?kind=json`, "/examiner/blueprints"])
        expect((await c.get(path)).status, path).toBe(403);
      expect((await c.post(`/examiner/papers/${p.id}`, { intent: "seal" })).status).toBe(403);
    });
  }
});
