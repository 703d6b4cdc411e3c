// The fee-eligible list and the acceptance report, against the hand-worked fixture in
// tests/support/report-facts.ts.
import { acceptanceReport, certificateCounts, hoursCompliance } from "~/domain/reports/acceptance";
import { FEE_HEADERS, feeEligible, feeSheetRows } from "~/domain/reports/fee-list";
import { FACTS, PLANS } from "../support/report-facts";

describe("fee-eligible list (工伤预防费)", () => {
  const list = feeEligible(FACTS);

  it("lists trainees with eligible hours who passed: a1, a2, a3 (resit) and b1, b3 — not b4 (hours short)", () => {
    expect(list.map((p) => [p.providerName, p.rows.map((r) => r.enrolmentId)])).toEqual([
      ["A 培训中心", ["a1", "a2", "a3"]],
      ["B 培训学校", ["b1", "b3"]],
    ]);
  });

  it("records the passing sitting and only a valid certificate's number", () => {
    const rows = list.flatMap((p) => p.rows);
    const a3 = rows.find((r) => r.enrolmentId === "a3")!;
    expect([a3.sitting, a3.score, a3.examDate]).toEqual([2, 82, "2025-04-10"]);
    expect(rows.find((r) => r.enrolmentId === "b1")!.certificateNumber).toBe("YC-2025-0002");
    expect(rows.find((r) => r.enrolmentId === "b3")!.certificateNumber).toBe("");
  });

  it("totals hours per provider and per class (minutes)", () => {
    expect(list[0].totals).toEqual({ trained: 6, listed: 3, online: 18 * 60, offline: 36 * 60, practical: 18 * 60, total: 72 * 60 });
    expect(list[1].totals).toEqual({ trained: 4, listed: 2, online: 12 * 60, offline: 28 * 60, practical: 0, total: 40 * 60 });
    expect(list[1].classes.map((c) => [c.classCode, c.trained, c.listed])).toEqual([["2025-KS-002", 4, 2]]);
  });

  it("spreadsheet rows follow the Chinese headers, hours in hours", () => {
    const rows = feeSheetRows(list);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveLength(FEE_HEADERS.length);
    const at = (h: (typeof FEE_HEADERS)[number]) => FEE_HEADERS.indexOf(h);
    expect(rows[2][at("序号")]).toBe(3);
    expect(rows[2][at("姓名")]).toBe("学员a3");
    expect(rows[2][at("考试类型")]).toBe("补考");
    expect([rows[2][at("线上学时")], rows[2][at("线下学时")], rows[2][at("实训学时")], rows[2][at("总学时")]]).toEqual([6, 12, 6, 24]);
    expect(rows[3][at("人员类别")]).toBe("专职安全管理人员");
  });
});

describe("acceptance report (评估验收报告)", () => {
  it("hours compliance per category: counts and shares", () => {
    const h = hoursCompliance(FACTS);
    expect(h.map((r) => [r.category, r.trainees, r.inRange, r.offlineOk, r.offlineShare, r.practicalRequired, r.practicalOk, r.practicalShare, r.eligible, r.meanMinutes])).toEqual([
      ["SAFETY_MANAGER", 4, 4, 3, 0.75, false, 0, null, 3, 20 * 60],
      ["TEAM_LEADER", 6, 6, 6, 1, true, 5, 5 / 6, 5, 24 * 60],
    ]);
  });

  it("certificates issued and revoked", () => {
    expect(certificateCounts(FACTS)).toEqual({ issued: 3, valid: 2, revoked: 1 });
  });

  it("puts the year together: targets, results, incidents by category, findings with numbers", () => {
    const incidents = [{ category: "TECHNICAL" }, { category: "EXAMINEE" }, { category: "TECHNICAL" }, { category: "UNHEARD_OF" }];
    const r = acceptanceReport(2025, FACTS, PLANS, incidents);
    expect([r.classes, r.providers, r.enterprises]).toEqual([2, 2, 3]);
    expect([r.total.planned, r.total.trained, r.total.passed, r.total.certified]).toEqual([17, 10, 6, 2]);
    expect(r.coverage).toHaveLength(3);
    expect(r.thresholds).toEqual({ offline: 0.6, practical: 0.25 });
    expect(r.incidents).toEqual([
      { category: "ENVIRONMENT", count: 0 },
      { category: "EXAMINEE", count: 1 },
      { category: "STAFF", count: 0 },
      { category: "TECHNICAL", count: 2 },
      { category: "OTHER", count: 1 },
    ]);
    expect(r.incidentTotal).toBe(4);
    expect(r.passByProvider.map((p) => [p.label.zh, p.firstRate, p.overallRate])).toEqual([
      ["A 培训中心", 0.5, 0.75],
      ["B 培训学校", 0.75, 0.75],
    ]);
    expect(r.findings).toEqual([
      "年度计划培训 17 人，实际参训 10 人，完成率 58.8%；未完成计划的有 矿山 · 班组长（6/8）、机械制造 · 班组长（0/5）。",
      "学时符合规定、具备考试资格 8 人（80%），2 人学时未达标。",
      "班组长实训学时不低于 25% 的 5/6 人（83.3%）。",
      "参加考试 8 人，首次考试合格 5/8（62.5%），含补考合格 6/8（75%）；缺考 1 人次。",
      "考场异常情况记录 4 起，分类见“考场异常情况”一节。",
      "颁发培训考核合格证明 3 份，其中撤销 1 份，有效 2 份。",
    ]);
  });

  it("a year with no plan, no exams and no incidents says so", () => {
    const r = acceptanceReport(2023, FACTS, PLANS, []);
    expect(r.total.trained).toBe(0);
    expect(r.findings[0]).toBe("本年度未录入培训计划，实际参训 0 人。");
    expect(r.findings).toContain("本年度尚无已发布的考试成绩。");
    expect(r.findings).toContain("考试期间未发生考场异常情况记录。");
    expect(r.findings).toContain("尚未颁发培训考核合格证明。");
  });
});
