// Plan and coverage: planned, trained (enrolled), eligible to sit, sat, passed and certified,
// broken down by a dimension. The plan exists per year × industry × category only, so the
// planned figure is shown for year, plan and category breakdowns and is null elsewhere.
import { CATEGORIES, CATEGORY_LABEL, INDUSTRIES, INDUSTRY_LABEL } from "../vocabulary";
import { outcomeOf, rate, type EnrolmentFact, type PlanFact } from "./facts";
import { byOrder, groupFacts, type Dimension, type Label } from "./group";

export interface Counts {
  trained: number;
  eligible: number;
  sat: number;
  passed: number;
  certified: number;
}

export interface CoverageRow extends Counts {
  key: string;
  label: Label;
  /** the year of a year or industry × category row (plans are per year); null otherwise */
  year: number | null;
  planned: number | null;
  /** trained / planned (may exceed 1), null without a plan. */
  coverage: number | null;
}

export const COUNT_KEYS = ["trained", "eligible", "sat", "passed", "certified"] as const;

export function countsOf(facts: readonly EnrolmentFact[]): Counts {
  const c: Counts = { trained: 0, eligible: 0, sat: 0, passed: 0, certified: 0 };
  for (const f of facts) {
    const o = outcomeOf(f);
    c.trained++;
    if (o.eligible) c.eligible++;
    if (o.sat) c.sat++;
    if (o.passed) c.passed++;
    if (o.certified) c.certified++;
  }
  return c;
}

const planKey = (dim: Dimension, p: PlanFact): string | null =>
  dim === "year" ? String(p.year) : dim === "plan" ? `${p.year}|${p.industry}|${p.category}` : dim === "category" ? p.category : null;

function planLabel(dim: Dimension, p: PlanFact): { label: Label; order: string } {
  if (dim === "year") return { label: { zh: String(p.year), en: String(p.year) }, order: String(9999 - p.year).padStart(4, "0") };
  if (dim === "category") return { label: CATEGORY_LABEL[p.category], order: String(CATEGORIES.indexOf(p.category)) };
  return {
    label: { zh: `${INDUSTRY_LABEL[p.industry].zh} · ${CATEGORY_LABEL[p.category].zh}`, en: `${INDUSTRY_LABEL[p.industry].en} · ${CATEGORY_LABEL[p.category].en}` },
    order: `${9999 - p.year}|${INDUSTRIES.indexOf(p.industry)}|${CATEGORIES.indexOf(p.category)}`,
  };
}

const yearOf = (dim: Dimension, key: string) => (dim === "year" || dim === "plan" ? Number(key.split("|")[0]) : null);

/**
 * Rows per group, plus planned-but-untrained groups for plan-level dimensions. `facts` and
 * `plans` should already be limited to the same years.
 */
export function coverageBy(facts: readonly EnrolmentFact[], plans: readonly PlanFact[], dim: Dimension): CoverageRow[] {
  const withPlan = dim === "year" || dim === "plan" || dim === "category";
  const planned = new Map<string, number>();
  const planOnly = new Map<string, { label: Label; order: string }>();
  if (withPlan)
    for (const p of plans) {
      const k = planKey(dim, p)!;
      planned.set(k, (planned.get(k) ?? 0) + p.planned);
      planOnly.set(k, planLabel(dim, p));
    }
  const rows: Array<CoverageRow & { order: string }> = groupFacts(facts, dim).map((g) => {
    const counts = countsOf(g.facts);
    const pl = withPlan ? planned.get(g.key) ?? 0 : null;
    return { key: g.key, label: g.label, order: g.order, year: yearOf(dim, g.key), planned: pl, ...counts, coverage: pl ? rate(counts.trained, pl) : null };
  });
  for (const [k, meta] of planOnly)
    if (!rows.some((r) => r.key === k)) {
      const pl = planned.get(k)!;
      rows.push({ key: k, ...meta, year: yearOf(dim, k), planned: pl, trained: 0, eligible: 0, sat: 0, passed: 0, certified: 0, coverage: pl ? 0 : null });
    }
  rows.sort(byOrder);
  return rows.map(({ order: _o, ...r }) => r);
}

/** The total over all facts and the whole plan. */
export function coverageTotal(facts: readonly EnrolmentFact[], plans: readonly PlanFact[]): CoverageRow {
  const counts = countsOf(facts);
  const planned = plans.reduce((a, p) => a + p.planned, 0);
  return { key: "total", label: { zh: "合计", en: "Total" }, year: null, planned, ...counts, coverage: planned ? rate(counts.trained, planned) : null };
}
