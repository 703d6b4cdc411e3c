// Training rules (DESIGN.md §3) as data: hours per category, offline share, practical share,
// class size and annual retraining. Defaults come from the seed document; the bureau edits
// them in the database (RuleSet) without a code change.
import type { Category, Industry } from "./vocabulary";

export interface TrainingRule {
  industry: Industry;
  category: Category;
  minHours: number;
  maxHours: number;
  minOfflineShare: number; // 0..1
  minPracticalShare: number; // 0..1
  maxOfflineClassSize: number;
  retrainingHours: number; // annual requirement
}

const HOURS: Record<Category, { min: number; max: number; practical: number; classSize: number }> = {
  SAFETY_LEADER: { min: 12, max: 48, practical: 0, classSize: 40 },
  SAFETY_MANAGER: { min: 12, max: 48, practical: 0, classSize: 80 },
  TEAM_LEADER: { min: 20, max: 72, practical: 0.25, classSize: 80 },
};

/**
 * Annual retraining: 12 h for leaders and managers, 16 h in mining (《生产经营单位安全培训规定》第九条).
 * The team-leader figure is not fixed nationally; 20 h follows 第十三条's 每年再培训 for high-risk
 * front-line staff and is editable rule data.
 */
function retraining(industry: Industry, category: Category): number {
  if (category === "TEAM_LEADER") return 20;
  return industry === "MINING" ? 16 : 12;
}

export function defaultRules(): TrainingRule[] {
  const out: TrainingRule[] = [];
  for (const industry of ["MINING", "MACHINERY"] as const)
    for (const category of ["SAFETY_LEADER", "SAFETY_MANAGER", "TEAM_LEADER"] as const) {
      const h = HOURS[category];
      out.push({
        industry,
        category,
        minHours: h.min,
        maxHours: h.max,
        minOfflineShare: 0.6,
        minPracticalShare: h.practical,
        maxOfflineClassSize: h.classSize,
        retrainingHours: retraining(industry, category),
      });
    }
  return out;
}

export function findRule(rules: TrainingRule[], industry: Industry, category: Category): TrainingRule {
  const r = rules.find((x) => x.industry === industry && x.category === category);
  if (!r) throw new Error(`no training rule for ${industry} × ${category}`);
  return r;
}
