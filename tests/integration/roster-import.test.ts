// Roster import over HTTP: CSV and XLSX with Chinese headers, all-or-nothing, exact line errors.
import ExcelJS from "exceljs";
import { makeIdNumber } from "~/domain/id-number";
import { Client, startApp, type TestApp } from "../support/app";

let app: TestApp;
let provider: Client;
let classId: string;
let enterprise: string;

beforeAll(async () => {
  app = await startApp();
  provider = new Client(app.base);
  await provider.login("provider.xingan");
  const p = await app.db.provider.findFirstOrThrow({ where: { name: "伊春兴安职业技能培训学校" } });
  const created = await provider.post("/provider?index", {
    name: "2026年矿山专职安全管理人员测试班", year: "2026", industry: "MINING", category: "SAFETY_MANAGER",
    startDate: "2026-03-01", endDate: "2026-03-05", location: "铁力市",
  });
  expect(created.status).toBe(302);
  classId = created.headers.get("Location")!.split("/").pop()!;
  expect((await app.db.trainingClass.findUniqueOrThrow({ where: { id: classId } })).providerId).toBe(p.id);
  enterprise = (await app.db.enterprise.findFirstOrThrow({ where: { industry: "MINING" } })).name;
});
afterAll(() => app?.stop());

const HEAD = "姓名,身份证号,企业名称,统一社会信用代码,手机号,岗位";
const id = (i: number) => makeIdNumber("230781", "19850315", 500 + i);
const rows = (n: number) => Array.from({ length: n }, (_, i) => `学员${i + 1},${id(i)},${enterprise},,1390000${String(i).padStart(4, "0")},安全员`);

function upload(name: string, content: string | Buffer) {
  const form = new FormData();
  form.set("intent", "import");
  form.set("roster", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), name);
  return provider.post(`/provider/classes/${classId}`, form);
}
const enrolled = () => app.db.enrolment.count({ where: { classId } });

describe("roster import", () => {
  it("reports a bad check digit on its line and writes nothing", async () => {
    const lines = rows(20);
    const bad = id(12).slice(0, 17) + (id(12)[17] === "1" ? "2" : "1");
    lines[12] = lines[12].replace(id(12), bad); // data row 13 = line 14 (the header is line 1)
    const res = await upload("roster.csv", "\uFEFF" + [HEAD, ...lines].join("\n"));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("第 14 行 身份证号 校验位错误");
    expect(await enrolled()).toBe(0);
    expect(await app.db.trainee.count({ where: { name: "学员1" } })).toBe(0);
  });

  it("lists every bad row: missing name, duplicate ID, unknown enterprise, bad phone", async () => {
    const lines = rows(4);
    lines[0] = lines[0].replace("学员1", "");
    lines[1] = lines[1].replace(id(1), id(0));
    lines[2] = lines[2].replace(enterprise, "不存在的企业");
    lines[3] = lines[3].replace(/1390000\d{4}/, "12345");
    const html = await (await upload("roster.csv", [HEAD, ...lines].join("\n"))).text();
    expect(html).toContain("第 2 行 姓名 不能为空");
    expect(html).toContain("第 3 行 身份证号 与第 2 行重复");
    expect(html).toContain("第 4 行 企业名称 未找到企业“不存在的企业”");
    expect(html).toContain("第 5 行 手机号 应为 11 位手机号");
    expect(await enrolled()).toBe(0);
  });

  it("refuses a file without the template's headers", async () => {
    const html = await (await upload("roster.csv", "name,id\nA,B\n")).text();
    expect(html).toContain("姓名 缺少此列");
    expect(await enrolled()).toBe(0);
  });

  it("imports a clean XLSX in one go, storing no plain ID number", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRow(HEAD.split(","));
    for (const l of rows(24)) ws.addRow(l.split(","));
    const res = await upload("roster.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("已导入 24 名学员");
    expect(await enrolled()).toBe(24);
    const t = await app.db.trainee.findFirstOrThrow({ where: { name: "学员1" } });
    expect(t.idMasked).toBe(`230781********${id(0).slice(14)}`);
    expect(JSON.stringify(t)).not.toContain(id(0));
  });

  it("says when Excel has stored an ID number as a number", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名册");
    ws.addRow(HEAD.split(","));
    ws.addRow(["数字号", Number(id(40).slice(0, 17)) * 10, enterprise, "", "", ""]);
    const html = await (await upload("roster.xlsx", Buffer.from(await wb.xlsx.writeBuffer()))).text();
    expect(html).toContain("第 2 行 身份证号 被 Excel 存成了数字");
  });

  it("enforces the offline class-size limit with the numbers", async () => {
    const lines = Array.from({ length: 57 }, (_, i) => `新学员${i},${id(100 + i)},${enterprise},,,`);
    const html = await (await upload("more.csv", [HEAD, ...lines].join("\n"))).text();
    expect(html).toContain("线下班级人数 81 超过上限 80 人");
    expect(await enrolled()).toBe(24);
  });

  it("records hours for the checked trainees and shows who is not yet eligible", async () => {
    const ids = (await app.db.enrolment.findMany({ where: { classId }, select: { id: true } })).map((e) => e.id);
    const res = await provider.post(`/provider/classes/${classId}`, toForm({ intent: "hours", mode: "ONLINE", hours: "8", date: "2026-03-02", subject: "安全生产系列电视专题片", enrolmentId: ids }));
    expect(res.status).toBe(200);
    const page = await (await provider.get(`/provider/classes/${classId}`)).text();
    expect(page).toContain("线下学时 0/8 &lt; 60%");
    expect(page).toContain("总学时 8 &lt; 12");
  });

  it("refuses hours outside the class's dates", async () => {
    const ids = (await app.db.enrolment.findMany({ where: { classId }, select: { id: true } })).map((e) => e.id);
    const res = await provider.post(`/provider/classes/${classId}`, toForm({ intent: "hours", mode: "OFFLINE", hours: "4", date: "2026-04-01", subject: "研讨", enrolmentId: ids }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("日期应在本班培训期内");
  });

  it("serves the XLSX template with the Chinese headers", async () => {
    const res = await provider.get("/provider/roster-template/download?format=xlsx");
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, ...HEAD.split(",")]);
  });
});

function toForm(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}

describe("a person another provider enrolled", () => {
  it("is never rewritten by this provider's import; a different name for the ID is refused", async () => {
    const other = new Client(app.base);
    await other.login("provider.linxing");
    const created = await other.post("/provider?index", {
      name: "2026年矿山专职安全管理人员林兴班", year: "2026", industry: "MINING", category: "SAFETY_MANAGER", startDate: "2026-05-01", endDate: "2026-05-05",
    });
    const otherClass = created.headers.get("Location")!.split("/").pop()!;
    const before = await app.db.trainee.findFirstOrThrow({ where: { name: "学员1" } });
    const upload2 = (csv: string) => {
      const form = new FormData();
      form.set("intent", "import");
      form.set("roster", new Blob([csv]), "r.csv");
      return other.post(`/provider/classes/${otherClass}`, form);
    };
    const wrongName = await upload2(`${HEAD}\n冒名,${id(0)},${enterprise},,13911112222,经理\n`);
    expect(wrongName.status).toBe(400);
    const text = await wrongName.text();
    expect(text).toContain("第 2 行 姓名 与该身份证号已登记的姓名不一致");
    expect(text).not.toContain("学员1");
    const sameName = await upload2(`${HEAD}\n学员1,${id(0)},${enterprise},,13911112222,经理\n`);
    expect(sameName.status).toBe(200);
    const after = await app.db.trainee.findFirstOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before); // phone and job title untouched
    expect(await app.db.enrolment.count({ where: { traineeId: before.id } })).toBe(2);
  });
});
