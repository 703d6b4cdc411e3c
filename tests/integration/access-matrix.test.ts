// Every route × every role over real HTTP: 200 where the role belongs, 403 where it does not,
// 302 to the login page without a session, 404 for another provider's class (scope).
import { Client, startApp, type TestApp } from "../support/app";

const ROLES = ["admin", "examiner", "proctor.tieli", "provider.xingan", "auditor"] as const;
type Who = (typeof ROLES)[number] | "anon";

let app: TestApp;
let ownClass: string; // provider.xingan's
let otherClass: string; // provider.linxing's
const clients = new Map<Who, Client>();

beforeAll(async () => {
  app = await startApp();
  const xingan = await app.db.provider.findFirstOrThrow({ where: { name: "伊春兴安职业技能培训学校" } });
  ownClass = (await app.db.trainingClass.findFirstOrThrow({ where: { providerId: xingan.id } })).id;
  otherClass = (await app.db.trainingClass.findFirstOrThrow({ where: { providerId: { not: xingan.id } } })).id;
  for (const who of ROLES) {
    const c = new Client(app.base);
    await c.login(who);
    clients.set(who, c);
  }
  clients.set("anon", new Client(app.base));
});
afterAll(() => app?.stop());

/** Expected status per caller; anything not listed is 403, and anon is 302 unless the route is public. */
type Row = { path: () => string; ok: Partial<Record<Who, number>>; method?: "GET" | "POST"; body?: Record<string, string> };
const only = (who: Who, status = 200) => ({ [who]: status });

const ROUTES: Row[] = [
  { path: () => "/admin", ok: only("admin") },
  { path: () => "/admin/users", ok: only("admin") },
  ...["counties", "venues", "enterprises", "providers"].map((k) => ({ path: () => `/admin/org/${k}`, ok: only("admin") })),
  { path: () => "/examiner", ok: only("examiner") },
  { path: () => "/examiner/classes", ok: only("examiner") },
  { path: () => "/examiner/bank", ok: { examiner: 200, admin: 200 } },
  { path: () => "/examiner/bank/new", ok: { examiner: 200, admin: 200 } },
  { path: () => "/examiner/bank/upload", ok: { examiner: 200, admin: 200 } },
  { path: () => "/examiner/bank/coverage", ok: { examiner: 200, admin: 200 } },
  { path: () => "/examiner/bank/export", ok: { examiner: 200, admin: 200 } },
  { path: () => "/examiner/bank/no-such-question", ok: { examiner: 404, admin: 404 } },
  { path: () => "/proctor", ok: only("proctor.tieli") },
  { path: () => "/provider", ok: only("provider.xingan") },
  { path: () => "/provider/roster-template", ok: only("provider.xingan") },
  { path: () => "/provider/roster-template/download?format=xlsx", ok: only("provider.xingan") },
  { path: () => `/provider/classes/${ownClass}`, ok: only("provider.xingan") },
  { path: () => `/provider/classes/${otherClass}`, ok: only("provider.xingan", 404) },
  { path: () => "/auditor", ok: only("auditor") },
  // Certificates and the retraining ledger.
  { path: () => "/examiner/certificates", ok: only("examiner") },
  { path: () => `/examiner/certificates?class=${ownClass}`, ok: only("examiner") },
  { path: () => "/examiner/certificates/no-such-cert/pdf", ok: only("examiner", 404) },
  { path: () => `/examiner/certificates/class/${ownClass}`, ok: only("examiner") },
  { path: () => "/provider/certificates", ok: only("provider.xingan") },
  { path: () => "/provider/certificates/no-such-cert/pdf", ok: only("provider.xingan", 404) },
  { path: () => `/provider/certificates/class/${ownClass}`, ok: only("provider.xingan") },
  { path: () => `/provider/certificates/class/${otherClass}`, ok: only("provider.xingan", 404) },
  { path: () => "/examiner/ledger", ok: only("examiner") },
  { path: () => "/examiner/ledger/export?format=csv", ok: { examiner: 200, auditor: 200 } },
  { path: () => "/auditor/ledger", ok: only("auditor") },
  { path: () => "/auditor/ledger/export?format=xlsx", ok: { examiner: 200, auditor: 200 } },
  // Reports: the auditor's read-only area, the exam office's (item statistics: examiners only),
  // a provider's own (scoped). Report files need "report.read", which auditors hold too.
  { path: () => "/auditor/coverage?by=county", ok: only("auditor") },
  { path: () => "/auditor/pass-rates", ok: only("auditor") },
  { path: () => "/auditor/fee-list", ok: only("auditor") },
  { path: () => "/auditor/acceptance", ok: only("auditor") },
  { path: () => "/auditor/files/fee-list.xlsx", ok: only("auditor") },
  { path: () => "/auditor/files/fee-list.pdf", ok: only("auditor") },
  { path: () => "/auditor/files/acceptance.pdf", ok: only("auditor") },
  { path: () => "/examiner/reports", ok: only("examiner") },
  { path: () => "/examiner/reports/coverage?by=provider", ok: only("examiner") },
  { path: () => "/examiner/reports/pass-rates", ok: only("examiner") },
  { path: () => "/examiner/reports/fee-list", ok: only("examiner") },
  { path: () => "/examiner/reports/acceptance", ok: only("examiner") },
  { path: () => "/examiner/reports/items", ok: only("examiner") },
  { path: () => "/examiner/reports/files/fee-list.xlsx", ok: { examiner: 200, auditor: 200 } },
  { path: () => "/examiner/reports/files/acceptance.pdf", ok: { examiner: 200, auditor: 200 } },
  { path: () => "/provider/reports", ok: only("provider.xingan") },
  { path: () => "/provider/reports/coverage?by=class", ok: only("provider.xingan") },
  { path: () => "/provider/reports/pass-rates", ok: only("provider.xingan") },
  { path: () => "/provider/reports/fee-list", ok: only("provider.xingan") },
  { path: () => "/provider/reports/files/fee-list.xlsx", ok: only("provider.xingan") },
  { path: () => "/provider/reports/files/acceptance.pdf", ok: only("provider.xingan", 404) },
  // Public: certificate verification needs no login.
  { path: () => "/verify/YCYJ-2000-00001", ok: { admin: 404, examiner: 404, "proctor.tieli": 404, "provider.xingan": 404, auditor: 404, anon: 404 } },
  { path: () => "/verify/keys.json", ok: { admin: 200, examiner: 200, "proctor.tieli": 200, "provider.xingan": 200, auditor: 200, anon: 200 } },
  // Actions: refused before any work is done.
  { path: () => "/admin/users", method: "POST", body: { intent: "revoke", userId: "x" }, ok: only("admin") },
  { path: () => "/admin/org/counties", method: "POST", body: { code: "x" }, ok: only("admin", 400) },
  { path: () => "/provider?index", method: "POST", body: { name: "x" }, ok: only("provider.xingan", 400) },
  { path: () => "/examiner/bank/new", method: "POST", body: { type: "x" }, ok: only("examiner", 400) },
  { path: () => "/examiner/bank/no-such-question", method: "POST", body: { intent: "retire" }, ok: only("examiner", 404) },
  { path: () => "/examiner/bank/upload", method: "POST", body: { intent: "confirm", payload: "[]" }, ok: only("examiner", 400) },
  { path: () => "/examiner/certificates", method: "POST", body: { intent: "revoke", certificateId: "x", reason: "" }, ok: only("examiner", 400) },
  { path: () => "/examiner/certificates", method: "POST", body: { intent: "issue", enrolmentId: "x" }, ok: only("examiner", 404) },
  // Auditors are read-only: their pages have no actions at all, for anybody.
  { path: () => "/auditor?index", method: "POST", body: { year: "2025" }, ok: { admin: 405, examiner: 405, "proctor.tieli": 405, "provider.xingan": 405, auditor: 405, anon: 405 } },
  { path: () => "/auditor/fee-list", method: "POST", body: { year: "2025" }, ok: { admin: 405, examiner: 405, "proctor.tieli": 405, "provider.xingan": 405, auditor: 405, anon: 405 } },
];

describe("access matrix", () => {
  for (const r of ROUTES)
    for (const who of [...ROLES, "anon"] as Who[]) {
      // Anonymous page visits go to the login page; anonymous actions are simply refused.
      const expected = who === "anon" ? r.ok.anon ?? (r.method === "POST" ? 403 : 302) : r.ok[who] ?? 403;
      it(`${r.method ?? "GET"} ${r.path.toString().match(/`([^`]+)`|"([^"]+)"/)?.slice(1).find(Boolean)} as ${who} → ${expected}`, async () => {
        const c = clients.get(who)!;
        const res = r.method === "POST" ? await c.post(r.path(), r.body ?? {}) : await c.get(r.path());
        expect(res.status).toBe(expected);
        if (expected === 302) expect(res.headers.get("Location")).toMatch(/^\/login\?next=/);
      });
    }
});

describe("培考分离: providers never reach exam content", () => {
  it("a provider's area shows no bank, paper or session links", async () => {
    const html = await (await clients.get("provider.xingan")!.get("/provider")).text();
    expect(html).not.toMatch(/\/examiner\//);
  });
});
