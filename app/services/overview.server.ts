// Yearly training figures: planned vs trained per industry × category. Used by the examiner's
// overview and the auditor's report.
import { checkEligibility, totalsOf } from "~/domain/eligibility";
import { findRule } from "~/domain/rules";
import type { Category, Industry } from "~/domain/vocabulary";
import { loadRules } from "~/data/rules.server";
import { db } from "~/utils/db.server";

export interface CoverageRow {
  year: number;
  industry: Industry;
  category: Category;
  planned: number;
  enrolled: number;
  eligible: number;
}

export async function coverage(): Promise<CoverageRow[]> {
  const p = await db();
  const [plans, classes, rules] = await Promise.all([
    p.trainingPlan.findMany(),
    p.trainingClass.findMany({ include: { enrolments: { where: { status: "ACTIVE" }, include: { records: true } } } }),
    loadRules(p),
  ]);
  const rows = new Map<string, CoverageRow>();
  const key = (y: number, i: string, c: string) => `${y}|${i}|${c}`;
  const row = (year: number, industry: Industry, category: Category) => {
    const k = key(year, industry, category);
    if (!rows.has(k)) rows.set(k, { year, industry, category, planned: 0, enrolled: 0, eligible: 0 });
    return rows.get(k)!;
  };
  for (const pl of plans) row(pl.year, pl.industry as Industry, pl.category as Category).planned += pl.planned;
  for (const c of classes) {
    const r = row(c.year, c.industry as Industry, c.category as Category);
    const rule = findRule(rules, c.industry as Industry, c.category as Category);
    r.enrolled += c.enrolments.length;
    r.eligible += c.enrolments.filter((e) => checkEligibility(totalsOf(e.records), rule).length === 0).length;
  }
  return [...rows.values()].sort((a, b) => b.year - a.year || a.industry.localeCompare(b.industry) || a.category.localeCompare(b.category));
}
