// Staff pages in real Chromium: sign in, the provider's class page with eligibility flags,
// a roster upload with a bad line, the language switch.
import type { Browser } from "playwright-core";
import { makeIdNumber } from "~/domain/id-number";
import { startApp, type TestApp } from "../support/app";
import { launch, shot, signIn } from "../support/browser";

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  app = await startApp();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("a provider sees who is not yet eligible, with the rule and the numbers", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.base, "provider.xingan");
  await shot(page, "provider-classes");
  await page.getByRole("link", { name: "2025年矿山班组长工伤预防培训班" }).click();
  await page.getByRole("heading", { name: "2025年矿山班组长工伤预防培训班" }).waitFor();
  await expect(page.getByText("实训学时 4/24 < 25%").count()).resolves.toBe(2);
  await expect(page.getByText("2 人尚不具备考试资格").isVisible()).resolves.toBe(true);
  // Chinese renders with the shipped font, not boxes.
  const font = await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', "培训"));
  expect(font).toBe(true);
  await shot(page, "provider-class-page");
});

it("a bad roster line is reported and nothing is imported", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.base, "provider.xingan");
  const cls = await app.db.trainingClass.findFirstOrThrow({ where: { name: "2025年矿山安全生产分管负责人工伤预防培训班" } });
  const before = await app.db.enrolment.count({ where: { classId: cls.id } });
  await page.goto(`${app.base}/provider/classes/${cls.id}`);
  const ent = (await app.db.enterprise.findFirstOrThrow({ where: { industry: "MINING" } })).name;
  const good = makeIdNumber("230722", "19790205", 77);
  const bad = good.slice(0, 17) + (good[17] === "5" ? "6" : "5");
  const csv = `姓名,身份证号,企业名称\n赵六,${good},${ent}\n钱七,${bad},${ent}\n`;
  await page.setInputFiles('input[name="roster"]', { name: "名册.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "上传并导入" }).click();
  await page.getByText("第 3 行 身份证号 校验位错误").waitFor();
  expect(await app.db.enrolment.count({ where: { classId: cls.id } })).toBe(before);
  await shot(page, "provider-roster-error");
});

it("switches to English and back", async () => {
  const page = await browser.newPage();
  await signIn(page, app.base, "auditor");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { name: /^Training and assessment reports/ }).waitFor();
  await shot(page, "auditor-en");
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("heading", { name: /^培训与考核报表/ }).waitFor();
});
