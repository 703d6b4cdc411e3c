// The server is killed (kill -9) in the middle of an exam taken in Chromium, with a camera
// required (Chromium's fake camera). After the restart every acknowledged answer is there, the
// deadline is unchanged, and the kiosk carries on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { spawnApp, type AppProcess } from "../../scripts/lib/server-process";
import { launch, shot } from "../support/browser";
import { Client } from "../support/app";
import { freshDatabase } from "../support/db";
import { prepareSession, proctorAct } from "../support/exam-setup";

let browser: Browser;
let server: AppProcess;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  fresh = await freshDatabase();
  const { seedDemo } = await import("../../prisma/seed");
  await seedDemo(fresh.db);
  dataDir = mkdtempSync(join(tmpdir(), "ankao-restart-"));
  env = { DATABASE_URL: fresh.url, DATA_DIR: dataDir, ANKAO_SECRET: process.env.ANKAO_SECRET!, NODE_ENV: "test", ARGON2_FAST: "1" };
  server = await spawnApp(env);
  browser = await launch(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fresh?.cleanup();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it("keeps every acknowledged answer and the deadline across a kill -9 and restart", async () => {
  const app = { base: server.base, db: fresh.db, stop: async () => {} };
  const ses = await prepareSession(app, { requireCamera: true });
  const c = ses.candidates[0];
  const proctor = new Client(server.base);
  await proctor.login("proctor.tieli");

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${server.base}/kiosk`);
  await page.getByLabel("身份证号").fill(c.idNumber);
  await page.getByLabel("准考证校验码（8 位）").fill(c.ticket);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "请等待监考员确认身份" }).waitFor();
  // The fake camera's sign-in snapshot arrives, so the proctor may admit.
  const reg = await fresh.db.registration.findUniqueOrThrow({ where: { id: c.registrationId }, include: { attempt: true } });
  for (let i = 0; i < 50 && (await fresh.db.snapshot.count({ where: { attemptId: reg.attempt!.id } })) === 0; i++) await page.waitForTimeout(200);
  const snap = await fresh.db.snapshot.findFirstOrThrow({ where: { attemptId: reg.attempt!.id } });
  expect(snap).toMatchObject({ purpose: "SIGN_IN", mime: "image/jpeg" });
  expect(snap.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect((await proctorAct(proctor, ses.sessionId, { op: "candidate", registrationId: c.registrationId, action: "admit" })).data.ok).toBe(true);

  await page.getByRole("button", { name: "进入全屏继续答题" }).click();
  await page.locator(".q-stem").waitFor();
  for (let i = 0; i < 5; i++) {
    await page.locator(".option").first().click();
    await page.getByRole("button", { name: "下一题 →" }).click();
  }
  await page.getByText("✓ 已保存").waitFor();
  const before = await fresh.db.attempt.findUniqueOrThrow({ where: { id: reg.attempt!.id } });
  const acked = await fresh.db.response.findMany({ where: { attemptId: before.id }, orderBy: { position: "asc" } });
  expect(acked.length).toBe(5);

  await server.kill9();
  // While the server is down the kiosk keeps answering into its outbox.
  for (let i = 0; i < 2; i++) {
    await page.locator(".option").first().click();
    await page.getByRole("button", { name: "下一题 →" }).click();
  }
  await page.getByText("网络中断：答案已暂存在本机，恢复后自动上传").waitFor({ timeout: 20_000 });
  await shot(page, "kiosk-8-server-down");

  server = await spawnApp(env, { port: server.port });
  await page.getByText("✓ 已保存").waitFor({ timeout: 30_000 });
  const after = await fresh.db.attempt.findUniqueOrThrow({ where: { id: before.id } });
  expect(after.deadlineAt?.toISOString()).toBe(before.deadlineAt?.toISOString());
  expect(after.state).toBe("IN_PROGRESS");
  const rows = await fresh.db.response.findMany({ where: { attemptId: before.id }, orderBy: { position: "asc" } });
  for (const a of acked) expect(rows.find((r) => r.position === a.position)?.answer).toBe(a.answer);
  expect(rows.length).toBe(7);
});
