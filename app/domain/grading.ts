// Grading: a pure function of the pinned content, the stored responses and the blueprint's
// multiple-choice rule (DESIGN.md §3, §7). Same inputs, same grade, so a regrade after a void
// is just gradeAttempt again.
//
// Rounding: each item's score is rounded to cents. Totals are rescaled so maxScore is always
// totalPoints (score = raw × totalPoints / remainingMax, which is × 1 when nothing is dropped
// and the paper's points add up to totalPoints), the total rounded to cents, and the section and
// topic totals apportioned in cents (largest remainder) so they add up exactly to the total.
import type { MultipleScoring } from "./blueprint";
import type { Answer } from "./question";
import { QUESTION_TYPES, type QuestionType } from "./vocabulary";

export type VoidMode = "CREDIT" | "DROP";

export interface GradableItem {
  position: number;
  section: QuestionType;
  points: number;
  topic: string;
  type: QuestionType;
  answer: Answer; // canonical: boolean | "B" | ["A","C"]
  voided?: null | VoidMode;
}

export type Responses = ReadonlyMap<number, Answer | null> | Record<number, Answer | null>;

export interface GradeInput {
  items: GradableItem[];
  responses: Responses;
  scoring: MultipleScoring;
  totalPoints: number;
  passMark: number;
}

export interface ItemGrade {
  position: number;
  /** Raw (unscaled) points earned on this item; 0 for a dropped item. */
  score: number;
  /** The item's points; 0 for a dropped item (it left the paper). */
  max: number;
  /** Earned the item's full points (a CREDIT item counts as correct; a DROP item never does). */
  correct: boolean;
  answered: boolean;
  voided?: VoidMode;
}

export interface Grade {
  score: number;
  maxScore: number;
  passed: boolean;
  sections: Record<string, { score: number; max: number }>;
  topics: Record<string, { score: number; max: number }>;
  items: ItemGrade[];
  /** totalPoints / raw max of the items that count: what raw points were multiplied by. */
  scale: number;
}

const cents = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-7 : -1e-7));
export const round2 = (x: number) => cents(x) / 100;

function lookup(responses: Responses, position: number): Answer | null | undefined {
  if (typeof (responses as ReadonlyMap<number, Answer | null>).get === "function")
    return (responses as ReadonlyMap<number, Answer | null>).get(position);
  return (responses as Record<number, Answer | null>)[position];
}

/** The picks of a choice response as a set of trimmed upper-case strings (non-strings kept as wrong picks). */
function picksOf(response: unknown): Set<string> {
  const list = Array.isArray(response) ? response : response == null ? [] : [response];
  return new Set(list.map((x) => (typeof x === "string" ? x.trim().toUpperCase() : `\u0000${String(x)}`)));
}

function isAnswered(response: unknown): boolean {
  if (response === null || response === undefined) return false;
  if (Array.isArray(response)) return response.length > 0;
  if (typeof response === "string") return response.trim() !== "";
  return true;
}

/** Points earned on one item, before any rescaling; rounded to cents. A DROP item earns 0. */
export function scoreItem(item: GradableItem, response: Answer | null | undefined, scoring: MultipleScoring): number {
  if (item.voided === "CREDIT") return item.points;
  if (item.voided === "DROP") return 0;
  if (!isAnswered(response)) return 0;
  if (item.type === "judge") return response === item.answer ? item.points : 0;

  const key = picksOf(item.answer);
  const picks = picksOf(response);
  const wrong = [...picks].some((p) => !key.has(p));
  if (wrong) return 0;
  if (picks.size === key.size) return item.points;
  // A strict, non-empty subset of the key (only multiple-choice keys have more than one letter).
  if (item.type !== "multiple" || scoring.mode !== "PARTIAL") return 0;
  const step = scoring.perCorrectShare * item.points;
  return round2(Math.max(0, Math.min(picks.size * step, item.points - step)));
}

/**
 * Splits `total` cents among the values in proportion (largest remainder, ties to the earlier
 * one), so the parts add up exactly to `total`.
 */
function apportion(values: number[], totalCents: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.length === 0) return [];
  if (sum <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v / sum) * totalCents);
  const floors = exact.map((e) => Math.floor(e + 1e-7));
  let left = totalCents - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && k < order.length; k++, left--) floors[order[k].i]++;
  return floors;
}

type Totals = Map<string, { score: number; max: number }>;

function add(map: Totals, key: string, score: number, max: number) {
  const t = map.get(key) ?? { score: 0, max: 0 };
  t.score += score;
  t.max += max;
  map.set(key, t);
}

/** Scales raw group totals and apportions them in cents to the rounded overall score and max. */
function scaled(map: Totals, scoreCents: number, maxCents: number): Record<string, { score: number; max: number }> {
  const keys = [...map.keys()];
  const raw = keys.map((k) => map.get(k)!);
  const s = apportion(raw.map((t) => t.score), scoreCents);
  const m = apportion(raw.map((t) => t.max), maxCents);
  // Rounding may hand a full-marks group one cent above its max: give that cent to a group with room.
  for (let i = 0; i < keys.length; i++)
    while (s[i] > m[i]) {
      const j = s.findIndex((x, k) => x < m[k]);
      if (j < 0) break;
      s[i]--;
      s[j]++;
    }
  return Object.fromEntries(keys.map((k, i) => [k, { score: s[i] / 100, max: m[i] / 100 }]));
}

export function gradeAttempt(input: GradeInput): Grade {
  const items = [...input.items].sort((a, b) => a.position - b.position);
  const itemGrades: ItemGrade[] = [];
  const sections: Totals = new Map(QUESTION_TYPES.filter((t) => items.some((i) => i.section === t && i.voided !== "DROP")).map((t) => [t, { score: 0, max: 0 }]));
  const topics: Totals = new Map();
  let raw = 0;
  let rawMax = 0;
  for (const item of items) {
    const response = lookup(input.responses, item.position);
    const answered = isAnswered(response);
    const dropped = item.voided === "DROP";
    const score = scoreItem(item, response, input.scoring);
    const max = dropped ? 0 : item.points;
    itemGrades.push({
      position: item.position,
      score,
      max,
      correct: !dropped && max > 0 && score >= max,
      answered,
      ...(item.voided ? { voided: item.voided } : {}),
    });
    if (dropped) continue;
    raw += score;
    rawMax += max;
    add(sections, item.section, score, max);
    add(topics, item.topic, score, max);
  }
  const scale = rawMax > 0 ? input.totalPoints / rawMax : 0;
  const scoreCents = Math.min(cents(raw * scale), cents(input.totalPoints));
  const maxCents = rawMax > 0 ? cents(input.totalPoints) : 0;
  const score = scoreCents / 100;
  return {
    score,
    maxScore: maxCents / 100,
    passed: rawMax > 0 && score + 1e-9 >= input.passMark,
    sections: scaled(sections, scoreCents, maxCents),
    topics: scaled(topics, scoreCents, maxCents),
    items: itemGrades,
    scale,
  };
}
