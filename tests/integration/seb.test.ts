// The examiner's .seb download over HTTP: who may fetch it, that it holds the session's settings
// for the address the app is reached at, that X-Ankao-Config-Key is the key those exact bytes
// give, and that a kiosk request hashed with that key passes the gate the kiosk uses.
import { gunzipSync } from "node:zlib";
import { expectedHeader, sessionSebSettings } from "~/domain/seb";
import { sebFile } from "~/services/seb-file.server";
import { sebGate } from "~/utils/seb.server";
import { Client, startApp, type TestApp } from "../support/app";

let app: TestApp;
let examiner: Client;

async function makeSession(code: string, data: { sebSettings?: string; requireCamera?: boolean } = {}) {
  const venue = await app.db.venue.findFirstOrThrow();
  const by = await app.db.user.findFirstOrThrow({ where: { username: "examiner" } });
  const startsAt = new Date("2025-06-01T01:00:00Z");
  return app.db.examSession.create({
    data: {
      code,
      name: `SEB ${code}`,
      venueId: venue.id,
      countyId: venue.countyId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
      durationMin: 120,
      requireSeb: true,
      createdBy: by.id,
      ...data,
    },
  });
}

beforeAll(async () => {
  app = await startApp();
  examiner = new Client(app.base);
  await examiner.login("examiner");
});
afterAll(() => app?.stop());

describe("GET /examiner/sessions/:id/seb", () => {
  it("returns 'plnd' + gzip(plist) of the session's settings and their Config Key", async () => {
    const s = await makeSession("SEB-1", { requireCamera: true, sebSettings: '{"allowQuit":true,"hashedQuitPassword":"abc"}' });
    const res = await examiner.get(`/examiner/sessions/${s.id}/seb`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/seb");
    expect(res.headers.get("Content-Disposition")).toContain("SEB-1.seb");
    const bytes = Buffer.from(await res.arrayBuffer());
    const key = res.headers.get("X-Ankao-Config-Key")!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);

    // The settings for this origin, merged with the stored ones; the file is exactly their .seb.
    const expected = sessionSebSettings({ origin: app.base, sebSettings: s.sebSettings, requireCamera: true });
    if (!expected.ok) throw new Error(expected.error);
    expect(expected.settings).toMatchObject({ startURL: `${app.base}/kiosk`, allowQuit: true, hashedQuitPassword: "abc", allowVideoCapture: true });
    const file = sebFile(expected.settings);
    expect(key).toBe(file.configKey);
    expect(bytes.equals(file.bytes)).toBe(true);
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("plnd");
    const xml = gunzipSync(bytes.subarray(4)).toString("utf8");
    expect(xml).toContain(`<string>${app.base}/kiosk</string>`);

    // A kiosk request hashed the way SEB does it with this key passes the kiosk's gate.
    const url = `${app.base}/kiosk?step=rules`;
    const kioskReq = new Request(url, { headers: { Host: new URL(app.base).host, "X-SafeExamBrowser-ConfigKeyHash": expectedHeader(url, key) } });
    expect(sebGate(kioskReq, s)).toMatchObject({ ok: true, via: "header", configKey: key });
  });

  it("answers 404 for an unknown session and 422 with the field for unusable stored settings", async () => {
    expect((await examiner.get("/examiner/sessions/no-such-session/seb")).status).toBe(404);
    const bad = await makeSession("SEB-BAD", { sebSettings: '{"URLFilterRules":[{"expression":null}]}' });
    const res = await examiner.get(`/examiner/sessions/${bad.id}/seb`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("sebSettings.URLFilterRules[0].expression");
  });

  it("is for the exam office only", async () => {
    const s = await makeSession("SEB-2");
    const anon = await new Client(app.base).get(`/examiner/sessions/${s.id}/seb`);
    expect(anon.status).toBe(302);
    for (const who of ["proctor.tieli", "provider.xingan", "auditor", "admin"]) {
      const c = new Client(app.base);
      await c.login(who);
      const res = await c.get(`/examiner/sessions/${s.id}/seb`);
      expect(res.status, who).toBe(403);
      expect(res.headers.get("X-Ankao-Config-Key"), who).toBeNull();
    }
  });
});
