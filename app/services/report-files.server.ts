// Report downloads: the fee-eligible list as XLSX and as a PDF summary per provider, and the
// year's acceptance report (评估验收报告) as a PDF for the HR bureau's evaluators. Read-only.
import { json } from "@remix-run/node";
import { loadFacts, loadIncidents, loadPlans, pickYear, reportYears } from "~/data/reports.server";
import { chinaDate, zhDate } from "~/domain/certificate";
import type { Actor } from "~/domain/access";
import { hours } from "~/domain/eligibility";
import { acceptanceReport, INCIDENT_LABEL, type AcceptanceReport } from "~/domain/reports/acceptance";
import { pctText } from "~/domain/reports/facts";
import { FEE_HEADERS, feeEligible, feeSheetRows, type FeeProvider } from "~/domain/reports/fee-list";
import type { PassRateRow } from "~/domain/reports/pass-rates";
import { CATEGORY_LABEL } from "~/domain/vocabulary";
import { download } from "~/utils/download.server";
import { notFound } from "~/utils/guard.server";
import { finishPages, renderPdf, type Pdf } from "~/utils/pdf.server";
import { heading, paragraph, signatureBlock, table } from "~/utils/pdf-table.server";
import { writeXlsx } from "~/utils/spreadsheet.server";

const BUREAU = "伊春市应急管理局";
const PROJECT = "伊春市工伤预防能力提升培训项目";

export async function feeListXlsx(actor: Actor, year: number): Promise<{ name: string; body: Buffer }> {
  const providers = feeEligible(await loadFacts(actor, year));
  const body = await writeXlsx(`${year}年工伤预防费名单`, [...FEE_HEADERS], feeSheetRows(providers), ["身份证号（脱敏）", "班次编号", "证书编号"]);
  return { name: `${year}年工伤预防费支付名单.xlsx`, body };
}

function titleBlock(doc: Pdf, title: string, lines: string[]) {
  doc.font("cn").fontSize(11).fillColor("#333333").text(PROJECT, { align: "center" });
  doc.moveDown(0.4);
  doc.font("cn-bold").fontSize(20).fillColor("#000000").text(title, { align: "center" });
  doc.moveDown(0.4);
  doc.font("cn").fontSize(10.5).fillColor("#333333");
  for (const l of lines) doc.text(l, { align: "center" });
  doc.fillColor("#000000").moveDown(0.6);
}

function feeProviderPages(doc: Pdf, year: number, p: FeeProvider, generated: string) {
  titleBlock(doc, `${year}年度工伤预防费支付名单汇总表`, [`施教单位：${p.providerName}`, `生成日期：${zhDate(generated)}`]);
  paragraph(
    doc,
    `本表列出 ${year} 年度由该施教单位培训、学时符合规定并经考试合格（以已发布成绩为准，含补考）的学员，作为工伤预防费支付依据。` +
      `名单 ${p.totals.listed} 人（参训 ${p.totals.trained} 人），合计线上 ${hours(p.totals.online)} 学时、线下 ${hours(p.totals.offline)} 学时、实训 ${hours(p.totals.practical)} 学时，共 ${hours(p.totals.total)} 学时。`,
  );
  heading(doc, "一、按班次汇总");
  table(
    doc,
    [
      { header: "班次编号", width: 66 }, { header: "班次名称", width: 150 }, { header: "人员类别", width: 78 },
      { header: "参训", width: 32, align: "right" }, { header: "名单", width: 32, align: "right" },
      { header: "线上", width: 30, align: "right" }, { header: "线下", width: 30, align: "right" }, { header: "实训", width: 30, align: "right" }, { header: "合计学时", width: 40, align: "right" },
    ],
    [
      ...p.classes.map((c) => [c.classCode, c.className, CATEGORY_LABEL[c.category].zh, String(c.trained), String(c.listed), hours(c.online), hours(c.offline), hours(c.practical), hours(c.total)]),
      ["合计", "", "", String(p.totals.trained), String(p.totals.listed), hours(p.totals.online), hours(p.totals.offline), hours(p.totals.practical), hours(p.totals.total)],
    ],
    { boldRows: [p.classes.length] },
  );
  heading(doc, "二、学员名单");
  if (p.rows.length === 0) paragraph(doc, "暂无符合条件的学员。");
  let n = 0;
  for (const c of p.classes.filter((x) => x.listed > 0)) {
    heading(doc, `${c.classCode}  ${c.className}（${c.listed} 人）`, 10.5);
    table(
      doc,
      [
        { header: "序号", width: 22, align: "right" }, { header: "姓名", width: 42 }, { header: "身份证号", width: 94 }, { header: "所在企业", width: 108 },
        { header: "线上", width: 28, align: "right" }, { header: "线下", width: 28, align: "right" }, { header: "实训", width: 28, align: "right" },
        { header: "合计", width: 28, align: "right" }, { header: "考试日期", width: 54 }, { header: "类型", width: 26 }, { header: "成绩", width: 28, align: "right" },
      ],
      p.rows.filter((r) => r.classId === c.classId).map((r) => [
        String(++n), r.name, r.idMasked, r.enterpriseName, hours(r.online), hours(r.offline), hours(r.practical), hours(r.total),
        r.examDate, r.sitting === 2 ? "补考" : "首考", r.score === null ? "" : String(r.score),
      ]),
      { fontSize: 8 },
    );
  }
  signatureBlock(doc, [
    ["施教单位（盖章）：", "经办人（签字）：________________"],
    [`审核单位：${BUREAU}（盖章）`, "日期：________年____月____日"],
  ]);
}

/** The PDF summary: one section per provider (or only `providerId`'s). */
export async function feeListPdf(actor: Actor, year: number, providerId: string | null): Promise<{ name: string; body: Buffer } | null> {
  const all = feeEligible(await loadFacts(actor, year));
  const providers = providerId ? all.filter((p) => p.providerId === providerId) : all;
  if (providerId && providers.length === 0) return null;
  const generated = chinaDate(new Date());
  const body = await renderPdf({ title: `${year}年度工伤预防费支付名单汇总表` }, (doc) => {
    if (providers.length === 0) {
      titleBlock(doc, `${year}年度工伤预防费支付名单汇总表`, [`生成日期：${zhDate(generated)}`]);
      paragraph(doc, "该年度没有培训班次。");
    }
    providers.forEach((p, i) => {
      if (i > 0) doc.addPage();
      feeProviderPages(doc, year, p, generated);
    });
    finishPages(doc, "", `${year}年度工伤预防费支付名单汇总表`);
  });
  const suffix = providers.length === 1 ? `-${providers[0].providerName}` : "";
  return { name: `${year}年工伤预防费支付名单汇总${suffix}.pdf`, body };
}

const passRow = (p: PassRateRow | (AcceptanceReport["pass"] & { label: { zh: string } })) => [
  p.label.zh, String(p.firstSat), String(p.firstPassed), pctText(p.firstRate), String(p.resitSat), String(p.resitPassed), `${p.passed}/${p.sat}`, pctText(p.overallRate), String(p.absent),
];

function acceptanceBody(doc: Pdf, r: AcceptanceReport, generated: string) {
  titleBlock(doc, `${r.year}年度评估验收报告`, [`项目实施单位：${BUREAU}`, `报告生成日期：${zhDate(generated)}`]);
  paragraph(
    doc,
    "数据说明：本报告数据由安考系统自动汇总。参训人数为在册学员（不含退训）；学时依据施教单位录入的培训记录，按市局培训规则判定；" +
      "考试结果仅统计已发布的成绩；县（市、区）按学员所在企业统计。",
    { size: 9.5, color: "#333333" },
  );

  heading(doc, "一、项目概况");
  paragraph(doc, `${r.year} 年度共举办培训班 ${r.classes} 期，施教单位 ${r.providers} 家，覆盖企业 ${r.enterprises} 家，参训 ${r.total.trained} 人。主要结论如下：`);
  doc.moveDown(0.3);
  r.findings.forEach((f, i) => paragraph(doc, `${i + 1}. ${f}`, { indent: 14 }));

  heading(doc, "二、培训计划完成情况");
  table(
    doc,
    [
      { header: "行业 · 人员类别", width: 2.6 }, { header: "计划", width: 0.8, align: "right" }, { header: "参训", width: 0.8, align: "right" },
      { header: "学时达标", width: 0.9, align: "right" }, { header: "参考", width: 0.8, align: "right" }, { header: "合格", width: 0.8, align: "right" },
      { header: "发证", width: 0.8, align: "right" }, { header: "计划完成率", width: 1.1, align: "right" },
    ],
    [...r.coverage, r.total].map((c) => [c.label.zh, c.planned ? String(c.planned) : "—", String(c.trained), String(c.eligible), String(c.sat), String(c.passed), String(c.certified), pctText(c.coverage)]),
    { boldRows: [r.coverage.length] },
  );

  heading(doc, "三、培训学时达标情况");
  const off = pctText(r.thresholds.offline);
  const prac = pctText(r.thresholds.practical);
  paragraph(doc, `规则：各类人员总学时须在规定范围内；线下学时（含实训）不低于总学时的 ${off}；班组长实训学时不低于总学时的 ${prac}。`, { size: 9.5, color: "#333333" });
  doc.moveDown(0.3);
  table(
    doc,
    [
      { header: "人员类别", width: 1.8 }, { header: "参训人数", width: 0.9, align: "right" }, { header: "人均学时", width: 0.9, align: "right" },
      { header: "总学时符合", width: 1, align: "right" }, { header: `线下不低于${off}`, width: 1.4, align: "right" },
      { header: `实训不低于${prac}`, width: 1.4, align: "right" }, { header: "学时达标", width: 1.3, align: "right" },
    ],
    r.hours.map((h) => [
      CATEGORY_LABEL[h.category].zh, String(h.trainees), h.meanMinutes === null ? "—" : hours(Math.round(h.meanMinutes)), String(h.inRange),
      `${h.offlineOk}（${pctText(h.offlineShare)}）`, h.practicalRequired ? `${h.practicalOk}（${pctText(h.practicalShare)}）` : "不要求", `${h.eligible}（${pctText(h.eligibleShare)}）`,
    ]),
  );

  heading(doc, "四、考试合格情况");
  paragraph(doc, "首次考试合格率＝首次考试合格人数/首次考试参考人数；含补考合格率＝首次或补考合格人数/参加过考试的人数；缺考不计入参考人数。", { size: 9.5, color: "#333333" });
  doc.moveDown(0.3);
  const passColumns = (group: string) => [
    { header: group, width: 2.3 }, { header: "首考参考", width: 0.85, align: "right" as const }, { header: "首考合格", width: 0.85, align: "right" as const },
    { header: "首次合格率", width: 0.95, align: "right" as const }, { header: "补考参考", width: 0.85, align: "right" as const }, { header: "补考合格", width: 0.85, align: "right" as const },
    { header: "累计合格", width: 0.85, align: "right" as const }, { header: "含补考合格率", width: 1.1, align: "right" as const }, { header: "缺考", width: 0.6, align: "right" as const },
  ];
  heading(doc, "（一）按人员类别", 10.5);
  table(doc, passColumns("人员类别"), r.passByCategory.map(passRow), { fontSize: 9 });
  heading(doc, "（二）按施教单位", 10.5);
  table(doc, passColumns("施教单位"), [...r.passByProvider.map(passRow), passRow({ ...r.pass, label: { zh: "合计" } })], { boldRows: [r.passByProvider.length], fontSize: 9 });

  heading(doc, "五、考场异常情况");
  table(
    doc,
    [...r.incidents.map((i) => ({ header: INCIDENT_LABEL[i.category].zh, width: 1, align: "right" as const })), { header: "合计", width: 1, align: "right" }],
    [[...r.incidents.map((i) => String(i.count)), String(r.incidentTotal)]],
  );

  heading(doc, "六、合格证明颁发情况");
  table(
    doc,
    [{ header: "颁发（份）", width: 1, align: "right" }, { header: "有效（份）", width: 1, align: "right" }, { header: "撤销（份）", width: 1, align: "right" }],
    [[String(r.certificates.issued), String(r.certificates.valid), String(r.certificates.revoked)]],
  );

  heading(doc, "七、评估意见");
  const y = doc.y;
  doc.lineWidth(0.5).strokeColor("#555555").rect(doc.page.margins.left, y, doc.page.width - doc.page.margins.left - doc.page.margins.right, 90).stroke();
  doc.y = y + 96;
  signatureBlock(doc, [
    ["评估单位（盖章）：", "评估组组长（签字）：______________"],
    ["评估组成员（签字）：______________", "日期：________年____月____日"],
    [`项目实施单位：${BUREAU}（盖章）`, "日期：________年____月____日"],
  ]);
}

export async function acceptancePdf(actor: Actor, year: number): Promise<{ name: string; body: Buffer }> {
  const [facts, plans, incidents] = await Promise.all([loadFacts(actor, year), loadPlans(actor, year), loadIncidents(year)]);
  const report = acceptanceReport(year, facts, plans, incidents);
  const body = await renderPdf({ title: `${year}年度评估验收报告` }, (doc) => {
    acceptanceBody(doc, report, chinaDate(new Date()));
    finishPages(doc, "", `${PROJECT} ${year}年度评估验收报告`);
  });
  return { name: `${year}年度评估验收报告.pdf`, body };
}

export const REPORT_FILES = ["fee-list.xlsx", "fee-list.pdf", "acceptance.pdf"] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The download named `file` for `?year=` (default: the newest year), or a 400 naming the years
 * there are, or a 404 for a file this caller may not have (`allowed`).
 */
export async function reportDownload(actor: Actor, file: string, params: URLSearchParams, allowed: readonly ReportFile[]): Promise<Response> {
  if (!(allowed as readonly string[]).includes(file)) throw notFound();
  const years = await reportYears(actor);
  const asked = params.get("year");
  const year = pickYear(years, asked);
  if (year === null) throw json({ message: "尚无培训数据，无法生成报表 No training data yet" }, { status: 400 });
  if (asked && String(year) !== asked)
    throw json({ message: `年度“${asked.slice(0, 12)}”没有数据；可选年度：${years.join("、")}` }, { status: 400 });
  if (file === "fee-list.xlsx") {
    const f = await feeListXlsx(actor, year);
    return download(f.body, f.name, XLSX);
  }
  if (file === "fee-list.pdf") {
    const f = await feeListPdf(actor, year, params.get("provider"));
    if (!f) throw notFound("该年度没有此施教单位的班次 No classes of this provider in that year");
    return download(f.body, f.name, "application/pdf");
  }
  const f = await acceptancePdf(actor, year);
  return download(f.body, f.name, "application/pdf");
}
