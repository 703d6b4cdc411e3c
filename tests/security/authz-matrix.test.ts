// The exhaustive authorisation matrix, generated: every route file in app/routes, with its $params
// filled with real ids — including another county's session, attempt and snapshot and another
// provider's class and certificate — requested by anon, every role and a kiosk candidate. Nothing
// leaks: out-of-scope is 403/404, anon meets the login page, and nothing answers 500.
// (tests/integration/access-matrix.test.ts keeps the short hand-written table.)
import { Client, startApp, type TestApp } from "../support/app";
import { OUT_OF_SCOPE, probesFor, type Probe, type Scope } from "../support/route-probes";
import { routeFiles, urlOf, type RouteFile } from "../support/routes";
import { buildWorld, type World } from "../support/security-world";

const STAFF = ["admin", "examiner", "proctor.tieli", "proctor.jiayin", "provider.linxing", "provider.xingan", "auditor"] as const;
type Staff = (typeof STAFF)[number];
type Who = Staff | "anon" | "kiosk";
const EVERYONE: Who[] = ["anon", "kiosk", ...STAFF];

/** Expected status (or any of several) for one caller and probe. */
type Rule = (who: Who, p: Probe) => number | number[];

let app: TestApp;
let world: World;
const clients = new Map<Who, Client>();

function inScope(who: Who, scope: Scope): boolean {
  if (!scope) return true;
  if (who.startsWith("proctor.")) return !scope.county || who === `proctor.${scope.county}`;
  if (who.startsWith("provider.")) return !scope.provider || who === `provider.${scope.provider}`;
  return true;
}

// ───────── who may use what ─────────

const AREA: Record<string, Who[]> = {
  admin: ["admin"],
  examiner: ["examiner"],
  proctor: ["proctor.tieli", "proctor.jiayin"],
  provider: ["provider.linxing", "provider.xingan"],
  auditor: ["auditor"],
};

/**
 * Staff routes: only `roles`; another scope is refused. Without a staff session a page
 * navigation goes to the login page (302), and anything else (a form post, an API call) may be
 * refused outright (403) instead.
 */
const staff =
  (roles: Who[]): Rule =>
  (who, p) =>
    who === "anon" || who === "kiosk" ? [302, 403] : !roles.includes(who) ? 403 : inScope(who, p.scope) ? p.ok ?? 200 : OUT_OF_SCOPE;
const everyone = (status: number | ((p: Probe) => number | number[])): Rule => (_w, p) => (typeof status === "number" ? status : status(p));

/**
 * Routes whose GET rule is not "only its area's role". Every other route file must sit under an
 * area prefix (admin., examiner., …); a route that is neither fails the suite until classified.
 */
const GET_RULES: Record<string, Rule> = {
  _index: everyone(302),
  login: (who) => (STAFF.includes(who as Staff) ? 302 : 200),
  logout: everyone(302),
  lang: everyone(302),
  "verify.$number": everyone((p) => p.ok ?? 200),
  "verify.keys[.json]": everyone(200),
  // The kiosk: public sign-in page; the rest only for this kiosk's signed-in candidate.
  "kiosk._index": (who) => (who === "kiosk" ? 302 : 200),
  "kiosk.exam": (who) => (who === "kiosk" ? 200 : 302),
  "kiosk.api.$op": (who, p) => (who === "kiosk" ? p.ok ?? 200 : 401),
  "kiosk.events": (who) => (who === "kiosk" ? 200 : 401),
  // The bank is readable by ADMIN too (bank.read).
  ...Object.fromEntries(["examiner.bank._index", "examiner.bank.$id", "examiner.bank.coverage", "examiner.bank.export", "examiner.bank.new", "examiner.bank.upload"].map((id) => [id, staff(["examiner", "admin"])])),
  // Report downloads (resource routes, so no area layout in front): report.read = examiner and auditor.
  "examiner.reports.files.$file": staff(["examiner", "auditor"]),
  "examiner.ledger.export": staff(["examiner", "auditor"]),
  "auditor.ledger.export": staff(["examiner", "auditor"]),
  // The POST-only endpoint answers GET with 405 to any proctor, before looking at the id.
  "proctor.sessions.$id.act": (who, p) => staff(AREA.proctor)(who, { ...p, scope: null, ok: 405 }),
};

/** Harmless POST bodies per action route, and the rule when it is not the area's. */
const POSTS: Record<string, { body: (w: World) => Record<string, string> | FormData; rule?: Rule; skip?: Who[] }> = {
  // A failed sign-in renders the page again, and the page sends a signed-in user home.
  login: { body: () => ({ username: "", password: "" }), rule: (who) => (STAFF.includes(who as Staff) ? 302 : 401) },
  // Logging out a shared test client would end its session; logout is covered in login-attacks.
  logout: { body: () => ({}), rule: everyone(302), skip: [...STAFF] },
  lang: { body: () => ({ lang: "zh" }), rule: everyone(302) },
  // Refused sign-in; the kiosk that has a candidate is sent back to the exam by the page's loader.
  "kiosk._index": { body: () => ({ idNumber: "", ticket: "" }), rule: (who) => (who === "kiosk" ? 302 : 400) },
  "kiosk.api.$op": { body: () => ({}), rule: (who, p) => (who === "kiosk" ? p.ok ?? 200 : 401) },
  "admin.org.$kind": { body: () => ({}), rule: (who, p) => staff(AREA.admin)(who, { ...p, ok: p.ok ?? 400 }) },
  "admin.users": { body: () => ({ intent: "nope" }), rule: (w, p) => staff(AREA.admin)(w, { ...p, ok: 400 }) },
  "examiner.bank.$id": { body: () => ({ intent: "nope" }), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.bank.new": { body: () => ({}), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.bank.upload": { body: () => ({ intent: "nope" }), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.blueprints": { body: () => ({ name: "" }), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.certificates": { body: () => ({ intent: "nope" }), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.papers.$id": { body: () => ({ intent: "verify" }), rule: (w, p) => staff(["examiner"])(w, p) },
  "examiner.papers._index": { body: () => ({}), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.sessions.$id": { body: () => ({ intent: "nope" }), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "examiner.sessions._index": { body: () => ({}), rule: (w, p) => staff(["examiner"])(w, { ...p, ok: 400 }) },
  "provider._index": { body: () => ({}), rule: (w, p) => staff(AREA.provider)(w, { ...p, ok: 400 }) },
  // A valid hours record for nobody: in scope "选择至少一名学员" (400), out of scope 404.
  "provider.classes.$id": {
    body: () => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ intent: "hours", mode: "OFFLINE", hours: "1", date: "2025-03-04", subject: "矩阵探测" })) f.append(k, v);
      return f;
    },
    rule: (w, p) => staff(AREA.provider)(w, { ...p, ok: p.ok ?? 400 }),
  },
  // An incident note: written in scope (200), refused for another county's session.
  "proctor.sessions.$id.act": { body: () => ({ op: "incident", category: "OTHER", note: "矩阵探测 matrix probe" }), rule: staff(AREA.proctor) },
};

/** For POST, ops that would end the test's exam (submit, leave) are not probed. */
const postProbes = (r: RouteFile, w: World) =>
  r.id === "kiosk.api.$op"
    ? [
        { params: { op: "heartbeat" }, scope: null, label: "heartbeat" },
        { params: { op: "nope" }, scope: null, ok: 404, label: "unknown op" },
      ]
    : probesFor(r, w);

function ruleFor(r: RouteFile, method: "GET" | "POST"): Rule {
  if (method === "POST" && POSTS[r.id]?.rule) return POSTS[r.id].rule!;
  if (GET_RULES[r.id]) return GET_RULES[r.id];
  const area = r.id.split(".")[0];
  if (AREA[area]) return staff(AREA[area]);
  throw new Error(`${r.id}: unclassified route — add its rule to GET_RULES (and POSTS if it has an action)`);
}

// ───────── probing ─────────

interface Seen {
  status: number;
  location: string | null;
}

async function probe(c: Client, method: "GET" | "POST", url: string, body?: Record<string, string> | FormData): Promise<Seen> {
  // GETs as a browser navigates (a link, the address bar).
  const res = method === "POST" ? await c.post(url, body ?? {}) : await c.request(url, { headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
  // Streams never end by themselves: read the first frame, then hang up.
  if ((res.headers.get("Content-Type") ?? "").startsWith("text/event-stream")) {
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
  } else await res.arrayBuffer();
  return { status: res.status, location: res.headers.get("Location") };
}

function check(who: Who, want: number | number[], seen: Seen, staffRoute: boolean, method: "GET" | "POST" = "GET"): string | null {
  // A navigation without a staff session always lands on the login page.
  if (staffRoute && method === "GET" && (who === "anon" || who === "kiosk")) want = 302;
  const ok = Array.isArray(want) ? want.includes(seen.status) : want === seen.status;
  if (!ok) return `${who}: got ${seen.status}, want ${Array.isArray(want) ? want.join("|") : want}`;
  if (seen.status >= 500) return `${who}: ${seen.status}`;
  if (staffRoute && (who === "anon" || who === "kiosk") && seen.status === 302 && !seen.location?.startsWith("/login?next="))
    return `${who}: redirected to ${seen.location}, not the login page`;
  return null;
}

const ROUTES = routeFiles();

beforeAll(async () => {
  app = await startApp();
  world = await buildWorld(app);
  for (const who of STAFF) {
    const c = new Client(app.base);
    await c.login(who);
    clients.set(who, c);
  }
  clients.set("anon", new Client(app.base));
  clients.set("kiosk", world.exams.tieli.kiosk);
}, 300_000);
afterAll(() => app?.stop());

describe("every route file is found and classified", () => {
  it("reads app/routes and maps file names to URLs", () => {
    const byId = new Map(ROUTES.map((r) => [r.id, r.pattern]));
    expect(ROUTES.length).toBeGreaterThan(60);
    expect(byId.get("proctor.sessions.$id.act")).toBe("/proctor/sessions/:id/act");
    expect(byId.get("verify.keys[.json]")).toBe("/verify/keys.json");
    expect(byId.get("examiner.bank._index")).toBe("/examiner/bank");
    expect(byId.get("_index")).toBe("/");
  });
  it("has a rule for every route, and a probe body for every action", () => {
    const unclassified = ROUTES.filter((r) => {
      try {
        ruleFor(r, "GET");
        return false;
      } catch {
        return true;
      }
    });
    expect(unclassified.map((r) => r.id)).toEqual([]);
    expect(ROUTES.filter((r) => r.action && !POSTS[r.id]).map((r) => r.id)).toEqual([]);
  });
});

describe("GET every route as every caller", () => {
  for (const r of ROUTES.filter((x) => x.loader || x.layout))
    it(`${r.pattern} (${r.id})`, async () => {
      const rule = ruleFor(r, "GET");
      const staffRoute = !!AREA[r.id.split(".")[0]];
      const problems: string[] = [];
      for (const p of probesFor(r, world)) {
        const url = urlOf(r.pattern, p.params);
        for (const who of EVERYONE) {
          if (r.id === "verify.$number") await app.db.rateLimit.deleteMany({ where: { key: { startsWith: "verify:" } } });
          const bad = check(who, rule(who, p), await probe(clients.get(who)!, "GET", url), staffRoute);
          if (bad) problems.push(`${url} [${p.label}] ${bad}`);
        }
      }
      expect(problems).toEqual([]);
    });
});

describe("POST every action as every caller", () => {
  for (const r of ROUTES.filter((x) => x.action))
    it(`${r.pattern} (${r.id})`, async () => {
      const rule = ruleFor(r, "POST");
      const staffRoute = !!AREA[r.id.split(".")[0]];
      const problems: string[] = [];
      for (const p of postProbes(r, world)) {
        const url = urlOf(r.pattern, p.params) + (r.id.endsWith("._index") ? "?index" : "");
        for (const who of EVERYONE) {
          if (POSTS[r.id]?.skip?.includes(who)) continue;
          const bad = check(who, rule(who, p), await probe(clients.get(who)!, "POST", url, POSTS[r.id].body(world)), staffRoute, "POST");
          if (bad) problems.push(`POST ${url} [${p.label}] ${bad}`);
        }
      }
      expect(problems).toEqual([]);
    });
});

describe("malformed request bodies never cause a 500", () => {
  const BODIES: Array<{ label: string; type: string | null; body: BodyInit }> = [
    { label: "multipart without boundary", type: "multipart/form-data", body: "intent=x" },
    { label: "multipart with a broken body", type: "multipart/form-data; boundary=zz", body: "--zz\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nx" },
    { label: "bad percent-encoding", type: "application/x-www-form-urlencoded", body: "intent=%E4%ZZ&%%%=%" },
    { label: "broken JSON", type: "application/json", body: '{"intent": ' },
    { label: "binary, no type", type: null, body: new Uint8Array([0, 255, 1, 254, 0x0a, 0x3d]) },
  ];
  for (const r of ROUTES.filter((x) => x.action))
    it(`${r.pattern} (${r.id})`, async () => {
      const p = postProbes(r, world)[0];
      const url = urlOf(r.pattern, p.params) + (r.id.endsWith("._index") ? "?index" : "");
      const rule = ruleFor(r, "POST");
      // The callers the route lets through to its action, and anon.
      const callers = EVERYONE.filter((w) => w === "anon" || ![302, 401, 403].includes([rule(w, p)].flat()[0])).filter((w) => !POSTS[r.id]?.skip?.includes(w));
      const problems: string[] = [];
      for (const who of callers)
        for (const b of BODIES) {
          const res = await clients.get(who)!.request(url, { method: "POST", body: b.body, headers: b.type ? { "Content-Type": b.type } : {} });
          await res.arrayBuffer();
          if (res.status >= 500) problems.push(`${who} ${b.label}: ${res.status}`);
        }
      expect(problems).toEqual([]);
    });
});

describe("IDOR through ids in bodies and tokens", () => {
  const act = (who: Who, sessionId: string, fields: Record<string, string>) => clients.get(who)!.post(`/proctor/sessions/${sessionId}/act`, fields);

  it("a proctor cannot reach another county's candidate through their own session", async () => {
    const { tieli, jiayin } = world.exams;
    const before = await app.db.attempt.findFirstOrThrow({ where: { registrationId: jiayin.registrationId } });
    for (const action of ["pause", "terminate", "extend", "transfer", "absent"]) {
      const res = await act("proctor.tieli", tieli.sessionId, { op: "candidate", registrationId: jiayin.registrationId, action, reason: "越权测试", minutes: "10" });
      expect(res.status, action).toBe(404);
    }
    const res = await act("proctor.tieli", tieli.sessionId, { op: "incident", category: "OTHER", note: "越权测试", registrationId: jiayin.registrationId });
    expect(res.status).toBe(200); // the note is filed in the proctor's own room, not linked to the other attempt
    const inc = await app.db.incident.findFirstOrThrow({ where: { note: "越权测试" } });
    expect(inc).toMatchObject({ sessionId: tieli.sessionId, attemptId: null });
    expect(await app.db.attempt.findFirstOrThrow({ where: { registrationId: jiayin.registrationId } })).toEqual(before);
  });

  it("a proctor cannot act on, open or close another county's room", async () => {
    const { jiayin } = world.exams;
    const events = await app.db.examEvent.count({ where: { sessionId: jiayin.sessionId } });
    const tries: Array<Record<string, string>> = [
      { op: "room", action: "pause", reason: "越权测试" },
      { op: "close" },
      { op: "candidate", registrationId: jiayin.registrationId, action: "terminate", reason: "越权测试" },
      { op: "candidate", registrationId: jiayin.otherRegistrationId, action: "absent", reason: "越权测试" },
    ];
    for (const fields of tries)
      expect((await act("proctor.tieli", jiayin.sessionId, fields)).status, JSON.stringify(fields)).toBe(403);
    expect(await app.db.examEvent.count({ where: { sessionId: jiayin.sessionId } })).toBe(events);
    expect((await app.db.examSession.findUniqueOrThrow({ where: { id: jiayin.sessionId } })).status).not.toBe("CLOSED");
  });

  it("a kiosk token names one attempt on one kiosk: another attempt's id or another kiosk is refused", async () => {
    const { tieli, jiayin } = world.exams;
    const other = await app.db.attempt.findFirstOrThrow({ where: { registrationId: jiayin.registrationId } });
    const mine = tieli.kiosk.cookies.get("ankao_candidate")!;
    const [, mac] = mine.split(".");
    // Another attempt's id with this kiosk's MAC.
    const forged = new Client(app.base);
    forged.cookies.set("ankao_kiosk", tieli.kiosk.cookies.get("ankao_kiosk")!);
    forged.cookies.set("ankao_candidate", `${other.id}.${mac}`);
    // This candidate's genuine token carried to another kiosk.
    const stolen = new Client(app.base);
    stolen.cookies.set("ankao_kiosk", "AAAAAAAAAAAAAAAAAAAAAA");
    stolen.cookies.set("ankao_candidate", mine);
    for (const c of [forged, stolen]) {
      for (const op of ["state", "paper"]) expect((await c.get(`/kiosk/api/${op}`)).status).toBe(401);
      expect((await c.request("/kiosk/api/save", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ position: 1, answer: true, seq: 99 }) })).status).toBe(401);
      const ev = await c.get("/kiosk/events");
      expect(ev.status).toBe(401);
      await ev.arrayBuffer();
    }
    expect(await app.db.response.count({ where: { attemptId: other.id } })).toBe(0);
  });

  it("a provider cannot import a roster into, or record hours for, another provider's class", async () => {
    const theirs = world.certs.xingan.classId;
    const f = new FormData();
    f.append("intent", "import");
    f.append("roster", new Blob(["姓名,身份证号\n"], { type: "text/csv" }), "r.csv");
    const before = await app.db.enrolment.count({ where: { classId: theirs } });
    expect((await clients.get("provider.linxing")!.post(`/provider/classes/${theirs}`, f)).status).toBe(404);
    expect(await app.db.enrolment.count({ where: { classId: theirs } })).toBe(before);
  });
});
