// The acceptance report (评估验收报告) for one year: targets versus results, hours compliance,
// pass rates, incidents and certificates, plus the findings written out as sentences.
import { defaultRules } from "../rules";
import { CATEGORIES, CATEGORY_LABEL, type Category } from "../vocabulary";
import { coverageBy, coverageTotal, type CoverageRow } from "./coverage";
import { outcomeOf, pctText, rate, totalMinutes, type EnrolmentFact, type PlanFact } from "./facts";
import { passCounts, passRatesBy, type PassCounts, type PassRateRow } from "./pass-rates";

export const INCIDENT_CATEGORIES = ["ENVIRONMENT", "EXAMINEE", "STAFF", "TECHNICAL", "OTHER"] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_LABEL: Record<IncidentCategory, { zh: string; en: string }> = {
  ENVIRONMENT: { zh: "考场环境", en: "Environment" },
  EXAMINEE: { zh: "考生", en: "Examinee" },
  STAFF: { zh: "考务人员", en: "Proctor/staff" },
  TECHNICAL: { zh: "技术故障", en: "Technical" },
  OTHER: { zh: "其他", en: "Other" },
};

export interface HoursRow {
  category: Category;
  trainees: number;
  /** total hours within the rule's min–max */
  inRange: number;
  /** in-person (offline + practical) share ≥ the rule's minimum */
  offlineOk: number;
  offlineShare: number | null;
  /** practical share ≥ the minimum, where the rule asks for one (team leaders) */
  practicalRequired: boolean;
  practicalOk: number;
  practicalShare: number | null;
  eligible: number;
  eligibleShare: number | null;
  /** the rule's thresholds (0..1), as stored for this category */
  minOfflineShare: number;
  minPracticalShare: number;
  /** mean hours per trainee, in minutes */
  meanMinutes: number | null;
}

/** Hours compliance per category, from each trainee's records and the rule that applies. */
export function hoursCompliance(facts: readonly EnrolmentFact[]): HoursRow[] {
  return CATEGORIES.map((category) => {
    const fs = facts.filter((f) => f.category === category);
    let inRange = 0, offlineOk = 0, practicalOk = 0, eligible = 0, minutes = 0;
    const practicalRequired = fs.some((f) => f.rule.minPracticalShare > 0);
    for (const f of fs) {
      const o = outcomeOf(f);
      const total = totalMinutes(f.hours);
      minutes += total;
      if (total > 0 && !o.breaks.some((b) => b.rule === "minHours" || b.rule === "maxHours")) inRange++;
      if (total > 0 && !o.breaks.some((b) => b.rule === "offlineShare")) offlineOk++;
      if (total > 0 && !o.breaks.some((b) => b.rule === "practicalShare")) practicalOk++;
      if (o.eligible) eligible++;
    }
    const n = fs.length;
    return {
      category,
      trainees: n,
      inRange,
      offlineOk,
      offlineShare: rate(offlineOk, n),
      practicalRequired,
      practicalOk: practicalRequired ? practicalOk : 0,
      practicalShare: practicalRequired ? rate(practicalOk, n) : null,
      eligible,
      eligibleShare: rate(eligible, n),
      minOfflineShare: fs[0]?.rule.minOfflineShare ?? 0,
      minPracticalShare: fs[0]?.rule.minPracticalShare ?? 0,
      meanMinutes: n ? minutes / n : null,
    };
  }).filter((r) => r.trainees > 0);
}

/** The strictest stored offline and practical shares among the year's trainees (defaults if none). */
export function thresholdsOf(facts: readonly EnrolmentFact[]): { offline: number; practical: number } {
  const rules = facts.length ? facts.map((f) => f.rule) : defaultRules();
  return { offline: Math.max(...rules.map((r) => r.minOfflineShare)), practical: Math.max(...rules.map((r) => r.minPracticalShare)) };
}

export interface CertificateCounts {
  issued: number;
  valid: number;
  revoked: number;
}

export function certificateCounts(facts: readonly EnrolmentFact[]): CertificateCounts {
  const c = { issued: 0, valid: 0, revoked: 0 };
  for (const f of facts) {
    if (!f.certificate) continue;
    c.issued++;
    if (f.certificate.status === "REVOKED") c.revoked++;
    else c.valid++;
  }
  return c;
}

export interface AcceptanceReport {
  year: number;
  classes: number;
  providers: number;
  enterprises: number;
  total: CoverageRow;
  coverage: CoverageRow[];
  hours: HoursRow[];
  /** the hour rules' shares as stored (offline incl. practical; practical for team leaders) */
  thresholds: { offline: number; practical: number };
  pass: PassCounts;
  passByCategory: PassRateRow[];
  passByProvider: PassRateRow[];
  incidents: Array<{ category: IncidentCategory; count: number }>;
  incidentTotal: number;
  certificates: CertificateCounts;
  findings: string[];
}

/** Everything the acceptance report shows for `year`; facts and plans outside the year are ignored. */
export function acceptanceReport(year: number, allFacts: readonly EnrolmentFact[], allPlans: readonly PlanFact[], incidents: ReadonlyArray<{ category: string }>): AcceptanceReport {
  const facts = allFacts.filter((f) => f.year === year);
  const plans = allPlans.filter((p) => p.year === year);
  const counts = new Map<IncidentCategory, number>(INCIDENT_CATEGORIES.map((c) => [c, 0]));
  for (const i of incidents) {
    const c = (INCIDENT_CATEGORIES as readonly string[]).includes(i.category) ? (i.category as IncidentCategory) : "OTHER";
    counts.set(c, counts.get(c)! + 1);
  }
  const r: Omit<AcceptanceReport, "findings"> = {
    year,
    classes: new Set(facts.map((f) => f.classId)).size,
    providers: new Set(facts.map((f) => f.providerId)).size,
    enterprises: new Set(facts.map((f) => f.enterpriseId)).size,
    total: coverageTotal(facts, plans),
    coverage: coverageBy(facts, plans, "plan"),
    hours: hoursCompliance(facts),
    thresholds: thresholdsOf(facts),
    pass: passCounts(facts),
    passByCategory: passRatesBy(facts, "category"),
    passByProvider: passRatesBy(facts, "provider"),
    incidents: INCIDENT_CATEGORIES.map((category) => ({ category, count: counts.get(category)! })),
    incidentTotal: incidents.length,
    certificates: certificateCounts(facts),
  };
  return { ...r, findings: findingsOf(r) };
}

/** The report's conclusions, in Chinese, each with its numbers. */
export function findingsOf(r: Omit<AcceptanceReport, "findings">): string[] {
  const out: string[] = [];
  const t = r.total;
  if (t.planned) {
    const short = r.coverage.filter((c) => c.planned !== null && c.planned > c.trained);
    out.push(
      `年度计划培训 ${t.planned} 人，实际参训 ${t.trained} 人，完成率 ${pctText(t.coverage)}` +
        (short.length ? `；未完成计划的有 ${short.map((c) => `${c.label.zh}（${c.trained}/${c.planned}）`).join("、")}。` : "，各类人员均完成计划。"),
    );
  } else out.push(`本年度未录入培训计划，实际参训 ${t.trained} 人。`);
  const notEligible = t.trained - t.eligible;
  out.push(`学时符合规定、具备考试资格 ${t.eligible} 人（${pctText(rate(t.eligible, t.trained))}）` + (notEligible ? `，${notEligible} 人学时未达标。` : "。"));
  for (const h of r.hours.filter((x) => x.practicalRequired))
    out.push(`${CATEGORY_LABEL[h.category].zh}实训学时不低于 ${pctText(h.minPracticalShare)} 的 ${h.practicalOk}/${h.trainees} 人（${pctText(h.practicalShare)}）。`);
  const p = r.pass;
  if (p.sat)
    out.push(
      `参加考试 ${p.sat} 人，首次考试合格 ${p.firstPassed}/${p.firstSat}（${pctText(p.firstRate)}），含补考合格 ${p.passed}/${p.sat}（${pctText(p.overallRate)}）` +
        (p.absent ? `；缺考 ${p.absent} 人次。` : "。"),
    );
  else out.push("本年度尚无已发布的考试成绩。");
  out.push(r.incidentTotal ? `考场异常情况记录 ${r.incidentTotal} 起，分类见“考场异常情况”一节。` : "考试期间未发生考场异常情况记录。");
  const c = r.certificates;
  if (c.issued === 0) out.push("尚未颁发培训考核合格证明。");
  else out.push(`颁发培训考核合格证明 ${c.issued} 份` + (c.revoked ? `，其中撤销 ${c.revoked} 份，有效 ${c.valid} 份。` : "，均有效。"));
  return out;
}
