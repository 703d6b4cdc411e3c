// Reports in real Chromium: the auditor's hub with its SVG charts, the breakdowns, the pass-rate
// trend, the downloads, and the exam office's item statistics. Screenshots go to
// test-results/screens/reports-*.png for a person to look at.
import type { Browser } from "playwright-core";
import { startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { launch, shot, signIn } from "../support/browser";
import { setUpReportYear } from "../support/report-setup";

let app: TestApp;
let browser: Browser;
let special: string;
beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  special = (await setUpReportYear(app, { answers: true })).specialQuestion;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("the auditor reads the year at a glance, with charts drawn on the server", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signIn(page, app.base, "auditor");
  await page.getByRole("heading", { name: /培训与考核报表/ }).waitFor();
  const chart = page.getByRole("img", { name: "计划与覆盖情况" });
  const box = await chart.boundingBox();
  expect(box!.width).toBeGreaterThan(500);
  await page.getByText("87.5%").first().waitFor();
  await shot(page, "reports-auditor-hub");

  await page.getByRole("link", { name: "计划与覆盖", exact: true }).first().click();
  await page.getByLabel("分组").selectOption("county");
  await page.getByRole("button", { name: "查看" }).click();
  await page.waitForURL(/by=county/);
  await page.getByRole("heading", { name: /县（市、区）/ }).waitFor();
  await page.getByRole("cell", { name: "铁力市", exact: true }).waitFor();
  await shot(page, "reports-coverage-county");

  await page.goto(`${app.base}/auditor/pass-rates?year=2025&by=class`);
  await page.getByRole("img", { name: "各场次合格率" }).waitFor();
  await shot(page, "reports-pass-rates");

  await page.goto(`${app.base}/auditor/fee-list?year=2025`);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载名单（XLSX）" }).click()]);
  expect(dl.suggestedFilename()).toBe("2025年工伤预防费支付名单.xlsx");
  await shot(page, "reports-fee-list");

  await page.goto(`${app.base}/auditor/acceptance?year=2025`);
  await shot(page, "reports-acceptance");
  expect(errors).toEqual([]);
});

it("the exam office sees item statistics and can open a flagged item in the bank", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.base, "examiner");
  await page.getByRole("link", { name: "报表" }).click();
  await page.getByRole("link", { name: /试题分析/ }).click();
  await page.getByRole("heading", { name: /试题分析/ }).waitFor();
  await page.screenshot({ path: "test-results/screens/reports-items.png" }); // the top: the list is long
  await page.goto(`${app.base}/examiner/reports/items?year=2025&flag=negative`);
  await page.locator(`a[href="/examiner/bank/${special}"]`).click();
  await page.waitForURL(new RegExp(`/examiner/bank/${special}$`));
});

it("a provider sees its own classes' figures, without the bureau's plan or acceptance report", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.base, "provider.linxing");
  await page.getByRole("link", { name: "报表" }).click();
  await page.getByRole("heading", { name: /培训与考核报表/ }).waitFor();
  await expect(page.getByText("评估验收报告").count()).resolves.toBe(0);
  await expect(page.getByText("2025年矿山班组长工伤预防培训班").count()).resolves.toBe(0);
  await shot(page, "reports-provider-hub");
});
