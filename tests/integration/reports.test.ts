// Reports over HTTP on the demo year 2025 with finished sittings (tests/support/report-setup.ts),
// checked against figures worked out by hand:
//   2025 plan 79 (mining 5 + 20 + 24, machinery 12 + 18), trained 79.
//   Mining team leaders (24, xingan): e0, e1 lack practical hours and do not sit; the other 22
//     sit; 20 pass, e2 and e3 fail; at the resit e2 passes and e3 fails.
//   Mining safety managers (20, xingan): e0 lacks offline hours and does not sit; e19 is absent;
//     of the 18 who sit, e1–e15 pass (15), e16–e18 fail (3).
//   Mining safety leaders (5, xingan): sat, but results NOT released, so they count nowhere.
//   → eligible 76, sat 40, passed 36; first sitting 35/40 = 87.5 %, after resit 36/40 = 90 %.
//   Fee-eligible list: 21 + 15 = 36 rows, all xingan; linxing's 30 trainees: none listed.
//   Item statistics: on the team leaders' first paper, one item answered wrong by the 20 who
//     passed (total 90) and right by the 2 who failed (total 50): facility 2/22, r = −1.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { FEE_HEADERS } from "~/domain/reports/fee-list";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { setUpReportYear } from "../support/report-setup";

let app: TestApp;
const c = {} as Record<"auditor" | "examiner" | "xingan" | "linxing" | "proctor" | "admin", Client>;
let tlPaper: { firstQuestion: string };
let xinganId: string;
const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
/** Downloads go to test-results/reports/ so a person can look at them. */
function keep(name: string, body: Buffer) {
  mkdirSync("test-results/reports", { recursive: true });
  writeFileSync(join("test-results/reports", name), body);
}
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function readXlsx(body: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  for (const [k, u] of [["auditor", "auditor"], ["examiner", "examiner"], ["xingan", "provider.xingan"], ["linxing", "provider.linxing"], ["proctor", "proctor.tieli"], ["admin", "admin"]] as const) {
    c[k] = new Client(app.base);
    await c[k].login(u);
  }
  xinganId = (await app.db.provider.findFirstOrThrow({ where: { name: "伊春兴安职业技能培训学校" } })).id;
  tlPaper = { firstQuestion: (await setUpReportYear(app, { answers: true })).specialQuestion };
});
afterAll(() => app?.stop());

describe("auditor: read-only reports", () => {
  it("the hub shows the year at a glance: 79/79 trained, 40 sat, 87.5 % first sitting, 90 % after resit, 36 on the fee list", async () => {
    const res = await c.auditor.get("/auditor?year=2025");
    expect(res.status).toBe(200);
    const t = text(await res.text());
    expect(t).toContain("79 / 79");
    expect(t).toContain("87.5%");
    expect(t).toContain("35/40");
    expect(t).toContain("90%");
    expect(t).toContain("36/40");
    expect(t).toMatch(/36 工伤预防费名单/);
  });

  it("the charts are SVG rendered on the server, with no script or outside resource", async () => {
    const html = await (await c.auditor.get("/auditor/coverage?year=2025&by=county")).text();
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it("coverage by industry × category: mining team leaders 24 planned, 24 trained, 22 eligible, 22 sat, 21 passed", async () => {
    const t = text(await (await c.auditor.get("/auditor/coverage?year=2025&by=plan")).text());
    expect(t).toMatch(/矿山 · 班组长 24 24 22 22 21 0 100%/);
    expect(t).toMatch(/矿山 · 安全生产分管负责人 5 5 5 0 0 0 100%/); // sat but unreleased: not counted
    expect(t).toMatch(/合计 79 79 76 40 36 0 100%/);
  });

  it("coverage by provider and by county has no plan column", async () => {
    const t = text(await (await c.auditor.get("/auditor/coverage?year=2025&by=provider")).text());
    expect(t).toMatch(/伊春兴安职业技能培训学校 49 46 40 36 0/);
    expect(t).toMatch(/伊春林兴安全技术培训中心 30 30 0 0 0/);
    const county = await c.auditor.get("/auditor/coverage?year=2025&by=county");
    expect(county.status).toBe(200);
    expect(text(await county.text())).toContain("铁力市");
  });

  it("pass rates by class, with the trend over sessions in date order", async () => {
    const t = text(await (await c.auditor.get("/auditor/pass-rates?year=2025&by=class")).text());
    expect(t).toMatch(/2025年矿山班组长工伤预防培训班 20\/22 90.9% 1\/2 21\/22 95.5%/);
    expect(t).toMatch(/2025年矿山专职安全管理人员工伤预防培训班 15\/18 83.3% 0\/0 15\/18 83.3% 1/);
    const dates = [...t.matchAll(/(2025-0\d-\d\d) FX-/g)].map((m) => m[1]);
    expect(dates).toEqual(["2025-03-11", "2025-03-25", "2025-04-02"]);
  });

  it("a year with no data falls back to the newest, and says so", async () => {
    const t = text(await (await c.auditor.get("/auditor/pass-rates?year=1999")).text());
    expect(t).toContain("年度“1999”没有数据，已显示 2025 年");
  });

  it("the fee-eligible list downloads as XLSX with Chinese headers and the 36 hand-counted rows", async () => {
    const res = await c.auditor.get("/auditor/files/fee-list.xlsx?year=2025");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    const rows = await readXlsx(await res.arrayBuffer());
    expect(rows[0]).toEqual([...FEE_HEADERS]);
    expect(rows).toHaveLength(1 + 36);
    const col = (h: (typeof FEE_HEADERS)[number]) => FEE_HEADERS.indexOf(h);
    expect(new Set(rows.slice(1).map((r) => r[col("施教单位")]))).toEqual(new Set(["伊春兴安职业技能培训学校"]));
    expect(rows.slice(1).filter((r) => r[col("考试类型")] === "补考")).toHaveLength(1);
    const tl = rows.find((r) => r[col("人员类别")] === "班组长")!;
    expect([tl[col("线上学时")], tl[col("线下学时")], tl[col("实训学时")], tl[col("总学时")]]).toEqual([6, 12, 6, 24]);
    expect(String(tl[col("身份证号（脱敏）")])).toMatch(/\*/);
  });

  it("the fee list PDF summarises per provider, printing rare characters in names; a provider's own PDF too", async () => {
    // A listed trainee whose name has 骉 (not in the shipped subset, drawn from the full font).
    const listed = await app.db.registration.findFirstOrThrow({ where: { sitting: 2, attempt: { passed: true } }, include: { enrolment: true } });
    const before = await app.db.trainee.findUniqueOrThrow({ where: { id: listed.enrolment.traineeId } });
    await app.db.trainee.update({ where: { id: before.id }, data: { name: "张骉" } });
    const all = Buffer.from(await (await c.auditor.get("/auditor/files/fee-list.pdf?year=2025")).arrayBuffer());
    await app.db.trainee.update({ where: { id: before.id }, data: { name: before.name } });
    keep("fee-list-2025.pdf", all);
    expect(all.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages(all)).toBeGreaterThanOrEqual(2);
    const file = join(mkdtempSync(join(tmpdir(), "ankao-fee-")), "fee.pdf");
    writeFileSync(file, all);
    const printed = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(printed).toContain("张骉");
    expect(printed).toContain("伊春兴安职业技能培训学校");
    const one = await c.auditor.get(`/auditor/files/fee-list.pdf?year=2025&provider=${xinganId}`);
    expect(one.status).toBe(200);
    expect(decodeURIComponent(one.headers.get("Content-Disposition") ?? "")).toContain("伊春兴安职业技能培训学校");
  });

  it("the acceptance report: the page shows the findings; the PDF has pages", async () => {
    const t = text(await (await c.auditor.get("/auditor/acceptance?year=2025")).text());
    expect(t).toContain("年度计划培训 79 人，实际参训 79 人，完成率 100%，各类人员均完成计划。");
    expect(t).toContain("班组长实训学时不低于 25% 的 40/42 人（95.2%）。");
    expect(t).toContain("考场异常情况记录 1 起");
    const res = await c.auditor.get("/auditor/files/acceptance.pdf?year=2025");
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    keep("acceptance-2025.pdf", pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pages(pdf)).toBeGreaterThanOrEqual(2);
  });

  it("a bad year for a download is a 400 naming the years there are; an unknown file is 404", async () => {
    const res = await c.auditor.get("/auditor/files/acceptance.pdf?year=abc");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("可选年度：2025、2024");
    expect((await c.auditor.get("/auditor/files/secrets.pdf")).status).toBe(404);
  });

  it("has no actions: a POST changes nothing and is refused", async () => {
    const before = await app.db.auditLog.count();
    for (const path of ["/auditor?index", "/auditor/coverage", "/auditor/fee-list", "/auditor/acceptance", "/auditor/files/fee-list.xlsx"]) {
      const res = await c.auditor.post(path, { year: "2025" });
      expect(res.status, path).toBe(405);
    }
    expect(await app.db.auditLog.count()).toBe(before);
  });
});

describe("exam office: the same reports plus item statistics", () => {
  it("sees the reports and the acceptance PDF", async () => {
    expect((await c.examiner.get("/examiner/reports?year=2025")).status).toBe(200);
    const pdf = Buffer.from(await (await c.examiner.get("/examiner/reports/files/acceptance.pdf?year=2025")).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("item statistics flag the hand-made item: facility 0.09, discrimination −1.00, with a link to the bank item", async () => {
    const res = await c.examiner.get("/examiner/reports/items?year=2025&flag=negative");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/examiner/bank/${tlPaper.firstQuestion}"`);
    const row = text(html.slice(html.indexOf(`/examiner/bank/${tlPaper.firstQuestion}`)).split("</tr>")[0]);
    expect(row).toContain("22 0.09 -1.00");
    expect(row).toContain("过难");
    expect(row).toContain("负区分度");
  });
});

describe("who sees what", () => {
  it("proctors and providers get 403 on the auditor's and the exam office's reports", async () => {
    for (const who of ["proctor", "xingan"] as const)
      for (const path of ["/auditor", "/auditor/fee-list", "/auditor/files/fee-list.xlsx", "/examiner/reports", "/examiner/reports/items", "/examiner/reports/files/acceptance.pdf"])
        expect((await c[who].get(path)).status, `${who} ${path}`).toBe(403);
    expect((await c.auditor.get("/examiner/reports")).status).toBe(403);
    expect((await c.admin.get("/examiner/reports")).status).toBe(403);
  });

  it("a provider's own report view holds only its own rows", async () => {
    const own = await readXlsx(await (await c.xingan.get("/provider/reports/files/fee-list.xlsx?year=2025")).arrayBuffer());
    expect(own).toHaveLength(1 + 36);
    const other = await readXlsx(await (await c.linxing.get("/provider/reports/files/fee-list.xlsx?year=2025")).arrayBuffer());
    expect(other).toHaveLength(1);
    const t = text(await (await c.linxing.get("/provider/reports/coverage?year=2025&by=class")).text());
    expect(t).toContain("2025年机械制造班组长工伤预防培训班");
    expect(t).not.toContain("2025年矿山班组长工伤预防培训班");
    expect((await c.linxing.get(`/provider/reports/files/fee-list.pdf?year=2025&provider=${xinganId}`)).status).toBe(404);
    expect((await c.linxing.get("/provider/reports/files/acceptance.pdf?year=2025")).status).toBe(404);
  });
});
