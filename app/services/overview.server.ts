// Yearly training figures: planned vs trained, eligible, sat, passed and certified per
// industry × category (the plan's grain), as the exam office's overview shows them. The full
// reports live in app/data/report-views.server.ts.
import type { Actor } from "~/domain/access";
import { coverageBy, type CoverageRow } from "~/domain/reports/coverage";
import { loadFacts, loadPlans } from "~/data/reports.server";

export type { CoverageRow };

export async function coverage(actor: Actor): Promise<CoverageRow[]> {
  const [facts, plans] = await Promise.all([loadFacts(actor, null), loadPlans(actor, null)]);
  return coverageBy(facts, plans, "plan");
}
