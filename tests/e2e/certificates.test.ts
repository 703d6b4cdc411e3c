// Certificates in real Chromium: the examiner issues a class's certificates from the page, the
// public verify page on a phone-sized screen, and the ledger. Screenshots in test-results/screens.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { startApp, type TestApp } from "../support/app";
import { importShippedBank } from "../support/bank";
import { launch, shot, signIn } from "../support/browser";
import { sitClass } from "../support/exam-fixtures";

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "ankao-cert-e2e-"));
/** Chinese web fonts load per unicode-range slice: wait for them so the screenshot shows text, not boxes. */
async function shotWithFonts(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  await shot(page, name);
}

let app: TestApp;
let browser: Browser;
let classId: string;
beforeAll(async () => {
  app = await startApp();
  await importShippedBank();
  const cls = await app.db.trainingClass.findFirstOrThrow({ where: { year: 2025, industry: "MINING", category: "TEAM_LEADER" } });
  classId = cls.id;
  const { drawFirstPapers } = await import("~/services/papers.server");
  const ex = await app.db.user.findFirstOrThrow({ where: { username: "examiner" } });
  await drawFirstPapers({ id: ex.id, role: "EXAMINER", countyId: null, providerId: null }, { period: "2025-1", classIds: [cls.id] });
  const paper = await app.db.paper.findFirstOrThrow({ where: { classId } });
  const roster = await app.db.enrolment.findMany({ where: { classId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  await sitClass(app.db, { classId, paperId: paper.id, results: roster.map((e, i) => ({ enrolmentId: e.id, score: i % 7 === 3 ? 64 : 91 })) });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("the examiner issues a whole class from the page and sees who got none and why", async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, app.base, "examiner");
  await page.getByRole("link", { name: "合格证明" }).click();
  await page.getByRole("link", { name: /2025年矿山班组长工伤预防培训班/ }).click();
  await page.getByRole("button", { name: "为全班合格学员签发证书" }).click();
  await page.getByText(/新签发 \d+ 份/).waitFor();
  await expect(page.getByText("学时不符合要求：实训学时 4/24 < 25%").count()).resolves.toBe(2);
  await shotWithFonts(page, "examiner-certificates");
});

it("the QR's page shows 有效 with masked details on a phone", async () => {
  const cert = await app.db.certificate.findFirstOrThrow({ orderBy: { seq: "asc" }, include: { trainee: true } });
  const page = await browser.newPage({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
  await page.goto(`${app.base}/verify/${cert.number}?k=${cert.keyId}&s=${cert.signature}`);
  await page.getByRole("status").getByText("有效").waitFor();
  await expect(page.getByText(cert.trainee.name, { exact: true }).count()).resolves.toBe(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await shotWithFonts(page, "verify-mobile");
});

it("the auditor reads the ledger: who is short this year", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.base, "auditor");
  await page.getByRole("link", { name: "再培训台账" }).click();
  await page.getByRole("heading", { name: "再培训学时台账" }).waitFor();
  await page.getByLabel("年度").selectOption("2025");
  await Promise.all([page.waitForURL(/year=2025/), page.getByRole("button", { name: "查询" }).click()]);
  await page.getByRole("columnheader", { name: "未达标" }).waitFor();
  await page.getByRole("link", { name: "铁力市青山矿业有限公司" }).click();
  await page.getByRole("columnheader", { name: "已计入学时" }).waitFor();
  await shotWithFonts(page, "auditor-ledger");
});

it("the provider lists its trainees' certificates and downloads one", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, app.base, "provider.xingan");
  await page.getByRole("link", { name: "合格证明" }).click();
  await page.getByRole("heading", { name: "本单位学员的培训考核合格证明" }).waitFor();
  const first = await app.db.certificate.findFirstOrThrow({ orderBy: { seq: "asc" } });
  await page.getByText(first.number).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF" }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/^培训考核合格证明-YCYJ-\d{4}-\d{5}\.pdf$/);
  await shotWithFonts(page, "provider-certificates");
});
