// Training rules as stored data (RuleSet), falling back to the seed document's defaults.
import { defaultRules, findRule, type TrainingRule } from "~/domain/rules";
import type { Category, Industry } from "~/domain/vocabulary";
import type { Db, Tx } from "~/utils/db.server";

export async function loadRules(db: Db | Tx): Promise<TrainingRule[]> {
  const rows = await db.ruleSet.findMany();
  const stored = rows.map((r) => ({ ...r, industry: r.industry as Industry, category: r.category as Category }));
  return defaultRules().map((d) => stored.find((s) => s.industry === d.industry && s.category === d.category) ?? d);
}

export async function ruleFor(db: Db | Tx, industry: Industry, category: Category): Promise<TrainingRule> {
  return findRule(await loadRules(db), industry, category);
}
