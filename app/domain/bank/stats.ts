// Bank coverage: how many questions of each type, topic, tag and difficulty, and how many a paper
// for each industry × trainee category can draw from ("usable": industry general or matching,
// audience including the category).
import type { QuestionContent } from "../question";
import {
  BANK_INDUSTRIES,
  CATEGORIES,
  INDUSTRIES,
  QUESTION_TYPES,
  TOPICS,
  bankIndustryOf,
  type Category,
  type Industry,
  type QuestionType,
} from "../vocabulary";

export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;

export interface PairStats {
  industry: Industry;
  category: Category;
  usable: number;
  byType: Record<QuestionType, number>;
}

export interface BankStats {
  total: number;
  byType: Record<string, number>;
  byTopic: Record<string, number>;
  /** Topic × type, for the coverage matrix. */
  byTopicType: Record<string, Record<QuestionType, number>>;
  /** Tag counts: a question tagged [general, mining] counts under both. */
  byIndustry: Record<string, number>;
  byCategory: Record<string, number>;
  byDifficulty: Record<string, number>;
  pairs: PairStats[];
}

/** A question can appear on a paper for this industry and category. */
export function usableFor(q: Pick<QuestionContent, "industry" | "audience">, industry: Industry, category: Category) {
  return (q.industry.includes("general") || q.industry.includes(bankIndustryOf(industry))) && q.audience.includes(category);
}

export function bankStats(questions: readonly QuestionContent[]): BankStats {
  const byType = zeros(QUESTION_TYPES);
  const byTopic = zeros(TOPICS);
  const byTopicType: Record<string, Record<QuestionType, number>> = {};
  for (const t of TOPICS) byTopicType[t] = zeros(QUESTION_TYPES);
  const byIndustry = zeros(BANK_INDUSTRIES);
  const byCategory = zeros(CATEGORIES);
  const byDifficulty = zeros(DIFFICULTIES.map(String));
  const pairs: PairStats[] = INDUSTRIES.flatMap((industry) =>
    CATEGORIES.map((category) => ({ industry, category, usable: 0, byType: zeros(QUESTION_TYPES) })),
  );

  for (const q of questions) {
    bump(byType, q.type);
    bump(byTopic, q.topic);
    (byTopicType[q.topic] ??= zeros(QUESTION_TYPES))[q.type]++;
    for (const i of new Set(q.industry)) bump(byIndustry, i);
    for (const c of new Set(q.audience)) bump(byCategory, c);
    bump(byDifficulty, String(q.difficulty));
    for (const p of pairs)
      if (usableFor(q, p.industry, p.category)) {
        p.usable++;
        p.byType[q.type]++;
      }
  }
  return { total: questions.length, byType, byTopic, byTopicType, byIndustry, byCategory, byDifficulty, pairs };
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function bump(m: Record<string, number>, k: string) {
  m[k] = (m[k] ?? 0) + 1;
}
