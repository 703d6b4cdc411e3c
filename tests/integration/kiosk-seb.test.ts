// Safe Exam Browser at the kiosk: without the right Config Key hash nothing works; with the
// header computed the way the SEB client does (sha256 of URL + Config Key), everything does.
import { startApp, type TestApp } from "../support/app";
import { Kiosk, prepareSession } from "../support/exam-setup";

let app: TestApp;
let ses: Awaited<ReturnType<typeof prepareSession>>;
let configKey: string;

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app, { requireSeb: true });
  const res = await ses.examiner.get(`/examiner/sessions/${ses.sessionId}/seb`);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 4).toString()).toBe("plnd");
  configKey = res.headers.get("X-Ankao-Config-Key")!;
  expect(configKey).toMatch(/^[0-9a-f]{64}$/);
});
afterAll(() => app?.stop());

it("refuses a browser without SEB at sign-in, clearly", async () => {
  const k = new Kiosk(app.base);
  const res = await k.signIn(ses.candidates[0]);
  expect(res.status).toBe(403);
  expect(await res.text()).toContain("请使用安全考试浏览器");
});

it("refuses a wrong Config Key", async () => {
  const k = new Kiosk(app.base);
  k.sebConfigKey = "0".repeat(64);
  expect((await k.signIn(ses.candidates[0])).status).toBe(403);
});

it("accepts SEB with the session's Config Key on every request", async () => {
  const k = new Kiosk(app.base);
  k.sebConfigKey = configKey;
  expect((await k.signIn(ses.candidates[0])).status).toBe(302);
  expect((await k.api("state")).data.state).toBe("AWAITING");
  // The same candidate's kiosk token without the header is refused.
  const plain = new Kiosk(app.base);
  plain.cookies = new Map(k.cookies);
  const r = await plain.api("state");
  expect(r.status).toBe(403);
  expect(r.data.error).toBe("请使用安全考试浏览器");
});
