// Synthetic question banks for draw tests and the draw bench: deterministic for a seed, any size,
// with the tag mix of the real bank (three types, twelve topics, industries, audiences, difficulty).
import seedrandom from "seedrandom";
import type { QuestionVersionRef } from "../../app/domain/question";
import { CATEGORIES, QUESTION_TYPES, REQUIRED_LAWS, TOPICS, type BankIndustry, type Category, type QuestionType } from "../../app/domain/vocabulary";

export interface SyntheticBankOptions {
  size: number;
  seed?: string;
  idPrefix?: string;
  /** Shares of judge, single, multiple. */
  typeShares?: readonly [number, number, number];
  /** Shares of difficulty 1..5. */
  difficultyShares?: readonly [number, number, number, number, number];
  /** Share of `general` items; the rest split between mining and machinery. */
  generalShare?: number;
  /** Share of items for every category; the rest get one or two categories. */
  allAudienceShare?: number;
  topics?: readonly string[];
}

const pick = <T,>(xs: readonly T[], shares: readonly number[], r: number): T => {
  let acc = 0;
  for (let i = 0; i < xs.length; i++) if (r < (acc += shares[i])) return xs[i];
  return xs[xs.length - 1];
};

/** One question version with every field filled; override what a test cares about. */
export function question(over: Partial<QuestionVersionRef> & { questionId: string }): QuestionVersionRef {
  const type: QuestionType = over.type ?? "single";
  return {
    version: 1,
    versionId: `v-${over.questionId}`,
    contentHash: fakeHash(over.questionId),
    type,
    topic: "安全生产法",
    stem: `题干 ${over.questionId}（  ）`,
    options: type === "judge" ? [] : ["甲", "乙", "丙", "丁"],
    answer: type === "judge" ? true : type === "single" ? "A" : ["A", "B"],
    explanation: "解析",
    source: "《安全生产法》第一条",
    industry: ["general"],
    audience: [...CATEGORIES],
    difficulty: 3,
    ...over,
  };
}

export function syntheticBank(o: SyntheticBankOptions): QuestionVersionRef[] {
  const rng = seedrandom(o.seed ?? "synthetic");
  const typeShares = o.typeShares ?? [0.4, 0.4, 0.2];
  const diffShares = o.difficultyShares ?? [0.15, 0.3, 0.3, 0.17, 0.08];
  const topics = o.topics ?? TOPICS;
  // Required laws twice as likely as the other topics, as in a bank built for the 必学 content.
  const weights = topics.map((t) => ((REQUIRED_LAWS as readonly string[]).includes(t) ? 2 : 1));
  const sum = weights.reduce((a, w) => a + w, 0);
  const topicShares = weights.map((w) => w / sum);
  const general = o.generalShare ?? 0.6;
  const allAudience = o.allAudienceShare ?? 0.7;
  const prefix = o.idPrefix ?? "q";
  const out: QuestionVersionRef[] = new Array(o.size);
  for (let i = 0; i < o.size; i++) {
    const id = `${prefix}-${String(i).padStart(6, "0")}`;
    const r = rng();
    const industry: BankIndustry[] = r < general ? ["general"] : r < general + (1 - general) / 2 ? ["mining"] : ["machinery"];
    const audience: Category[] =
      rng() < allAudience ? [...CATEGORIES] : CATEGORIES.filter((_, k) => k === Math.floor(rng() * 3) || rng() < 0.3);
    out[i] = question({
      questionId: id,
      type: pick(QUESTION_TYPES, typeShares, rng()),
      topic: pick(topics, topicShares, rng()),
      difficulty: pick([1, 2, 3, 4, 5], diffShares, rng()),
      industry,
      audience: audience.length ? audience : ["TEAM_LEADER"],
    });
  }
  return out;
}

/** A stable 64-hex stand-in for a content hash (real hashing would dominate a 100,000-item bank). */
export function fakeHash(id: string): string {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, "0").repeat(8);
}
