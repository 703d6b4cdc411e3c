// A sitting in real Chromium: a proctor console and kiosks in one browser. Sign in, admit from
// the console, answer, reload and resume, leave full screen (flagged live on the console),
// pause/resume/extend reaching the kiosk, go offline and come back, submit, release, score.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { Client, startApp, type TestApp } from "../support/app";
import { launch, shot, signIn } from "../support/browser";
import { prepareSession, proctorAct, type Candidate } from "../support/exam-setup";

let app: TestApp;
let browser: Browser;
let ses: Awaited<ReturnType<typeof prepareSession>>;
let proctorPage: Page;

beforeAll(async () => {
  app = await startApp();
  ses = await prepareSession(app, { releaseMode: "MANUAL" });
  browser = await launch(["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]);
  const pctx = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  proctorPage = await pctx.newPage();
  await signIn(proctorPage, app.base, "proctor.tieli");
  await proctorPage.goto(`${app.base}/proctor/sessions/${ses.sessionId}`);
  await proctorPage.getByText("● 实时").waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function kiosk(c: Candidate): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${app.base}/kiosk`);
  await page.getByLabel("身份证号").fill(c.idNumber);
  await page.getByLabel("准考证校验码（8 位）").fill(c.ticket);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "请等待监考员确认身份" }).waitFor();
  return { ctx, page };
}
const tile = (seat: string) => proctorPage.locator(`.tile[data-seat="${seat}"]`);
const attempt = (c: Candidate) => app.db.attempt.findFirstOrThrow({ where: { registrationId: c.registrationId } });
const remainingSec = async (page: Page) => {
  const t = (await page.locator(".timer").innerText()).replace("剩余 ", "");
  const parts = t.split(":").map(Number);
  return parts.reduce((a, n) => a * 60 + n, 0);
};

it("sign in, admit from the console, answer, reload and resume", async () => {
  const c = ses.candidates[0];
  const { page } = await kiosk(c);
  await shot(page, "kiosk-1-waiting");
  await tile(c.seat).getByText("待放行").waitFor();
  await tile(c.seat).click();
  await proctorPage.getByRole("button", { name: "放行", exact: true }).click();
  await tile(c.seat).getByText("答题中").waitFor({ timeout: 10_000 }).catch(async (e) => {
    await shot(proctorPage, "debug-proctor");
    throw e;
  });
  // The kiosk opens live; the paper appears only in full screen.
  await page.getByRole("button", { name: "进入全屏继续答题" }).click();
  await page.locator(".q-stem").waitFor();
  await shot(page, "kiosk-2-question");
  for (let i = 0; i < 3; i++) {
    await page.locator(".option").first().click();
    await page.getByRole("button", { name: "下一题 →" }).click();
  }
  await page.getByText("✓ 已保存").waitFor();
  const before = await remainingSec(page);
  await page.reload();
  await page.getByRole("button", { name: "进入全屏继续答题" }).click();
  await page.locator(".q-stem").waitFor();
  expect(await page.locator(".grid .cell.done").count()).toBe(3);
  expect(Math.abs((await remainingSec(page)) - before)).toBeLessThan(10);
  await shot(page, "kiosk-3-after-reload");
});

let second: Page;
it("a second kiosk in the same room is admitted with 全部放行", async () => {
  const c = ses.candidates[1];
  second = (await kiosk(c)).page;
  await tile(c.seat).getByText("待放行").waitFor();
  await proctorPage.getByRole("button", { name: "全部放行", exact: true }).click();
  await tile(c.seat).getByText("答题中").waitFor();
  await second.getByRole("button", { name: "进入全屏继续答题" }).click();
  await second.locator(".q-stem").waitFor();
});

it("leaving full screen blanks the paper, is recorded and flags the tile live", async () => {
  const c = ses.candidates[0];
  const page = browser.contexts()[1].pages()[0];
  await page.evaluate(() => document.exitFullscreen());
  await page.getByText("考试须在全屏模式下进行。").waitFor();
  expect(await page.locator(".q-stem").count()).toBe(0);
  await tile(c.seat).locator(".tile-warn").getByText("退出全屏").waitFor();
  await shot(proctorPage, "proctor-1-flagged");
  const a = await attempt(c);
  expect(await app.db.integrityEvent.count({ where: { attemptId: a.id, kind: "FULLSCREEN_EXIT" } })).toBe(1);
  await page.getByRole("button", { name: "进入全屏继续答题" }).click();
  await page.locator(".q-stem").waitFor();
});

it("pause stops the kiosk's clock; resume and extend reach the kiosk", async () => {
  const c = ses.candidates[0];
  const page = (await browser.contexts()[1].pages())[0];
  proctorPage.on("dialog", (d) => void d.accept(d.message().includes("多少分钟") ? "10" : "测试原因"));
  await tile(c.seat).click();
  await proctorPage.getByRole("button", { name: "暂停", exact: true }).click();
  await page.getByText("考试已由监考员暂停，计时已停止。").waitFor();
  const paused = await remainingSec(page);
  const otherBefore = await remainingSec(second);
  await page.waitForTimeout(2200);
  expect(await remainingSec(page)).toBe(paused);
  // Only this candidate was paused: the other kiosk's clock runs on.
  expect(await remainingSec(second)).toBeLessThan(otherBefore);
  await shot(page, "kiosk-4-paused");
  await proctorPage.getByRole("button", { name: "继续", exact: true }).click();
  await page.locator(".q-stem").waitFor();
  await proctorPage.getByRole("button", { name: "延长时间" }).click();
  await page.waitForFunction((p) => {
    const t = document.querySelector(".timer")?.textContent?.replace("剩余 ", "") ?? "0";
    return t.split(":").map(Number).reduce((a, n) => a * 60 + n, 0) > p + 500;
  }, paused);
  expect(await remainingSec(page)).toBeGreaterThan(paused + 9 * 60);
  await shot(proctorPage, "proctor-2-console");
});

it("goes offline, keeps answering, and everything arrives when the network is back", async () => {
  const c = ses.candidates[0];
  const ctx = browser.contexts()[1];
  const page = ctx.pages()[0];
  await page.locator(".grid .cell").nth(9).click(); // fresh items, not the three answered before
  await ctx.setOffline(true);
  for (let i = 0; i < 3; i++) {
    await page.locator(".option").nth(1).click();
    await page.getByRole("button", { name: "下一题 →" }).click();
  }
  await page.getByText("网络中断：答案已暂存在本机，恢复后自动上传").waitFor({ timeout: 20_000 });
  await shot(page, "kiosk-5-offline");
  await ctx.setOffline(false);
  await page.getByText("✓ 已保存").waitFor({ timeout: 30_000 });
  const a = await attempt(c);
  expect(await app.db.response.count({ where: { attemptId: a.id, NOT: { answer: "null" } } })).toBe(6);
});

it("submits with a confirmation listing unanswered items; the score appears once released", async () => {
  const c = ses.candidates[0];
  const page = (await browser.contexts()[1].pages())[0];
  await page.locator(".navigator").getByRole("button", { name: "交卷" }).click();
  await page.getByText("还有 84 题未作答").waitFor();
  await shot(page, "kiosk-6-confirm");
  await page.getByRole("button", { name: "确认交卷" }).click();
  await page.getByRole("heading", { name: "已提交" }).waitFor();
  await page.getByText("成绩将在考务部门公布后可查询").waitFor();
  await tile(c.seat).getByText("已交卷").waitFor();
  // Everyone else is collected so that results can be released.
  await second.close();
  const proctorApi = new Client(app.base);
  await proctorApi.login("proctor.tieli");
  await proctorAct(proctorApi, ses.sessionId, { op: "candidate", registrationId: ses.candidates[1].registrationId, action: "submit", reason: "考试结束收卷" });
  for (const other of ses.candidates.slice(2)) {
    const reg = await app.db.registration.findUniqueOrThrow({ where: { id: other.registrationId } });
    await app.db.registration.update({ where: { id: reg.id }, data: { absent: true } });
  }
  expect((await ses.examiner.post(`/examiner/sessions/${ses.sessionId}`, { intent: "release" })).status).toBe(200);
  await page.reload();
  await page.locator(".score").waitFor();
  await page.getByText("不合格").waitFor();
  await shot(page, "kiosk-7-score");
});
