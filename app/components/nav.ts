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
    { to: "/examiner/classes", label: { zh: "班次", en: "Classes" } },
  ],
  PROCTOR: [{ to: "/proctor", label: { zh: "我的考场", en: "My sessions" }, end: true }],
  PROVIDER: [
    { to: "/provider", label: { zh: "培训班次", en: "Classes" }, end: true },
    { to: "/provider/roster-template", label: { zh: "名册模板", en: "Roster template" } },
  ],
  AUDITOR: [{ to: "/auditor", label: { zh: "培训概况", en: "Overview" }, end: true }],
};
