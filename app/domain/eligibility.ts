// Eligibility to sit: the hour rules of DESIGN.md §3 applied to one trainee's records.
// Every broken rule comes back with its numbers, e.g. "线下学时 7/20 < 60%".
import type { TrainingRule } from "./rules";
import type { TrainingMode } from "./vocabulary";

export interface HoursTotals {
  online: number; // minutes
  offline: number;
  practical: number;
}

export type RuleBreak =
  | { rule: "minHours"; total: number; min: number }
  | { rule: "maxHours"; total: number; max: number }
  | { rule: "offlineShare"; offline: number; total: number; minShare: number }
  | { rule: "practicalShare"; practical: number; total: number; minShare: number };

export function totalsOf(records: Array<{ mode: TrainingMode | string; minutes: number }>): HoursTotals {
  const t: HoursTotals = { online: 0, offline: 0, practical: 0 };
  for (const r of records) {
    if (r.mode === "ONLINE") t.online += r.minutes;
    else if (r.mode === "OFFLINE") t.offline += r.minutes;
    else if (r.mode === "PRACTICAL") t.practical += r.minutes;
  }
  return t;
}

/**
 * Practical (实训) sessions are held in person, so they count toward the offline share as well
 * as toward the team leaders' practical share: the seed contrasts 线上学习 with 线下培训 and
 * names 实操性内容 as offline content.
 */
export function checkEligibility(t: HoursTotals, rule: TrainingRule): RuleBreak[] {
  const total = t.online + t.offline + t.practical;
  const inPerson = t.offline + t.practical;
  const breaks: RuleBreak[] = [];
  if (total < rule.minHours * 60) breaks.push({ rule: "minHours", total, min: rule.minHours * 60 });
  if (total > rule.maxHours * 60) breaks.push({ rule: "maxHours", total, max: rule.maxHours * 60 });
  if (total > 0 && inPerson < total * rule.minOfflineShare - 1e-9)
    breaks.push({ rule: "offlineShare", offline: inPerson, total, minShare: rule.minOfflineShare });
  if (rule.minPracticalShare > 0 && total > 0 && t.practical < total * rule.minPracticalShare - 1e-9)
    breaks.push({ rule: "practicalShare", practical: t.practical, total, minShare: rule.minPracticalShare });
  return breaks;
}

export const hours = (minutes: number) => {
  const h = minutes / 60;
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
};
const pct = (share: number) => `${Math.round(share * 100)}%`;

export function describeBreak(b: RuleBreak, lang: "zh" | "en" = "zh"): string {
  const zh = lang === "zh";
  switch (b.rule) {
    case "minHours":
      return zh ? `总学时 ${hours(b.total)} < ${hours(b.min)}` : `total hours ${hours(b.total)} < ${hours(b.min)}`;
    case "maxHours":
      return zh ? `总学时 ${hours(b.total)} > ${hours(b.max)}` : `total hours ${hours(b.total)} > ${hours(b.max)}`;
    case "offlineShare":
      return zh
        ? `线下学时 ${hours(b.offline)}/${hours(b.total)} < ${pct(b.minShare)}`
        : `offline hours ${hours(b.offline)}/${hours(b.total)} < ${pct(b.minShare)}`;
    case "practicalShare":
      return zh
        ? `实训学时 ${hours(b.practical)}/${hours(b.total)} < ${pct(b.minShare)}`
        : `practical hours ${hours(b.practical)}/${hours(b.total)} < ${pct(b.minShare)}`;
  }
}

/** Offline class-size rule: safety leaders ≤ 40, others ≤ 80. */
export function classSizeError(size: number, rule: TrainingRule): string | null {
  return size > rule.maxOfflineClassSize
    ? `线下班级人数 ${size} 超过上限 ${rule.maxOfflineClassSize} 人（${rule.category === "SAFETY_LEADER" ? "安全生产分管负责人小班教学" : "专职安全管理人员和班组长"}）`
    : null;
}
