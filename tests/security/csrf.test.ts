// CSRF against every action route (read from app/routes): a POST whose Origin is another site,
// whose only Referer is another site, or that names no origin at all is refused with 403 for every
// caller — signed in or not — and writes nothing. The same request from our own origin does.
import { Client, startApp, type TestApp } from "../support/app";
import { fingerprint } from "../support/db-fingerprint";
import { probesFor } from "../support/route-probes";
import { routeFiles, urlOf } from "../support/routes";
import { buildWorld, type World } from "../support/security-world";

const WHO = ["admin", "examiner", "proctor.tieli", "provider.xingan", "auditor"] as const;
let app: TestApp;
let world: World;
const clients: Array<[string, Client]> = [];

/** A body that would do something on many routes if it got through. */
const BODY = { intent: "create", op: "incident", category: "OTHER", note: "CSRF 测试", name: "CSRF测试班", username: "csrf.user", password: "ankao-demo-2025", lang: "en", code: "239999" };
const ATTACKS: Array<{ label: string; headers: Record<string, string>; origin: string | null }> = [
  { label: "foreign Origin", headers: {}, origin: "https://evil.example" },
  { label: "sibling port", headers: {}, origin: "http://127.0.0.1:1" },
  { label: "Origin null", headers: {}, origin: "null" },
  { label: "foreign Referer, no Origin", headers: { Referer: "https://evil.example/page" }, origin: null },
  { label: "no Origin, no Referer", headers: {}, origin: null },
];

beforeAll(async () => {
  app = await startApp();
  world = await buildWorld(app);
  for (const who of WHO) {
    const c = new Client(app.base);
    await c.login(who);
    clients.push([who, c]);
  }
  clients.push(["kiosk", world.exams.tieli.kiosk], ["anon", new Client(app.base)]);
}, 300_000);
afterAll(() => app?.stop());

describe("every action refuses a cross-site POST", () => {
  for (const r of routeFiles().filter((x) => x.action))
    it(`${r.pattern} (${r.id})`, async () => {
      const before = await fingerprint(app.db);
      const url = urlOf(r.pattern, (r.id === "kiosk.api.$op" ? { op: "save" } : probesFor(r, world)[0].params) as Record<string, string>) + (r.id.endsWith("._index") ? "?index" : "");
      const problems: string[] = [];
      for (const [who, c] of clients)
        for (const a of ATTACKS) {
          const cookies = new Map(c.cookies);
          const res = await c.request(url, {
            method: "POST",
            origin: a.origin,
            headers: r.id === "kiosk.api.$op" ? { ...a.headers, "Content-Type": "application/json" } : a.headers,
            body: r.id === "kiosk.api.$op" ? JSON.stringify({ position: 1, answer: true, seq: 999 }) : new URLSearchParams(BODY),
          });
          const text = await res.text();
          if (res.status !== 403) problems.push(`${who} ${a.label}: ${res.status}`);
          else if (!text.includes("Cross-site request refused")) problems.push(`${who} ${a.label}: 403 without the refusal text`);
          if (res.headers.getSetCookie().length) problems.push(`${who} ${a.label}: sets a cookie`);
          c.cookies = cookies;
        }
      expect(problems).toEqual([]);
      expect(await fingerprint(app.db)).toEqual(before);
    });

  it("the same request from our own origin does go through (the check above can see a write)", async () => {
    const before = await fingerprint(app.db);
    const proctor = clients.find(([w]) => w === "proctor.tieli")![1];
    const res = await proctor.post(`/proctor/sessions/${world.exams.tieli.sessionId}/act`, BODY);
    expect(res.status).toBe(200);
    expect(await fingerprint(app.db)).not.toEqual(before);
  });
});
