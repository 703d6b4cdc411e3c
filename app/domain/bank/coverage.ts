// The coverage matrix: for one industry × trainee category, how many usable questions the bank
// holds per topic × type × difficulty, against what the blueprint needs. A class sits a first
// paper and may sit a resit that shares no item with it, so every need is `papers` (2) times the
// blueprint's number. Type and topic shortfalls stop a draw ("bad"); the draw falls back to a
// neighbouring difficulty, so a difficulty shortfall only skews the paper ("warn").
import type { BlueprintSpec } from "../blueprint";
import { largestRemainder } from "../draw-plan";
import type { QuestionContent } from "../question";
import { CATEGORIES, INDUSTRIES, QUESTION_TYPES, TOPICS, type Category, type Industry, type QuestionType } from "../vocabulary";
import { usableFor } from "./stats";

export const COVERAGE_DIFFICULTIES = [1, 2, 3, 4, 5] as const;
/** First paper + resit paper with no shared item. */
export const PAPERS_PER_CLASS = 2;

export type CoverageQuestion = Pick<QuestionContent, "type" | "topic" | "industry" | "audience" | "difficulty">;
/** Five counts, difficulty 1..5 at index 0..4. */
export type ByDifficulty = [number, number, number, number, number];

export interface Needs {
  papers: number;
  /** type → items needed (papers × section count); types outside the blueprint need 0. */
  byType: Record<QuestionType, number>;
  /** type → difficulty quotas × papers (the draw splits each section by largest remainder). */
  byTypeDifficulty: Record<QuestionType, ByDifficulty>;
  /** difficulty → items needed across all sections. */
  byDifficulty: ByDifficulty;
  /** topic → items needed across sections (untyped minimums, or the typed ones if they add up to more). */
  byTopic: Record<string, number>;
  /** topic → items needed by untyped minimums alone (a topic shortfall is reported only for these). */
  byTopicUntyped: Record<string, number>;
  /** topic → type → items needed in that section (typed minimums). */
  byTopicType: Record<string, Partial<Record<QuestionType, number>>>;
}

export type Severity = "bad" | "warn";
export interface Shortfall {
  kind: "type" | "topic" | "topicType" | "typeDifficulty";
  type?: QuestionType;
  topic?: string;
  difficulty?: number;
  have: number;
  need: number;
  severity: Severity;
}

export interface PairCoverage {
  industry: Industry;
  category: Category;
  total: number;
  /** topic → type → counts by difficulty. Every known topic is present; other topics are appended. */
  cells: Record<string, Record<QuestionType, ByDifficulty>>;
  byType: Record<QuestionType, number>;
  byTypeDifficulty: Record<QuestionType, ByDifficulty>;
  byDifficulty: ByDifficulty;
  byTopic: Record<string, number>;
  shortfalls: Shortfall[];
  /** The worst severity among the shortfalls, or "ok". */
  status: "ok" | Severity;
}

export interface Coverage {
  needs: Needs;
  topics: string[];
  pairs: PairCoverage[];
}

const zero5 = (): ByDifficulty => [0, 0, 0, 0, 0];
const perType = <T,>(f: () => T) => Object.fromEntries(QUESTION_TYPES.map((t) => [t, f()])) as Record<QuestionType, T>;
/** Index 0..4 for a difficulty (rounded and clamped, as the draw does). */
export const difficultyIndex = (d: number) => (d >= 4.5 ? 4 : !(d >= 1.5) ? 0 : Math.round(d) - 1);

/** What one class needs from the bank under this blueprint. */
export function blueprintNeeds(spec: BlueprintSpec, papers = PAPERS_PER_CLASS): Needs {
  const byType = perType(() => 0);
  const byTypeDifficulty = perType(zero5);
  const byDifficulty = zero5();
  const mix = COVERAGE_DIFFICULTIES.map((d) => spec.difficultyMix[String(d) as "1"] ?? 0);
  for (const s of spec.sections) {
    byType[s.type] += papers * s.count;
    largestRemainder(s.count, mix).forEach((n, i) => {
      byTypeDifficulty[s.type][i] += papers * n;
      byDifficulty[i] += papers * n;
    });
  }
  const across = new Map<string, number>();
  const typedSum = new Map<string, number>();
  const byTopicType: Needs["byTopicType"] = {};
  for (const m of spec.topicMinimums) {
    if (m.type) {
      const row = (byTopicType[m.topic] ??= {});
      row[m.type] = (row[m.type] ?? 0) + papers * m.min;
      typedSum.set(m.topic, (typedSum.get(m.topic) ?? 0) + papers * m.min);
    } else across.set(m.topic, Math.max(across.get(m.topic) ?? 0, papers * m.min));
  }
  const byTopic: Record<string, number> = {};
  for (const t of new Set([...across.keys(), ...typedSum.keys()])) byTopic[t] = Math.max(across.get(t) ?? 0, typedSum.get(t) ?? 0);
  return { papers, byType, byTypeDifficulty, byDifficulty, byTopic, byTopicUntyped: Object.fromEntries(across), byTopicType };
}

/** The matrix for every industry × category pair. */
export function bankCoverage(questions: readonly CoverageQuestion[], spec: BlueprintSpec, papers = PAPERS_PER_CLASS): Coverage {
  const needs = blueprintNeeds(spec, papers);
  const extra = new Set<string>();
  for (const q of questions) if (!(TOPICS as readonly string[]).includes(q.topic)) extra.add(q.topic);
  for (const t of Object.keys(needs.byTopic)) if (!(TOPICS as readonly string[]).includes(t)) extra.add(t);
  const topics = [...TOPICS, ...[...extra].sort()];
  const pairs = INDUSTRIES.flatMap((industry) =>
    CATEGORIES.map((category) => pairCoverage(questions.filter((q) => usableFor(q, industry, category)), industry, category, topics, needs)),
  );
  return { needs, topics, pairs };
}

function pairCoverage(usable: readonly CoverageQuestion[], industry: Industry, category: Category, topics: string[], needs: Needs): PairCoverage {
  const cells: PairCoverage["cells"] = {};
  for (const t of topics) cells[t] = perType(zero5);
  const byType = perType(() => 0);
  const byTypeDifficulty = perType(zero5);
  const byDifficulty = zero5();
  const byTopic: Record<string, number> = Object.fromEntries(topics.map((t) => [t, 0]));
  for (const q of usable) {
    const d = difficultyIndex(q.difficulty);
    cells[q.topic][q.type][d]++;
    byType[q.type]++;
    byTypeDifficulty[q.type][d]++;
    byDifficulty[d]++;
    byTopic[q.topic]++;
  }

  const shortfalls: Shortfall[] = [];
  for (const type of QUESTION_TYPES) {
    if (byType[type] < needs.byType[type]) shortfalls.push({ kind: "type", type, have: byType[type], need: needs.byType[type], severity: "bad" });
    needs.byTypeDifficulty[type].forEach((need, i) => {
      const have = byTypeDifficulty[type][i];
      if (have < need) shortfalls.push({ kind: "typeDifficulty", type, difficulty: i + 1, have, need, severity: "warn" });
    });
  }
  for (const topic of topics) {
    const need = needs.byTopic[topic] ?? 0;
    // Typed-only minimums are checked per type below; their sum adds nothing.
    if (needs.byTopicUntyped[topic] && byTopic[topic] < need) shortfalls.push({ kind: "topic", topic, have: byTopic[topic], need, severity: "bad" });
    for (const [type, n] of Object.entries(needs.byTopicType[topic] ?? {}) as Array<[QuestionType, number]>) {
      const have = sum(cells[topic][type]);
      if (have < n) shortfalls.push({ kind: "topicType", topic, type, have, need: n, severity: "bad" });
    }
  }
  const status = shortfalls.some((s) => s.severity === "bad") ? "bad" : shortfalls.length ? "warn" : "ok";
  return { industry, category, total: usable.length, cells, byType, byTypeDifficulty, byDifficulty, byTopic, shortfalls, status };
}

export const sum = (xs: readonly number[]) => xs.reduce((a, n) => a + n, 0);
