// The ways reports break figures down: by year, industry × category (the plan's own grain),
// category, county (of the trainee's enterprise), enterprise, provider or class.
import { CATEGORIES, CATEGORY_LABEL, INDUSTRIES, INDUSTRY_LABEL } from "../vocabulary";
import type { EnrolmentFact } from "./facts";

export const DIMENSIONS = ["year", "plan", "category", "county", "enterprise", "provider", "class"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Label = { zh: string; en: string };

export const DIMENSION_LABEL: Record<Dimension, Label> = {
  year: { zh: "年度", en: "Year" },
  plan: { zh: "行业 × 人员类别", en: "Industry × category" },
  category: { zh: "人员类别", en: "Category" },
  county: { zh: "县（市、区）", en: "County" },
  enterprise: { zh: "企业", en: "Enterprise" },
  provider: { zh: "施教单位", en: "Provider" },
  class: { zh: "班次", en: "Class" },
};

const same = (s: string): Label => ({ zh: s, en: s });

/** The group an enrolment falls in, its label and a sort key (fixed vocabularies keep their order). */
export function groupOf(f: EnrolmentFact, dim: Dimension): { key: string; label: Label; order: string } {
  switch (dim) {
    case "year":
      return { key: String(f.year), label: same(String(f.year)), order: String(9999 - f.year).padStart(4, "0") };
    case "plan":
      return {
        key: `${f.year}|${f.industry}|${f.category}`,
        label: {
          zh: `${INDUSTRY_LABEL[f.industry].zh} · ${CATEGORY_LABEL[f.category].zh}`,
          en: `${INDUSTRY_LABEL[f.industry].en} · ${CATEGORY_LABEL[f.category].en}`,
        },
        order: `${9999 - f.year}|${INDUSTRIES.indexOf(f.industry)}|${CATEGORIES.indexOf(f.category)}`,
      };
    case "category":
      return { key: f.category, label: CATEGORY_LABEL[f.category], order: String(CATEGORIES.indexOf(f.category)) };
    case "county":
      return { key: f.countyId, label: same(f.countyName), order: f.countyName };
    case "enterprise":
      return { key: f.enterpriseId, label: same(f.enterpriseName), order: f.enterpriseName };
    case "provider":
      return { key: f.providerId, label: same(f.providerName), order: f.providerName };
    case "class":
      return { key: f.classId, label: { zh: `${f.classCode} ${f.className}`, en: `${f.classCode} ${f.className}` }, order: f.classCode };
  }
}

const zh = new Intl.Collator("zh-Hans-CN", { numeric: true });
/** Chinese names in pinyin order (numbers by value). */
export const compareZh = (a: string, b: string) => zh.compare(a, b);
export const byOrder = (a: { order: string }, b: { order: string }) => zh.compare(a.order, b.order);

/**
 * Facts grouped by a dimension, groups in their natural order: years newest first, the fixed
 * vocabularies in their own order, names (counties, enterprises, providers) in pinyin order.
 */
export function groupFacts(facts: readonly EnrolmentFact[], dim: Dimension) {
  const groups = new Map<string, { key: string; label: Label; order: string; facts: EnrolmentFact[] }>();
  for (const f of facts) {
    const g = groupOf(f, dim);
    let entry = groups.get(g.key);
    if (!entry) groups.set(g.key, (entry = { ...g, facts: [] }));
    entry.facts.push(f);
  }
  return [...groups.values()].sort(byOrder);
}
