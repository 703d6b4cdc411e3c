// Staff sign-in and sessions over real HTTP against a real database.
import { createHash } from "node:crypto";
import { Client, startApp, type TestApp } from "../support/app";

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

describe("sign-in", () => {
  it("issues a fresh 256-bit token in an httpOnly SameSite=Lax cookie and stores only its hash", async () => {
    const c = new Client(app.base);
    c.cookies.set("ankao_session", "attacker-chosen-token");
    const res = await c.login("examiner");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = c.cookies.get("ankao_session")!;
    expect(token).not.toBe("attacker-chosen-token"); // no fixation
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    expect(await app.db.authSession.findUnique({ where: { id: hashOf(token) } })).not.toBeNull();
    expect(await app.db.authSession.findUnique({ where: { id: token } })).toBeNull();
    expect(res.headers.get("Location")).toBe("/examiner");
  });

  it("stores passwords as argon2id with at least OWASP's cost", async () => {
    const u = await app.db.user.findUniqueOrThrow({ where: { username: "examiner" } });
    // The suite runs with ARGON2_FAST; the production parameters are asserted in the unit test.
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=1\$/);
  });

  it("gives the same answer for an unknown user and a wrong password", async () => {
    const a = await new Client(app.base).post("/login", { username: "nobody-here", password: "whatever123" });
    const b = await new Client(app.base).post("/login", { username: "auditor", password: "wrong-password-1" });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const strip = (s: string) => s.replace(/<input[^>]*name="next"[^>]*>/g, "");
    expect(strip(await a.text())).toBe(strip(await b.text()));
  });

  it("rate-limits one account after 5 failures, even with the right password", async () => {
    const c = new Client(app.base);
    for (let i = 0; i < 5; i++) expect((await c.post("/login", { username: "proctor.jiayin", password: "bad-password-1" })).status).toBe(401);
    const res = await c.post("/login", { username: "proctor.jiayin", password: "ankao-demo-2025" });
    expect(res.status).toBe(429);
    expect(await res.text()).toMatch(/尝试次数过多/);
  });

  it("logout invalidates the session on the server, not just the cookie", async () => {
    const c = new Client(app.base);
    await c.login("auditor");
    const token = c.cookies.get("ankao_session")!;
    expect((await c.get("/auditor")).status).toBe(200);
    await c.post("/logout", {});
    const replay = new Client(app.base);
    replay.cookies.set("ankao_session", token);
    expect((await replay.get("/auditor")).status).toBe(302);
  });

  it("disabling an account ends its sessions at once", async () => {
    const admin = new Client(app.base);
    await admin.login("admin");
    const victim = new Client(app.base);
    await victim.login("provider.linxing");
    expect((await victim.get("/provider")).status).toBe(200);
    const u = await app.db.user.findUniqueOrThrow({ where: { username: "provider.linxing" } });
    expect((await admin.post("/admin/users", { intent: "disable", userId: u.id })).status).toBe(200);
    expect((await victim.get("/provider")).status).toBe(302);
    expect((await new Client(app.base).post("/login", { username: "provider.linxing", password: "ankao-demo-2025" })).status).toBe(401);
    await admin.post("/admin/users", { intent: "enable", userId: u.id });
  });

  it("an admin can revoke a user's sessions", async () => {
    const admin = new Client(app.base);
    await admin.login("admin");
    const other = new Client(app.base);
    await other.login("examiner");
    const u = await app.db.user.findUniqueOrThrow({ where: { username: "examiner" } });
    await admin.post("/admin/users", { intent: "revoke", userId: u.id });
    expect((await other.get("/examiner")).status).toBe(302);
  });

  it("expires idle sessions", async () => {
    const c = new Client(app.base);
    await c.login("auditor");
    const id = hashOf(c.cookies.get("ankao_session")!);
    await app.db.authSession.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await c.get("/auditor")).status).toBe(302);
  });

  it("expires sessions at the absolute timeout even when active", async () => {
    const c = new Client(app.base);
    await c.login("auditor");
    const id = hashOf(c.cookies.get("ankao_session")!);
    await app.db.authSession.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await c.get("/auditor")).status).toBe(302);
  });

  it("refuses cross-site form posts (CSRF)", async () => {
    const c = new Client(app.base);
    await c.login("admin");
    const before = await app.db.county.count();
    const res = await c.post("/admin/org/counties", { code: "230799", name: "测试区", kind: "DISTRICT" }, { origin: "http://evil.example" });
    expect(res.status).toBe(403);
    const noOrigin = await c.post("/admin/org/counties", { code: "230799", name: "测试区", kind: "DISTRICT" }, { origin: null });
    expect(noOrigin.status).toBe(403);
    expect(await app.db.county.count()).toBe(before);
  });

  it("writes an audit row for admin changes", async () => {
    const c = new Client(app.base);
    await c.login("admin");
    const res = await c.post("/admin/org/counties", { code: "230798", name: "示例新区", kind: "DISTRICT" });
    expect(res.status).toBe(200);
    const row = await app.db.auditLog.findFirst({ where: { action: "county.create" }, orderBy: { id: "desc" } });
    expect(row?.actorRole).toBe("ADMIN");
    expect(row?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
