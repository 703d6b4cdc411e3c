// Item statistics for examiners, per bank question across every released attempt that had it:
// - facility: the mean share of the item's points scored (0..1);
// - discrimination: the item–rest correlation, i.e. Pearson's r between the item's score share
//   and the candidate's score on the REST of the paper (total − this item's points). For an
//   item scored right/wrong this is the (corrected) point-biserial coefficient; it is what
//   Moodle's statistics report calls the discrimination index. The rest score is used so the
//   item does not correlate with itself. Null when fewer than two attempts or no variance;
// - how often each option was chosen (and how often the item was left blank).
// Voided items (CREDIT or DROP) say nothing about the question and are left out.
import type { MultipleScoring } from "../blueprint";
import { scoreItem } from "../grading";
import type { Answer } from "../question";
import { LETTERS } from "../question";
import type { QuestionType } from "../vocabulary";

export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;

export interface ItemObservation {
  attemptId: string;
  /** the attempt's total score in points */
  total: number;
  questionId: string;
  version: number;
  type: QuestionType;
  points: number;
  key: Answer;
  optionCount: number;
  /** the candidate's canonical answer; undefined or null when left blank */
  answer: unknown;
  scoring: MultipleScoring;
  voided?: string | null;
}

/** Picked letters of a multiple-choice answer, deduplicated and sorted; [] for anything else. */
const picks = (a: unknown): string[] => (Array.isArray(a) ? [...new Set(a.filter((x): x is string => typeof x === "string"))].sort() : []);
const blank = (a: unknown) => a === undefined || a === null || a === "" || (Array.isArray(a) && a.length === 0);

/** Share (0..1) of an item's points an answer earns: the grader's own scoreItem, unscaled. */
export function itemShare(type: QuestionType, key: Answer, answer: unknown, scoring: MultipleScoring, points = 1): number {
  if (!(points > 0)) return 0;
  return scoreItem({ position: 0, section: type, type, points, topic: "", answer: key }, answer as Answer | null | undefined, scoring) / points;
}

/** Pearson's r, or null when it is undefined (n < 2 or a constant series). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export type ItemFlag = "easy" | "hard" | "negative";

export interface ChoiceCount {
  /** option letter, or "T"/"F" for true/false items */
  value: string;
  count: number;
  share: number;
  correct: boolean;
}

export interface ItemStat {
  questionId: string;
  type: QuestionType;
  versions: number[];
  attempts: number;
  facility: number;
  discrimination: number | null;
  choices: ChoiceCount[];
  blank: number;
  flags: ItemFlag[];
}

/** Statistics per question id, ordered by worst first: flagged items, then by facility. */
export function itemStats(observations: readonly ItemObservation[]): { items: ItemStat[]; voided: number } {
  const byQuestion = new Map<string, ItemObservation[]>();
  let voided = 0;
  for (const o of observations) {
    if (o.voided) {
      voided++;
      continue;
    }
    const list = byQuestion.get(o.questionId);
    if (list) list.push(o);
    else byQuestion.set(o.questionId, [o]);
  }
  const items: ItemStat[] = [];
  for (const [questionId, obs] of byQuestion) {
    const latest = obs.reduce((a, b) => (b.version > a.version ? b : a));
    const shares = obs.map((o) => itemShare(o.type, o.key, o.answer, o.scoring, o.points));
    const rest = obs.map((o, i) => o.total - shares[i] * o.points);
    const facility = shares.reduce((a, b) => a + b, 0) / obs.length;
    const discrimination = pearson(shares, rest);
    const flags: ItemFlag[] = [];
    if (facility > TOO_EASY) flags.push("easy");
    if (facility < TOO_HARD) flags.push("hard");
    if (discrimination !== null && discrimination < 0) flags.push("negative");
    items.push({
      questionId,
      type: latest.type,
      versions: [...new Set(obs.map((o) => o.version))].sort((a, b) => a - b),
      attempts: obs.length,
      facility,
      discrimination,
      choices: choicesOf(latest, obs),
      blank: obs.filter((o) => blank(o.answer)).length,
      flags,
    });
  }
  items.sort((a, b) => b.flags.length - a.flags.length || a.facility - b.facility || a.questionId.localeCompare(b.questionId));
  return { items, voided };
}

function choicesOf(latest: ItemObservation, obs: readonly ItemObservation[]): ChoiceCount[] {
  const n = obs.length;
  if (latest.type === "judge")
    return [true, false].map((v) => {
      const count = obs.filter((o) => o.answer === v).length;
      return { value: v ? "T" : "F", count, share: count / n, correct: latest.key === v };
    });
  const letters = LETTERS.slice(0, Math.max(...obs.map((o) => o.optionCount)));
  const key = latest.type === "single" ? [latest.key as string] : picks(latest.key);
  return letters.map((l) => {
    const count = obs.filter((o) => (latest.type === "single" ? o.answer === l : picks(o.answer).includes(l))).length;
    return { value: l, count, share: count / n, correct: key.includes(l) };
  });
}
