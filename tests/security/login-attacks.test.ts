// Attacks on signing in: password guessing and spraying at the staff login, ticket-code guessing
// at the kiosk (per ID number and per kiosk), session fixation (staff and kiosk), and logout
// ending the session on the server, not just in the browser.
import { createHash } from "node:crypto";
import { makeIdNumber } from "~/domain/id-number";
import { Client, startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession } from "../support/exam-setup";

let app: TestApp;
let ses: Awaited<ReturnType<typeof prepareSession>>;
const tokenOf = (c: Client) => c.cookies.get("ankao_session");
const sha = (t: string) => createHash("sha256").update(t).digest("hex");

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app);
});
afterAll(() => app?.stop());
// Each test proves one limit, from a clean slate.
beforeEach(() => app.db.rateLimit.deleteMany({}));

describe("staff login brute force", () => {
  it("one account locks after 5 wrong passwords, even for the right one, and says when to retry", async () => {
    const c = new Client(app.base);
    for (let i = 0; i < 5; i++) expect((await c.post("/login", { username: "examiner", password: `guess-${i}` })).status).toBe(401);
    const res = await c.post("/login", { username: "examiner", password: "ankao-demo-2025" });
    expect(res.status).toBe(429);
    expect(await res.text()).toMatch(/"retryAfter":\d+/);
    expect(tokenOf(c)).toBeUndefined();
    // Another account is not locked by it.
    await new Client(app.base).login("auditor");
  });

  it("spraying many accounts from one address hits the per-address limit; X-Forwarded-For does not reset it", async () => {
    const c = new Client(app.base);
    let limited = 0;
    for (let i = 0; i < 30; i++) {
      const res = await c.request("/login", { method: "POST", body: new URLSearchParams({ username: `nobody${i}`, password: "123456" }), headers: { "X-Forwarded-For": `10.0.${i}.1` } });
      if (res.status === 429) limited++;
      await res.arrayBuffer();
    }
    expect(limited).toBe(0);
    const res = await c.request("/login", { method: "POST", body: new URLSearchParams({ username: "admin", password: "ankao-demo-2025" }), headers: { "X-Forwarded-For": "203.0.113.9" } });
    expect(res.status).toBe(429);
    expect(tokenOf(c)).toBeUndefined();
  });
});

describe("kiosk ticket-code guessing", () => {
  it("an ID number locks after 5 wrong ticket codes — on every kiosk, not just the one that guessed", async () => {
    const c = ses.candidates[3];
    const a = new Kiosk(app.base);
    for (let i = 0; i < 5; i++) expect((await a.signIn({ idNumber: c.idNumber, ticket: `WRONG${i}XY` })).status).toBe(401);
    expect((await a.signIn(c)).status).toBe(429);
    const b = new Kiosk(app.base); // a fresh kiosk cookie
    const res = await b.signIn(c);
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("尝试次数过多");
    expect(b.cookies.has("ankao_candidate")).toBe(false);
  });

  it("one kiosk locks after 20 sign-in attempts across ID numbers, even for a right pair", async () => {
    const k = new Kiosk(app.base);
    for (let i = 0; i < 20; i++) {
      const id = makeIdNumber("230781", "19800101", 100 + i); // valid, but nobody's
      expect((await k.signIn({ idNumber: id, ticket: "ABCD2345" })).status).toBe(401);
    }
    expect((await k.signIn(ses.candidates[4])).status).toBe(429);
    expect(await app.db.attempt.count({ where: { registrationId: ses.candidates[4].registrationId } })).toBe(0);
  });

  it("one address locks after 200 failed sign-ins, however often the kiosk cookie is dropped", async () => {
    let k = new Kiosk(app.base);
    for (let i = 0; i < 200; i++) {
      if (i % 19 === 0) k = new Kiosk(app.base); // a fresh cookie before the per-kiosk limit (20) is reached
      const id = makeIdNumber("230781", "19810101", 100 + i); // valid, but nobody's
      expect((await k.signIn({ idNumber: id, ticket: "ABCD2345" })).status).toBe(401);
    }
    const res = await new Kiosk(app.base).signIn(ses.candidates[6]);
    expect(res.status).toBe(429);
    expect(await res.text()).toContain("尝试次数过多");
    expect(await app.db.attempt.count({ where: { registrationId: ses.candidates[6].registrationId } })).toBe(0);
  });

  it("successful sign-ins do not count against the address", async () => {
    await app.db.rateLimit.create({ data: { key: "kiosk-failures:127.0.0.1", windowStart: new Date(), count: 199 } });
    for (const c of ses.candidates.slice(7, 10)) expect((await new Kiosk(app.base).signIn(c)).status).toBe(302);
    expect((await app.db.rateLimit.findUniqueOrThrow({ where: { key: "kiosk-failures:127.0.0.1" } })).count).toBe(199);
  });

  it("a wrong ticket and an unknown ID number get the same answer (no roster oracle)", async () => {
    const k = new Kiosk(app.base);
    const wrongTicket = await k.signIn({ idNumber: ses.candidates[5].idNumber, ticket: "ZZZZ2345" });
    const unknownId = await k.signIn({ idNumber: makeIdNumber("230781", "19790101", 7), ticket: "ZZZZ2345" });
    expect(wrongTicket.status).toBe(unknownId.status);
    expect(await wrongTicket.text()).toBe(await unknownId.text());
  });
});

describe("session fixation", () => {
  it("a planted staff cookie is replaced at sign-in, and an attacker's own valid token never becomes the victim's", async () => {
    const attacker = new Client(app.base);
    await attacker.login("provider.xingan");
    const planted = tokenOf(attacker)!;
    const victim = new Client(app.base);
    victim.cookies.set("ankao_session", planted);
    await victim.login("examiner");
    const fresh = tokenOf(victim)!;
    expect(fresh).not.toBe(planted);
    expect(fresh.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    // The planted token is still the attacker's provider session, not the examiner's.
    const replay = new Client(app.base);
    replay.cookies.set("ankao_session", planted);
    expect((await replay.get("/examiner")).status).toBe(403);
    // A made-up token is no session at all.
    const madeUp = new Client(app.base);
    madeUp.cookies.set("ankao_session", "attacker-chosen-value-0123456789abcdef0123456");
    await madeUp.login("examiner");
    expect(tokenOf(madeUp)).not.toBe("attacker-chosen-value-0123456789abcdef0123456");
    expect(await app.db.authSession.findUnique({ where: { id: sha("attacker-chosen-value-0123456789abcdef0123456") } })).toBeNull();
  });

  it("every sign-in issues a new token", async () => {
    const c = new Client(app.base);
    await c.login("auditor");
    const first = tokenOf(c);
    await c.login("auditor");
    expect(tokenOf(c)).not.toBe(first);
  });

  it("a planted kiosk candidate token is replaced by the candidate's own at sign-in", async () => {
    const k = new Kiosk(app.base);
    await k.get("/kiosk");
    k.cookies.set("ankao_candidate", "someone-elses-attempt.forged-mac");
    expect((await k.signIn(ses.candidates[6])).status).toBe(302);
    const [attemptId] = k.cookies.get("ankao_candidate")!.split(".");
    expect((await app.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).registrationId).toBe(ses.candidates[6].registrationId);
  });
});

describe("logout", () => {
  it("revokes the session on the server: the old cookie replayed is signed out", async () => {
    const c = new Client(app.base);
    await c.login("admin");
    const token = tokenOf(c)!;
    const res = await c.post("/logout", {});
    expect(res.status).toBe(302);
    expect(tokenOf(c)).toBeUndefined();
    expect((await app.db.authSession.findUniqueOrThrow({ where: { id: sha(token) } })).revokedAt).not.toBeNull();
    const replay = new Client(app.base);
    replay.cookies.set("ankao_session", token);
    const page = await replay.get("/admin");
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toMatch(/^\/login/);
  });

  it("a cross-site logout is refused (no forced sign-out either)", async () => {
    const c = new Client(app.base);
    await c.login("admin");
    expect((await c.post("/logout", {}, { origin: "https://evil.example" })).status).toBe(403);
    expect((await c.get("/admin")).status).toBe(200);
  });
});
