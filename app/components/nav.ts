// Each role's navigation, in one place.
import type { NavItem } from "./StaffShell";
import type { Role } from "~/domain/vocabulary";

export const NAV: Record<Role, NavItem[]> = {
  ADMIN: [
    { to: "/admin", label: { zh: "概览", en: "Overview" }, end: true },
    { to: "/admin/users", label: { zh: "账号", en: "Accounts" } },
    { to: "/admin/org/counties", label: { zh: "县（市、区）", en: "Counties" } },
    { to: "/admin/org/venues", label: { zh: "考点", en: "Venues" } },
    { to: "/admin/org/enterprises", label: { zh: "企业", en: "Enterprises" } },
    { to: "/admin/org/providers", label: { zh: "施教单位", en: "Providers" } },
    { to: "/examiner/bank", label: { zh: "题库（只读）", en: "Bank (read-only)" } },
  ],
  EXAMINER: [
    { to: "/examiner", label: { zh: "概览", en: "Overview" }, end: true },
    { to: "/examiner/bank", label: { zh: "题库", en: "Question bank" } },
    { to: "/examiner/blueprints", label: { zh: "组卷规则", en: "Blueprints" } },
    { to: "/examiner/papers", label: { zh: "试卷", en: "Papers" } },
    { to: "/examiner/sessions", label: { zh: "考试场次", en: "Sessions" } },
    { to: "/examiner/classes", label: { zh: "班次", en: "Classes" } },
    { to: "/examiner/reports", label: { zh: "报表", en: "Reports" } },
    { to: "/examiner/certificates", label: { zh: "合格证明", en: "Certificates" } },
    { to: "/examiner/ledger", label: { zh: "再培训台账", en: "Retraining ledger" } },
  ],
  PROCTOR: [{ to: "/proctor", label: { zh: "我的考场", en: "My sessions" }, end: true }],
  PROVIDER: [
    { to: "/provider", label: { zh: "培训班次", en: "Classes" }, end: true },
    { to: "/provider/roster-template", label: { zh: "名册模板", en: "Roster template" } },
    { to: "/provider/certificates", label: { zh: "合格证明", en: "Certificates" } },
    { to: "/provider/reports", label: { zh: "报表", en: "Reports" } },
    { to: "/provider/tickets", label: { zh: "准考证", en: "Admission tickets" } },
  ],
  AUDITOR: [
    { to: "/auditor", label: { zh: "培训概况", en: "Overview" }, end: true },
    { to: "/auditor/coverage", label: { zh: "计划与覆盖", en: "Coverage" } },
    { to: "/auditor/pass-rates", label: { zh: "合格率", en: "Pass rates" } },
    { to: "/auditor/fee-list", label: { zh: "工伤预防费名单", en: "Fee-eligible list" } },
    { to: "/auditor/acceptance", label: { zh: "评估验收报告", en: "Acceptance report" } },
    { to: "/auditor/ledger", label: { zh: "再培训台账", en: "Retraining ledger" } },
  ],
};
