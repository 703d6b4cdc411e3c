// Blueprints (组卷规则): what a paper must contain (DESIGN.md §3 national conventions as defaults).
// The zod schema checks the shape; validateBlueprint checks that the numbers make sense together
// and names each problem in Chinese with its numbers, e.g. "各题型分值合计 95 ≠ 总分 100".
import { z } from "zod";
import { QUESTION_TYPES, REQUIRED_LAWS, TOPICS, TYPE_LABEL, type QuestionType } from "./vocabulary";

export const DIFFICULTIES = ["1", "2", "3", "4", "5"] as const;
export type DifficultyKey = (typeof DIFFICULTIES)[number];

const section = z.strictObject({
  type: z.enum(QUESTION_TYPES),
  count: z.number(),
  pointsPerItem: z.number(),
});

/**
 * Multiple-choice scoring. PARTIAL is 少选得分: any wrong pick scores 0; otherwise each correct
 * pick earns perCorrectShare × item points, capped below full points unless every correct
 * option was picked.
 */
const multipleScoring = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("ALL_OR_NOTHING") }),
  z.strictObject({ mode: z.literal("PARTIAL"), perCorrectShare: z.number() }),
]);

/** At least `min` items on `topic`: across all sections, or within one question type. */
const topicMinimum = z.strictObject({
  topic: z.string().min(1),
  min: z.number(),
  type: z.enum(QUESTION_TYPES).optional(),
});

const NATIONAL_MIX = { 1: 0.15, 2: 0.3, 3: 0.3, 4: 0.17, 5: 0.08 };

export const blueprintSchema = z.strictObject({
  name: z.string().min(1),
  sections: z.array(section),
  totalPoints: z.number().default(100),
  passMark: z.number().default(80),
  durationMin: z.number().default(120),
  multipleScoring: multipleScoring.default({ mode: "ALL_OR_NOTHING" }),
  topicMinimums: z.array(topicMinimum).default([]),
  /** difficulty "1".."5" → share of items; shares sum to 1. */
  difficultyMix: z.partialRecord(z.enum(DIFFICULTIES), z.number()).default(NATIONAL_MIX),
  /** Largest share (0..1) of this paper's items it may share with any other paper of the period. */
  maxOverlapWithPeriod: z.number().default(0.3),
  /** A resit paper shares no item with the candidate's first paper. */
  resitNoOverlap: z.boolean().default(true),
});

export type BlueprintSpec = z.output<typeof blueprintSchema>;
export type BlueprintInput = z.input<typeof blueprintSchema>;
export type BlueprintSection = BlueprintSpec["sections"][number];
export type TopicMinimum = BlueprintSpec["topicMinimums"][number];
export type MultipleScoring = BlueprintSpec["multipleScoring"];

export interface BlueprintProblem {
  field: string; // e.g. "sections.2.count"
  message: string; // Chinese, with the numbers
}

/** National practice: 100 points, pass 80, 120 minutes, 90 items, the five laws 4 items each. */
export const DEFAULT_BLUEPRINT: BlueprintSpec = {
  name: "全国通行组卷规则（默认）",
  sections: [
    { type: "judge", count: 40, pointsPerItem: 1 },
    { type: "single", count: 40, pointsPerItem: 1 },
    { type: "multiple", count: 10, pointsPerItem: 2 },
  ],
  totalPoints: 100,
  passMark: 80,
  durationMin: 120,
  multipleScoring: { mode: "ALL_OR_NOTHING" },
  topicMinimums: REQUIRED_LAWS.map((topic) => ({ topic, min: 4 })),
  difficultyMix: { ...NATIONAL_MIX },
  maxOverlapWithPeriod: 0.3,
  resitNoOverlap: true,
};

const EPS = 1e-9;
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);
const label = (t: QuestionType) => TYPE_LABEL[t].zh;
const isPosInt = (n: number) => Number.isInteger(n) && n > 0;

/** Every problem with a spec that parsed; an empty list means the blueprint can be used. */
export function validateBlueprint(spec: BlueprintSpec): BlueprintProblem[] {
  const out: BlueprintProblem[] = [];
  const add = (field: string, message: string) => out.push({ field, message });

  if (spec.sections.length === 0) add("sections", "组卷规则至少需要一个题型");
  const seen = new Map<QuestionType, number>();
  spec.sections.forEach((s, i) => {
    if (seen.has(s.type)) add(`sections.${i}.type`, `题型 ${label(s.type)} 重复（第 ${seen.get(s.type)! + 1} 项与第 ${i + 1} 项）`);
    else seen.set(s.type, i);
    if (!isPosInt(s.count)) add(`sections.${i}.count`, `${label(s.type)} 题量 ${num(s.count)} 须为正整数`);
    if (!(s.pointsPerItem > 0)) add(`sections.${i}.pointsPerItem`, `${label(s.type)} 每题分值 ${num(s.pointsPerItem)} 须大于 0`);
  });

  if (!(spec.totalPoints > 0)) add("totalPoints", `总分 ${num(spec.totalPoints)} 须大于 0`);
  const sum = spec.sections.reduce((a, s) => a + s.count * s.pointsPerItem, 0);
  if (spec.sections.length && Math.abs(sum - spec.totalPoints) > EPS)
    add("sections", `各题型分值合计 ${num(sum)} ≠ 总分 ${num(spec.totalPoints)}`);
  if (!(spec.passMark > 0)) add("passMark", `及格分 ${num(spec.passMark)} 须大于 0`);
  if (spec.passMark > spec.totalPoints + EPS) add("passMark", `及格分 ${num(spec.passMark)} 高于总分 ${num(spec.totalPoints)}`);
  if (!isPosInt(spec.durationMin)) add("durationMin", `考试时长 ${num(spec.durationMin)} 分钟须为正整数`);

  const ms = spec.multipleScoring;
  if (ms.mode === "PARTIAL" && !(ms.perCorrectShare > 0 && ms.perCorrectShare < 1))
    add("multipleScoring.perCorrectShare", `少选每个正确选项得分比例 ${num(ms.perCorrectShare)} 须在 0 与 1 之间`);

  out.push(...topicProblems(spec));

  const shares = Object.entries(spec.difficultyMix);
  for (const [d, share] of shares)
    if (!(share >= 0)) add(`difficultyMix.${d}`, `难度 ${d} 的比例 ${num(share)} 不能为负`);
  const mix = shares.reduce((a, [, s]) => a + s, 0);
  if (Math.abs(mix - 1) > 1e-6) add("difficultyMix", `难度比例合计 ${num(mix)} ≠ 1`);

  const o = spec.maxOverlapWithPeriod;
  if (!(o >= 0 && o <= 1)) add("maxOverlapWithPeriod", `同期试卷重复比例上限 ${num(o)} 须在 0 与 1 之间`);
  return out;
}

function topicProblems(spec: BlueprintSpec): BlueprintProblem[] {
  const out: BlueprintProblem[] = [];
  const counts = new Map(spec.sections.map((s) => [s.type, s.count]));
  const totalItems = spec.sections.reduce((a, s) => a + s.count, 0);
  const keys = new Map<string, number>();
  const perType = new Map<QuestionType, number>();
  // Effective need per topic: the across-sections minimum, or the typed minimums if they add up to more.
  const across = new Map<string, number>();
  const typed = new Map<string, number>();

  spec.topicMinimums.forEach((m, i) => {
    const where = m.type ? `${label(m.type)} · ${m.topic}` : m.topic;
    const key = `${m.type ?? "*"}|${m.topic}`;
    if (keys.has(key)) out.push({ field: `topicMinimums.${i}`, message: `主题最少题量 ${where} 重复（第 ${keys.get(key)! + 1} 项与第 ${i + 1} 项）` });
    else keys.set(key, i);
    if (!(TOPICS as readonly string[]).includes(m.topic))
      out.push({ field: `topicMinimums.${i}.topic`, message: `未知主题 ${m.topic}` });
    if (!isPosInt(m.min)) out.push({ field: `topicMinimums.${i}.min`, message: `${where} 最少题量 ${num(m.min)} 须为正整数` });
    if (m.type) {
      if (!counts.has(m.type))
        out.push({ field: `topicMinimums.${i}.type`, message: `${where} 要求至少 ${num(m.min)} 题，但组卷规则没有${label(m.type)}` });
      perType.set(m.type, (perType.get(m.type) ?? 0) + m.min);
      typed.set(m.topic, (typed.get(m.topic) ?? 0) + m.min);
    } else across.set(m.topic, Math.max(across.get(m.topic) ?? 0, m.min));
  });

  for (const [type, need] of perType) {
    const count = counts.get(type);
    if (count !== undefined && need > count)
      out.push({ field: "topicMinimums", message: `${label(type)} 各主题最少题量合计 ${num(need)} 超过该题型题量 ${num(count)}` });
  }
  let need = 0;
  for (const t of new Set([...across.keys(), ...typed.keys()])) need += Math.max(across.get(t) ?? 0, typed.get(t) ?? 0);
  if (need > totalItems) out.push({ field: "topicMinimums", message: `各主题最少题量合计 ${num(need)} 超过总题量 ${num(totalItems)}` });
  return out;
}

/** Parse untrusted JSON (a file, a form) into a usable spec, or say everything that is wrong. */
export function parseBlueprint(raw: unknown): { ok: true; spec: BlueprintSpec } | { ok: false; problems: BlueprintProblem[] } {
  const r = blueprintSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      problems: r.error.issues.map((i) => ({ field: i.path.join("."), message: `${i.path.join(".") || "组卷规则"}: ${i.message}` })),
    };
  const problems = validateBlueprint(r.data);
  return problems.length ? { ok: false, problems } : { ok: true, spec: r.data };
}

/** Total number of items a blueprint asks for. */
export const itemCountOf = (spec: BlueprintSpec) => spec.sections.reduce((a, s) => a + s.count, 0);
