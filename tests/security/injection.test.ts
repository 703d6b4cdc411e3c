// Injection: stored XSS in a question's stem and option (bank workspace), a trainee's name (roster
// import) and an incident note (proctor action) renders inert on every page that shows it; SQL
// metacharacters in every filter and search parameter are just text; path traversal in every
// file route's $param and in static paths never returns a file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeIdNumber } from "~/domain/id-number";
import { Client, startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { Kiosk, prepareSession, proctorAct } from "../support/exam-setup";
import { routeFiles, urlOf } from "../support/routes";

const XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'] as const;
const ESCAPED = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"] as const;
const SQL = ["' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE \"Question\"; --", '" OR ""="', "1) UNION SELECT * FROM \"User\" --"];

let app: TestApp;
const as: Record<"examiner" | "provider" | "proctor" | "auditor", Client> = {} as never;

beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  for (const [k, u] of [["examiner", "examiner"], ["provider", "provider.xingan"], ["proctor", "proctor.tieli"], ["auditor", "auditor"]] as const) {
    as[k] = new Client(app.base);
    await as[k].login(u);
  }
}, 180_000);
afterAll(() => app?.stop());

const page = async (c: Client, path: string) => {
  const res = await c.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

/** The payloads show as text: escaped in the markup, never a live tag — in the HTML and in the page's embedded data. */
function assertInert(where: string, html: string, expectShown = true) {
  expect(html, where).not.toMatch(/<script>alert\(1\)|<img src=x onerror/i);
  if (expectShown) for (const e of ESCAPED) expect(html.includes(e) || html.includes(e.replace(/&quot;/g, "&#x27;")), `${where}: ${e}`).toBe(true);
}

describe("stored XSS renders inert", () => {
  it("in a question's stem and option, on the question page, its edit form and the bank list", async () => {
    const q = await app.db.question.findFirstOrThrow({ where: { id: "aqf-s-001" }, include: { current: true } });
    const v = q.current!;
    const res = await as.examiner.post("/examiner/bank/new", {
      intent: "save",
      id: "xss-002",
      type: "single",
      topic: v.topic,
      stem: `${XSS[0]}${XSS[1]}依据法规，下列做法正确的是（  ）。`,
      option: [`甲${XSS[0]}`, `乙${XSS[1]}`, "丙", "丁", ""],
      answer: "A",
      explanation: `解析${XSS[0]}`,
      source: v.source,
      industry: v.industries.split(",").filter(Boolean),
      audience: v.audiences.split(",").filter(Boolean),
      difficulty: "2",
    });
    expect(res.status, await res.clone().text()).toBe(302);
    const stored = await app.db.question.findUniqueOrThrow({ where: { id: "xss-002" }, include: { current: true } });
    expect(stored.current!.stem.startsWith(XSS[0])).toBe(true); // kept verbatim, escaped on output
    assertInert("question page", await page(as.examiner, "/examiner/bank/xss-002"));
    assertInert("edit form", await page(as.examiner, "/examiner/bank/xss-002?edit"));
    assertInert("bank list", await page(as.examiner, `/examiner/bank?q=${encodeURIComponent("alert(1)")}`));
  });

  describe("in trainee names and an incident note, through an exam", () => {
    let classId: string;
    let ses: Awaited<ReturnType<typeof prepareSession>>;

    it("a roster import stores the names as given; the provider's class page shows them as text", async () => {
      const created = await as.provider.post("/provider?index", {
        name: "2026年矿山专职安全管理人员注入测试班", year: "2026", industry: "MINING", category: "SAFETY_MANAGER",
        startDate: "2026-03-02", endDate: "2026-03-06", location: "铁力市",
      });
      expect(created.status).toBe(302);
      classId = created.headers.get("Location")!.split("/").pop()!;
      const enterprise = (await app.db.enterprise.findFirstOrThrow({ where: { industry: "MINING" } })).name;
      const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
      const csv = ["姓名,身份证号,企业名称,统一社会信用代码,手机号,岗位", ...XSS.map((name, i) => `${csvCell(name)},${makeIdNumber("230781", "19860101", 600 + i)},${enterprise},,,${csvCell(XSS[1 - i])}`)].join("\n");
      const form = new FormData();
      form.set("intent", "import");
      form.set("roster", new Blob([csv]), "roster.csv");
      const res = await as.provider.post(`/provider/classes/${classId}`, form);
      expect(res.status, await res.clone().text()).toBe(200);
      const names = (await app.db.enrolment.findMany({ where: { classId }, include: { trainee: true } })).map((e) => e.trainee.name).sort();
      expect(names).toEqual([...XSS].sort());
      // Hours, so both may sit.
      const enrolments = await app.db.enrolment.findMany({ where: { classId } });
      for (const date of ["2026-03-02", "2026-03-03"]) {
        const h = new FormData();
        for (const [k, val] of Object.entries({ intent: "hours", mode: "OFFLINE", hours: "8", date, subject: "安全生产法律法规" })) h.set(k, val);
        for (const e of enrolments) h.append("enrolmentId", e.id);
        expect((await as.provider.post(`/provider/classes/${classId}`, h)).status).toBe(200);
      }
      assertInert("provider class page", await page(as.provider, `/provider/classes/${classId}`));
    });

    it("the examiner's session page, the proctor's room and the kiosk show the names as text", async () => {
      ses = await prepareSession(app, { className: "2026年矿山专职安全管理人员注入测试班", bank: false });
      expect(ses.candidates.map((c) => c.name).sort()).toEqual([...XSS].sort());
      assertInert("examiner session page", await page(ses.examiner, `/examiner/sessions/${ses.sessionId}`));
      const k = new Kiosk(app.base);
      expect((await k.signIn(ses.candidates[0])).status).toBe(302);
      const kiosk = await page(k, "/kiosk/exam");
      assertInert("kiosk exam page", kiosk, false);
      // The name is there, escaped: as text in the markup or as \u003c… in the embedded data.
      expect(kiosk).toMatch(/&lt;script&gt;alert\(1\)|\\u003cscript\\u003ealert\(1\)|&lt;img src=x onerror=alert\(1\)&gt;|\\u003cimg src=x onerror/);
      assertInert("proctor room page", await page(as.proctor, `/proctor/sessions/${ses.sessionId}`));
      expect((await proctorAct(as.proctor, ses.sessionId, { op: "candidate", registrationId: ses.candidates[0].registrationId, action: "admit" })).data.ok).toBe(true);
    });

    it("an incident note is stored as written, shown as text, and printed as text in the room record", async () => {
      const note = `考生异常${XSS[0]}${XSS[1]}`;
      expect((await proctorAct(as.proctor, ses.sessionId, { op: "incident", category: "EXAMINEE", note, registrationId: ses.candidates[0].registrationId })).data.ok).toBe(true);
      expect((await app.db.incident.findFirstOrThrow({ where: { sessionId: ses.sessionId } })).note).toBe(note);
      assertInert("proctor room page after the note", await page(as.proctor, `/proctor/sessions/${ses.sessionId}`));
      // Finish the room and print its record: the note is text in the PDF.
      expect((await proctorAct(as.proctor, ses.sessionId, { op: "candidate", registrationId: ses.candidates[0].registrationId, action: "submit", reason: "收卷" })).data.ok).toBe(true);
      for (const c of ses.candidates.slice(1)) await proctorAct(as.proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "absent", reason: "未到场" });
      const closed = await proctorAct(as.proctor, ses.sessionId, { op: "close" });
      expect(closed.data, JSON.stringify(closed.data)).toMatchObject({ ok: true });
      const pdf = await as.proctor.get(`/proctor/sessions/${ses.sessionId}/record`);
      expect(pdf.status).toBe(200);
      const file = join(mkdtempSync(join(tmpdir(), "ankao-record-")), "record.pdf");
      writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      rmSync(join(file, ".."), { recursive: true, force: true });
      expect(text).toContain("alert(1)");
      expect(text).toContain("<script>");
    });
  });
});

describe("SQL metacharacters in filters are plain text", () => {
  const FILTERS: Array<{ who: keyof typeof as; path: string; params: string[] }> = [
    { who: "examiner", path: "/examiner/bank", params: ["q", "type", "topic", "industry", "audience", "difficulty", "status", "page"] },
    { who: "examiner", path: "/examiner/bank/coverage", params: ["blueprint", "industry", "category"] },
    { who: "examiner", path: "/examiner/bank/new", params: ["type", "topic"] },
    { who: "examiner", path: "/examiner/blueprints", params: ["edit"] },
    { who: "examiner", path: "/examiner/certificates", params: ["class"] },
    { who: "provider", path: "/provider/certificates", params: ["class"] },
    { who: "examiner", path: "/examiner/ledger", params: ["year", "enterprise", "short", "trainee"] },
    { who: "auditor", path: "/auditor/ledger", params: ["year", "enterprise", "short", "trainee"] },
    { who: "auditor", path: "/auditor/ledger/export", params: ["year", "enterprise", "short", "format"] },
    ...["coverage", "pass-rates", "fee-list", "acceptance", "items"].map((r) => ({ who: "examiner" as const, path: `/examiner/reports/${r}`, params: ["year", "by", "flag"] })),
    ...["coverage", "pass-rates", "fee-list"].map((r) => ({ who: "provider" as const, path: `/provider/reports/${r}`, params: ["year", "by"] })),
    ...["coverage", "pass-rates", "fee-list", "acceptance"].map((r) => ({ who: "auditor" as const, path: `/auditor/${r}`, params: ["year", "by"] })),
    { who: "examiner", path: "/examiner/reports/files/fee-list.pdf", params: ["year", "provider"] },
    { who: "provider", path: "/provider/roster-template/download", params: ["format"] },
  ];
  const dbErrors = /SQLITE|syntax error|PrismaClient|prisma\.|at \w+ \(|Invalid `/;

  for (const f of FILTERS)
    it(`${f.path}: ${f.params.join(", ")}`, async () => {
      const problems: string[] = [];
      for (const param of f.params)
        for (const s of SQL) {
          const res = await as[f.who].get(`${f.path}?${new URLSearchParams({ [param]: s })}`);
          const body = (res.headers.get("Content-Type") ?? "").match(/html|json|text/) ? await res.text() : "";
          if (res.status >= 500 || ![200, 400, 404].includes(res.status)) problems.push(`${param}=${s}: ${res.status}`);
          if (dbErrors.test(body)) problems.push(`${param}=${s}: database error text in the response`);
        }
      expect(problems).toEqual([]);
    });

  it("a bank search finds exactly the stems holding the characters, and an injection finds none", async () => {
    const rows = await app.db.question.findMany({ where: { status: "ACTIVE" }, include: { current: true } });
    const tables = await app.db.question.count();
    const countOf = (html: string) => Number(/共 (\d+) 题/.exec(html)?.[1]);
    for (const s of SQL) {
      const want = rows.filter((r) => r.current!.stem.includes(s) || r.id.includes(s)).length;
      expect(countOf(await page(as.examiner, `/examiner/bank?q=${encodeURIComponent(s)}`)), s).toBe(want);
    }
    expect(await app.db.question.count()).toBe(tables); // '; DROP TABLE … dropped nothing
  });

  it("the public verify page and a trainee lookup treat injections as unknown", async () => {
    for (const s of SQL) {
      const res = await new Client(app.base).get(`/verify/${encodeURIComponent(s)}`);
      expect([404, 429]).toContain(res.status);
      await res.arrayBuffer();
    }
    expect(await page(as.examiner, `/examiner/ledger?trainee=${encodeURIComponent("' OR 1=1 --")}`)).toContain("未找到该学员");
  });
});

describe("path traversal never reaches a file", () => {
  const TRAVERSALS = ["..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....%2F%2F....%2F%2Fetc%2Fpasswd", "..%5C..%5Cetc%5Cpasswd", "%2Fetc%2Fpasswd", "passwd%00.pdf", "..%2F..%2Fdata%2Fankao.db", "..%2F..%2Fpackage.json"];
  const LEAKS = /root:.*:0:0:|SQLite format 3|"name":\s*"ankao"|ANKAO_SECRET|BEGIN PRIVATE KEY/;
  const ROLE: Record<string, keyof typeof as> = { examiner: "examiner", provider: "provider", proctor: "proctor", auditor: "auditor" };

  it("in every $param of every route, as the role that may use it", async () => {
    const problems: string[] = [];
    for (const r of routeFiles().filter((x) => x.params.length && x.loader)) {
      const c = ROLE[r.id.split(".")[0]] ? as[ROLE[r.id.split(".")[0]]] : new Client(app.base);
      for (const t of TRAVERSALS) {
        const url = urlOf(r.pattern, Object.fromEntries(r.params.map((p) => [p, "__"]))).replace(/__/g, t);
        const res = await c.get(url);
        const body = Buffer.from(await res.arrayBuffer()).toString("latin1");
        if (res.status === 200 || res.status >= 500) problems.push(`${url}: ${res.status}`);
        if (LEAKS.test(body)) problems.push(`${url}: file content in the response`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("in snapshot ids and static asset paths", async () => {
    const paths = [
      ...["..%2F..%2F..%2Fetc%2Fpasswd", "..%2F..%2Fkeys%2Fapp-secret", "%2E%2E%2F%2E%2E%2Fankao.db"].map((t) => `/proctor/snapshots/${t}`),
      "/build/..%2F..%2Fpackage.json", "/..%2Fpackage.json", "/%2e%2e/%2e%2e/etc/passwd", "/build/%2e%2e/%2e%2e/data/ankao.db", "/favicon.ico/..%2F..%2Fpackage.json", "/public/../package.json",
    ];
    for (const p of paths) {
      const res = await as.proctor.get(p);
      const body = Buffer.from(await res.arrayBuffer()).toString("latin1");
      expect(res.status, p).not.toBe(200);
      expect(res.status, p).toBeLessThan(500);
      expect(LEAKS.test(body), p).toBe(false);
    }
  });
});

describe("NUL characters (PostgreSQL cannot store them) are refused or dropped, never a 500", () => {
  it("in URLs, form fields, kiosk JSON, roster cells and bank files", async () => {
    const ses = await prepareSession(app, { className: "2025年矿山班组长工伤预防培训班", bank: false });
    const before = { trainees: await app.db.trainee.count(), incidents: await app.db.incident.count(), versions: await app.db.questionVersion.count() };
    // URLs: every id and query.
    for (const url of ["/verify/abc%00", `/examiner/sessions/${ses.sessionId}%00`, "/examiner/bank?q=%00", "/examiner/ledger?trainee=a%00b"]) {
      const res = await as.examiner.get(url);
      expect(res.status, url).toBe(400);
      await res.arrayBuffer();
    }
    // Form fields: the staff login and a proctor's note.
    const login = await new Client(app.base).post("/login", { username: "adm\0in", password: "x" });
    expect(login.status).toBe(400);
    const note = await as.proctor.post(`/proctor/sessions/${ses.sessionId}/act`, { op: "incident", category: "OTHER", note: "备注\0x" });
    expect(note.status).toBe(400);
    expect(await note.text()).toContain("note");
    // Kiosk JSON: dropped, the event is kept.
    const k = new Kiosk(app.base);
    expect((await k.signIn(ses.candidates[0])).status).toBe(302);
    expect((await k.api("event", { kind: "BLUR", detail: "切\u0000屏" })).status).toBe(200);
    expect((await app.db.integrityEvent.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).detail).toBe("切屏");
    // A roster cell: a problem on its line.
    const enterprise = (await app.db.enterprise.findFirstOrThrow({ where: { industry: "MINING" } })).name;
    const form = new FormData();
    form.set("intent", "import");
    form.set("roster", new Blob([`姓名,身份证号,企业名称,统一社会信用代码,手机号,岗位\n张\u0000三,${makeIdNumber("230781", "19850101", 777)},${enterprise},,,\n`]), "r.csv");
    const classId = (await app.db.trainingClass.findFirstOrThrow({ where: { name: "2025年矿山班组长工伤预防培训班" } })).id;
    const roster = await as.provider.post(`/provider/classes/${classId}?_data=${encodeURIComponent("routes/provider.classes.$id")}`, form);
    expect(roster.status).toBe(400);
    expect(JSON.stringify(await roster.json())).toContain("第 2 行 姓名 含有空字符");
    // A bank file with "\0" escapes: a problem at preview, refused at confirm.
    const yaml = `defaults:\n  topic: 安全生产法\n  type: judge\n  industry: [general]\n  audience: [SAFETY_LEADER]\n  difficulty: 2\nquestions:\n  - id: nul-j-001\n    stem: "生产经营单位\\0必须遵守安全生产法律法规（  ）。"\n    answer: true\n    explanation: 解析。\n    source: 《安全生产法》第四条\n`;
    const upload = new FormData();
    upload.set("intent", "preview");
    upload.append("files", new Blob([yaml]), "nul.yaml");
    const preview = await as.examiner.post("/examiner/bank/upload?_data=routes%2Fexaminer.bank.upload", upload);
    expect(preview.status).toBe(400);
    expect(JSON.stringify(await preview.json())).toContain("NUL");
    const confirm = await as.examiner.post("/examiner/bank/upload?_data=routes%2Fexaminer.bank.upload", { intent: "confirm", payload: JSON.stringify([{ name: "nul.yaml", data: Buffer.from(yaml).toString("base64") }]) });
    expect(confirm.status).toBe(400);
    expect({ trainees: await app.db.trainee.count(), incidents: await app.db.incident.count(), versions: await app.db.questionVersion.count() }).toEqual(before);
  });
});
