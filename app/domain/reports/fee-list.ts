// The fee-eligible list (工伤预防费 payment basis): trainees whose hours meet the rules
// (attended) and who passed a released sitting, grouped per provider, with their hours.
import { CATEGORY_LABEL, INDUSTRY_LABEL } from "../vocabulary";
import { outcomeOf, totalMinutes, type EnrolmentFact } from "./facts";
import { compareZh } from "./group";

export interface FeeRow {
  enrolmentId: string;
  name: string;
  idMasked: string;
  enterpriseName: string;
  countyName: string;
  classId: string;
  classCode: string;
  className: string;
  industry: EnrolmentFact["industry"];
  category: EnrolmentFact["category"];
  /** minutes */
  online: number;
  offline: number;
  practical: number;
  total: number;
  examDate: string;
  sitting: 1 | 2;
  score: number | null;
  certificateNumber: string;
}

export interface FeeClassTotal {
  classId: string;
  classCode: string;
  className: string;
  category: EnrolmentFact["category"];
  /** trainees in the class (not withdrawn) and how many of them are on the list */
  trained: number;
  listed: number;
  online: number;
  offline: number;
  practical: number;
  total: number;
}

export interface FeeProvider {
  providerId: string;
  providerName: string;
  rows: FeeRow[];
  classes: FeeClassTotal[];
  totals: { trained: number; listed: number; online: number; offline: number; practical: number; total: number };
}

export function feeEligible(facts: readonly EnrolmentFact[]): FeeProvider[] {
  const providers = new Map<string, FeeProvider>();
  const sorted = [...facts].sort((a, b) => compareZh(a.providerName, b.providerName) || compareZh(a.classCode, b.classCode));
  for (const f of sorted) {
    let p = providers.get(f.providerId);
    if (!p) providers.set(f.providerId, (p = { providerId: f.providerId, providerName: f.providerName, rows: [], classes: [], totals: { trained: 0, listed: 0, online: 0, offline: 0, practical: 0, total: 0 } }));
    let c = p.classes.find((x) => x.classId === f.classId);
    if (!c) p.classes.push((c = { classId: f.classId, classCode: f.classCode, className: f.className, category: f.category, trained: 0, listed: 0, online: 0, offline: 0, practical: 0, total: 0 }));
    c.trained++;
    p.totals.trained++;
    const o = outcomeOf(f);
    if (!o.eligible || !o.passing) continue;
    const row: FeeRow = {
      enrolmentId: f.enrolmentId,
      name: f.name,
      idMasked: f.idMasked,
      enterpriseName: f.enterpriseName,
      countyName: f.countyName,
      classId: f.classId,
      classCode: f.classCode,
      className: f.className,
      industry: f.industry,
      category: f.category,
      online: f.hours.online,
      offline: f.hours.offline,
      practical: f.hours.practical,
      total: totalMinutes(f.hours),
      examDate: o.passing.date,
      sitting: o.passing.sitting,
      score: o.passing.score,
      certificateNumber: f.certificate?.status === "VALID" ? f.certificate.number : "",
    };
    p.rows.push(row);
    for (const t of [c, p.totals]) {
      t.listed++;
      t.online += row.online;
      t.offline += row.offline;
      t.practical += row.practical;
      t.total += row.total;
    }
  }
  return [...providers.values()];
}

/** Column headers of the XLSX (Chinese, as the HR bureau files them). */
export const FEE_HEADERS = [
  "序号", "施教单位", "班次编号", "班次名称", "行业", "人员类别", "姓名", "身份证号（脱敏）", "所在企业", "县（市、区）",
  "线上学时", "线下学时", "实训学时", "总学时", "考试日期", "考试类型", "成绩", "证书编号",
] as const;

const h = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The list as spreadsheet rows, in FEE_HEADERS order; hours as numbers. */
export function feeSheetRows(providers: readonly FeeProvider[]): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  for (const p of providers)
    for (const r of p.rows)
      out.push([
        out.length + 1, p.providerName, r.classCode, r.className, INDUSTRY_LABEL[r.industry].zh, CATEGORY_LABEL[r.category].zh, r.name, r.idMasked,
        r.enterpriseName, r.countyName, h(r.online), h(r.offline), h(r.practical), h(r.total), r.examDate, r.sitting === 1 ? "首次考试" : "补考",
        r.score ?? "", r.certificateNumber,
      ]);
  return out;
}
