// The data each report page shows, from the query string, for the auditor's and the exam
// office's routes alike (scope applied through the actor). Read-only.
import type { Actor } from "~/domain/access";
import { certificateCounts, acceptanceReport } from "~/domain/reports/acceptance";
import { coverageBy, coverageTotal } from "~/domain/reports/coverage";
import { feeEligible } from "~/domain/reports/fee-list";
import { DIMENSIONS, type Dimension } from "~/domain/reports/group";
import { itemStats } from "~/domain/reports/items";
import { passCounts, passRatesBy, passTrend } from "~/domain/reports/pass-rates";
import { loadFacts, loadIncidents, loadItemObservations, loadPlans, pickYear, questionLabels, reportYears } from "./reports.server";

export const COVERAGE_DIMENSIONS: readonly Dimension[] = ["plan", "category", "county", "enterprise", "provider", "class", "year"];
export const PASS_DIMENSIONS: readonly Dimension[] = ["class", "provider", "category"];

/** The year (or "all") asked for, falling back to the newest, with a note when the ask was unknown. */
async function yearOf(actor: Actor, params: URLSearchParams, allowAll = false) {
  const years = await reportYears(actor);
  const asked = params.get("year");
  if (allowAll && asked === "all") return { years, year: null as number | null, all: true, notice: null as string | null };
  const year = pickYear(years, asked);
  const notice = asked && year !== null && String(year) !== asked ? `年度“${asked.slice(0, 12)}”没有数据，已显示 ${year} 年。` : null;
  return { years, year, all: false, notice };
}

const dimOf = (params: URLSearchParams, allowed: readonly Dimension[]): Dimension => {
  const d = params.get("by");
  return (DIMENSIONS as readonly string[]).includes(d ?? "") && allowed.includes(d as Dimension) ? (d as Dimension) : allowed[0];
};

export async function hubView(actor: Actor, params: URLSearchParams) {
  const y = await yearOf(actor, params);
  const [facts, plans] = await Promise.all([loadFacts(actor, y.year), loadPlans(actor, y.year)]);
  const fee = feeEligible(facts);
  return {
    ...y,
    hasPlan: plans.length > 0,
    total: coverageTotal(facts, plans),
    rows: coverageBy(facts, plans, "plan"),
    pass: passCounts(facts),
    certificates: certificateCounts(facts),
    feeListed: fee.reduce((a, p) => a + p.totals.listed, 0),
    trend: passTrend(facts),
  };
}

export async function coverageView(actor: Actor, params: URLSearchParams) {
  const by = dimOf(params, COVERAGE_DIMENSIONS);
  const y = await yearOf(actor, params, true);
  const year = by === "year" ? null : y.year;
  const [facts, plans] = await Promise.all([loadFacts(actor, year), loadPlans(actor, year)]);
  const hasPlan = plans.length > 0 && (by === "year" || by === "plan" || by === "category");
  return { ...y, year, all: year === null, by, dimensions: COVERAGE_DIMENSIONS, hasPlan, rows: coverageBy(facts, plans, by), total: coverageTotal(facts, plans) };
}

export async function passRatesView(actor: Actor, params: URLSearchParams) {
  const by = dimOf(params, PASS_DIMENSIONS);
  const y = await yearOf(actor, params, true);
  const facts = await loadFacts(actor, y.year);
  return { ...y, by, dimensions: PASS_DIMENSIONS, rows: passRatesBy(facts, by), total: passCounts(facts), trend: passTrend(facts) };
}

export async function feeListView(actor: Actor, params: URLSearchParams) {
  const y = await yearOf(actor, params);
  const providers = feeEligible(await loadFacts(actor, y.year));
  return { ...y, providers };
}

export async function acceptanceView(actor: Actor, params: URLSearchParams) {
  const y = await yearOf(actor, params);
  if (y.year === null) return { ...y, report: null };
  const [facts, plans, incidents] = await Promise.all([loadFacts(actor, y.year), loadPlans(actor, y.year), loadIncidents(y.year)]);
  return { ...y, report: acceptanceReport(y.year, facts, plans, incidents) };
}

export const FLAG_FILTERS = ["all", "flagged", "easy", "hard", "negative"] as const;

export async function itemsView(actor: Actor, params: URLSearchParams) {
  const y = await yearOf(actor, params, true);
  const flag = (FLAG_FILTERS as readonly string[]).includes(params.get("flag") ?? "") ? (params.get("flag") as (typeof FLAG_FILTERS)[number]) : "flagged";
  const observations = await loadItemObservations(y.year);
  const { items, voided } = itemStats(observations);
  const shown = items.filter((i) => (flag === "all" ? true : flag === "flagged" ? i.flags.length > 0 : i.flags.includes(flag)));
  const labels = await questionLabels(shown.map((i) => i.questionId));
  return {
    ...y,
    flag,
    voided,
    counts: {
      items: items.length,
      flagged: items.filter((i) => i.flags.length).length,
      easy: items.filter((i) => i.flags.includes("easy")).length,
      hard: items.filter((i) => i.flags.includes("hard")).length,
      negative: items.filter((i) => i.flags.includes("negative")).length,
      attempts: new Set(observations.map((o) => o.attemptId)).size,
    },
    items: shown.map((i) => ({ ...i, stem: labels.get(i.questionId)?.stem ?? "", topic: labels.get(i.questionId)?.topic ?? "", options: labels.get(i.questionId)?.options ?? [] })),
  };
}
