// The paper draw (组卷): a blueprint, a bank snapshot and a seed give one paper, byte for byte.
// Pure: seedrandom with the given seed is the only source of randomness (DESIGN.md §4).
//
// 1. Filter the eligible items (type in the blueprint, industry general or matching, audience
//    includes the category, not excluded for a resit) and put them in questionId order (a radix
//    sort, string-order.ts), so input order never matters; then shuffle with seedrandom(seed).
// 2. Order them by tier — exposure (times used; Moodle picks the least used), then how many
//    papers of the period already hold the item — keeping the shuffled order within a tier. This
//    is a counting sort: everything up to here is linear in the bank size.
// 3. Count what each section and topic has; plan how many items of each required topic each
//    section takes (draw-plan.ts). Anything short is reported, with its numbers, and no paper.
// 4. Per section, per-difficulty quotas by largest remainder; take the topic minimums, then fill.
//    Each pick (draw-pick.ts) takes the best tier among the five difficulty lists, then the difficulty
//    whose quota is most open, falling back to the nearest difficulty. Items that would push the
//    overlap with any period paper past the limit are skipped.
// 5. Shuffle each section with the same generator; positions run judge → single → multiple.
import seedrandom from "seedrandom";
import { itemCountOf, validateBlueprint, type BlueprintSpec } from "./blueprint";
import { canonicalJson, sha256Hex } from "./canonical";
import { pickOne } from "./draw-pick";
import { largestRemainder, planTopics } from "./draw-plan";
import { sortedOrder } from "./string-order";
import type { QuestionVersionRef } from "./question";
import {
  CATEGORY_LABEL,
  INDUSTRY_LABEL,
  QUESTION_TYPES,
  TYPE_LABEL,
  bankIndustryOf,
  type Category,
  type Industry,
  type QuestionType,
} from "./vocabulary";

export const DRAW_ALGORITHM = "ankao-draw/1";

/** What the draw reads of a question version; versionId is absent when drawing from YAML. */
export type DrawableQuestion = Pick<
  QuestionVersionRef,
  "questionId" | "version" | "contentHash" | "type" | "topic" | "industry" | "audience" | "difficulty"
> & { versionId?: string };

export interface DrawInput {
  bank: readonly DrawableQuestion[]; // active versions, any order
  blueprint: BlueprintSpec;
  industry: Industry;
  category: Category;
  seed: string;
  /** Question ids that must not appear: the candidate's first paper, for a resit. */
  exclude?: readonly string[];
  /** Question ids of the other papers of the same period, one list per paper. */
  periodPapers?: readonly (readonly string[])[];
  /** questionId → times used so far; less exposed items are preferred. */
  exposure?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

export interface PaperItem {
  position: number; // 1-based, across the paper
  section: QuestionType;
  questionId: string;
  version: number;
  versionId?: string; // database row; not part of the hash
  contentHash: string;
  points: number;
}

export interface Paper {
  algorithm: string; // DRAW_ALGORITHM
  seed: string;
  industry: Industry;
  category: Category;
  blueprint: BlueprintSpec;
  items: PaperItem[];
  hash: string;
}

export interface Shortfall {
  section?: QuestionType; // absent: a topic minimum across all sections
  topic?: string;
  need: number;
  have: number;
  excludedByResit: number;
  blockedByOverlap?: number;
  message: string;
}

export type DrawResult = { ok: true; paper: Paper } | { ok: false; shortfalls: Shortfall[] };

const DIFFS = [1, 2, 3, 4, 5] as const;
const SECTION_ORDER: readonly QuestionType[] = QUESTION_TYPES; // judge, single, multiple

export function drawPaper(input: DrawInput): DrawResult {
  const spec = input.blueprint;
  const problems = validateBlueprint(spec);
  if (problems.length) throw new Error(`invalid blueprint: ${problems.map((p) => p.message).join("; ")}`);
  const sections = SECTION_ORDER.flatMap((t) => spec.sections.filter((s) => s.type === t));
  const limit = Math.floor(spec.maxOverlapWithPeriod * itemCountOf(spec) + 1e-9);
  const who = `${CATEGORY_LABEL[input.category].zh}/${INDUSTRY_LABEL[input.industry].zh}`;

  // 1. Eligible pool in questionId order; the highest version wins a duplicate id.
  const tag = bankIndustryOf(input.industry);
  const topics = [...new Set(spec.topicMinimums.map((m) => m.topic))];
  const secOf = new Map(sections.map((s, k) => [s.type, k]));
  const topicOf = new Map(topics.map((t, k) => [t, k]));
  const excluded = new Set(input.exclude ?? []);
  const resitOut = new Map<string, number>(); // `${type}|${topic}` and `${type}|*` → excluded items
  const seenOut = new Set<string>();
  const found: DrawableQuestion[] = [];
  const foundIds: string[] = [];
  const foundAt: number[] = []; // section, difficulty and required topic, packed (read once, in bank order)
  for (const q of input.bank) {
    const k = secOf.get(q.type);
    if (k === undefined || !q.audience.includes(input.category)) continue;
    if (!q.industry.includes("general") && !q.industry.includes(tag)) continue;
    if (excluded.size && excluded.has(q.questionId)) {
      if (!seenOut.has(q.questionId)) {
        seenOut.add(q.questionId);
        bump(resitOut, `${q.type}|${q.topic}`);
        bump(resitOut, `${q.type}|*`);
      }
      continue;
    }
    const d = q.difficulty >= 4.5 ? 4 : !(q.difficulty >= 1.5) ? 0 : Math.round(q.difficulty) - 1;
    found.push(q);
    foundIds.push(q.questionId);
    foundAt.push(k | (d << 2) | ((topicOf.get(q.topic) ?? -1) + 1) << 5);
  }
  const pool: DrawableQuestion[] = [];
  const packed: number[] = [];
  for (const f of sortedOrder(foundIds)) {
    const q = found[f];
    const last = pool[pool.length - 1];
    if (last?.questionId !== q.questionId) {
      pool.push(q);
      packed.push(foundAt[f]);
    } else if (q.version > last.version || (q.version === last.version && q.contentHash > last.contentHash)) {
      pool[pool.length - 1] = q;
      packed[packed.length - 1] = foundAt[f];
    }
  }
  const m = pool.length;

  // 2. A seeded order (Fisher–Yates over the id order), then stable tiers: (exposure, number of
  //    period papers holding the item), by counting sort.
  const rng = seedrandom(input.seed);
  const next = () => rng.quick(); // 32 random bits: plenty for an index, twice as fast as rng()
  let order: Int32Array = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  shuffleInPlace(order, next);
  const inPeriod = new Map<string, number[]>();
  (input.periodPapers ?? []).forEach((ids, j) => {
    for (const id of new Set(ids)) (inPeriod.get(id) ?? inPeriod.set(id, []).get(id)!).push(j);
  });
  let tier: Int32Array = new Int32Array(m);
  if (input.exposure || inPeriod.size) {
    const exposureOf = exposureReader(input.exposure);
    const width = (input.periodPapers?.length ?? 0) + 1;
    ({ order, tier } = byTier(order, (i) => exposureOf(pool[i].questionId) * width + (inPeriod.get(pool[i].questionId)?.length ?? 0)));
  }

  // 3. Lists in that order per section × difficulty and per section × required topic × difficulty.
  const fiveLists = () => DIFFS.map(() => [] as number[]);
  const secLists = sections.map(fiveLists);
  const topicLists = sections.map(() => topics.map(fiveLists));
  const secCount = new Int32Array(sections.length);
  const topicCount = new Int32Array(sections.length * topics.length);
  for (let r = 0; r < m; r++) {
    const i = order[r];
    const k = packed[i] & 3;
    const d = (packed[i] >> 2) & 7;
    secLists[k][d].push(i);
    secCount[k]++;
    const t = (packed[i] >> 5) - 1;
    if (t < 0) continue;
    topicCount[k * topics.length + t]++;
    topicLists[k][t][d].push(i);
  }
  const avail = new Map<string, number>(); // `${type}|*` and `${type}|${topic}` → eligible items
  const availAcross = new Map<string, number>();
  sections.forEach((s, k) => {
    avail.set(`${s.type}|*`, secCount[k]);
    topics.forEach((t, j) => {
      avail.set(`${s.type}|${t}`, topicCount[k * topics.length + j]);
      availAcross.set(t, (availAcross.get(t) ?? 0) + topicCount[k * topics.length + j]);
    });
  });

  const shortfalls: Shortfall[] = [];
  const short = (section: QuestionType | undefined, topic: string | undefined, need: number, have: number, excludedByResit: number, why?: string, blockedByOverlap?: number) =>
    shortfalls.push({
      ...(section && { section }),
      ...(topic && { topic }),
      need,
      have,
      excludedByResit,
      ...(blockedByOverlap !== undefined && { blockedByOverlap }),
      message:
        [section ? TYPE_LABEL[section].zh : "全部题型", topic, who].filter(Boolean).join(" · ") +
        `: need ${need}, ${why ?? `bank has ${have}`}` +
        (excludedByResit ? ` after excluding ${excludedByResit} items used in the first paper` : ""),
    });
  for (const s of sections) {
    const have = avail.get(`${s.type}|*`) ?? 0;
    if (have < s.count) short(s.type, undefined, s.count, have, resitOut.get(`${s.type}|*`) ?? 0);
  }
  const typed = new Map<string, number>();
  const across = new Map<string, number>();
  for (const m of spec.topicMinimums) {
    if (!m.type) across.set(m.topic, Math.max(across.get(m.topic) ?? 0, m.min));
    else typed.set(`${m.type}|${m.topic}`, m.min);
  }
  for (const [key, need] of typed) {
    const have = avail.get(key) ?? 0;
    const [type, topic] = key.split("|") as [QuestionType, string];
    if (have < need) short(type, topic, need, have, resitOut.get(key) ?? 0);
  }
  const plan = planTopics({ sections, across, typed, avail });
  for (const [topic, { need, placed }] of plan.unmet) {
    const have = availAcross.get(topic) ?? 0;
    const out = sections.reduce((a, s) => a + (resitOut.get(`${s.type}|${topic}`) ?? 0), 0);
    short(undefined, topic, need, have, out, have < need ? undefined : `only ${placed} fit beside the other topic minimums`);
  }
  if (shortfalls.length) return { ok: false, shortfalls };

  // 4. Pick.
  const picked = new Uint8Array(pool.length);
  const used = new Int32Array(input.periodPapers?.length ?? 0);
  const blocked = (i: number) => {
    const js = inPeriod.get(pool[i].questionId);
    return js !== undefined && js.some((j) => used[j] >= limit);
  };
  const mix = DIFFS.map((d) => spec.difficultyMix[String(d) as "1"] ?? 0);
  const chosen = new Map<QuestionType, number[]>();
  for (const [si, s] of sections.entries()) {
    const quota = largestRemainder(s.count, mix);
    const mine: number[] = [];
    // Take n items from the lists; `had` items of the same need are already in (the fill's topic picks).
    const take = (lists: number[][], n: number, topic?: string, had = 0): boolean => {
      const ptr = [0, 0, 0, 0, 0];
      for (let k = 0; k < n; k++) {
        const i = pickOne(lists, ptr, quota, tier, picked, blocked);
        if (i < 0) {
          // Every item left is blocked by the overlap limit (or already taken).
          const stuck = lists.flat().filter((x) => !picked[x] && blocked(x)).length;
          const why = `bank has ${had + k} once items shared with other papers of this period are capped at ${limit} per paper (${stuck} blocked)`;
          short(s.type, topic, had + n, had + k, resitOut.get(`${s.type}|${topic ?? "*"}`) ?? 0, why, stuck);
          return false;
        }
        picked[i] = 1;
        for (const j of inPeriod.get(pool[i].questionId) ?? []) used[j]++;
        mine.push(i);
      }
      return true;
    };
    const needs = topics
      .map((topic) => ({ topic, n: plan.take.get(`${s.type}|${topic}`) ?? 0 }))
      .filter((x) => x.n > 0)
      .sort((a, b) => (avail.get(`${s.type}|${a.topic}`) ?? 0) - (avail.get(`${s.type}|${b.topic}`) ?? 0) || (a.topic < b.topic ? -1 : 1));
    for (const { topic, n } of needs) if (!take(topicLists[si][topicOf.get(topic)!], n, topic)) return { ok: false, shortfalls };
    if (!take(secLists[si], s.count - mine.length, undefined, mine.length)) return { ok: false, shortfalls };
    chosen.set(s.type, mine);
  }

  // 5. Seeded order within each section; positions across the paper.
  const items: PaperItem[] = [];
  for (const s of sections) {
    const mine = chosen.get(s.type)!;
    shuffleInPlace(mine, next);
    for (const i of mine) {
      const q = pool[i];
      items.push({
        position: items.length + 1,
        section: s.type,
        questionId: q.questionId,
        version: q.version,
        ...(q.versionId !== undefined && { versionId: q.versionId }),
        contentHash: q.contentHash,
        points: s.pointsPerItem,
      });
    }
  }
  const body = { algorithm: DRAW_ALGORITHM, seed: input.seed, industry: input.industry, category: input.category, blueprint: spec, items };
  return { ok: true, paper: { ...body, hash: paperHash(body) } };
}

/** Stable counting sort of `order` by a non-negative integer key per item; returns each item's tier rank too. */
function byTier(order: Int32Array, keyOf: (i: number) => number): { order: Int32Array; tier: Int32Array } {
  const n = order.length;
  const key = new Float64Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, (key[i] = keyOf(i)));
  const tier = new Int32Array(n);
  if (max === 0) return { order, tier };
  // Ranks of the distinct keys: a direct table for small keys, else a sorted list.
  let rankOf: (k: number) => number;
  let tiers: number;
  if (max < 1 << 16) {
    const seen = new Int32Array(max + 1);
    for (let i = 0; i < n; i++) seen[key[i]] = 1;
    tiers = 0;
    for (let k = 0; k <= max; k++) seen[k] = seen[k] ? tiers++ : -1;
    rankOf = (k) => seen[k];
  } else {
    const distinct = [...new Set(key)].sort((a, b) => a - b);
    const rank = new Map(distinct.map((k, r) => [k, r]));
    tiers = distinct.length;
    rankOf = (k) => rank.get(k)!;
  }
  const start = new Int32Array(tiers + 1);
  for (let i = 0; i < n; i++) start[(tier[i] = rankOf(key[i])) + 1]++;
  for (let t = 0; t < tiers; t++) start[t + 1] += start[t];
  const out = new Int32Array(n);
  for (let r = 0; r < n; r++) out[start[tier[order[r]]]++] = order[r];
  return { order: out, tier };
}

function exposureReader(e: DrawInput["exposure"]): (id: string) => number {
  const clean = (n: number | undefined) => (n !== undefined && n > 0 ? Math.floor(n) : 0);
  if (!e) return () => 0;
  if (e instanceof Map) return (id) => clean(e.get(id));
  const rec = e as Readonly<Record<string, number>>;
  return (id) => clean(Object.hasOwn(rec, id) ? rec[id] : undefined);
}

function bump(m: Map<string, number>, k: string) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function shuffleInPlace<T>(a: { length: number; [i: number]: T }, rng: () => number) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const x = a[i];
    a[i] = a[j];
    a[j] = x;
  }
}

/** A seeded permutation of 0..n-1 (per-candidate item and option order). */
export function shuffleFor(seed: string, n: number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  const rng = seedrandom(seed);
  shuffleInPlace(a, () => rng.quick());
  return a;
}

/**
 * SHA-256 of the canonical paper: exactly the Paper fields below, without its hash and without
 * database ids (content-identified). Anything else a file carries (a code, the draw inputs) is
 * outside the hash.
 */
export function paperHash(paper: Omit<Paper, "hash"> | Paper): string {
  const { algorithm, seed, industry, category, blueprint } = paper;
  const items = paper.items.map(({ position, section, questionId, version, contentHash, points }) => ({ position, section, questionId, version, contentHash, points }));
  return sha256Hex(canonicalJson({ algorithm, seed, industry, category, blueprint, items }));
}

export function verifyPaperHash(paper: Paper): { ok: boolean; stored: string; computed: string } {
  const computed = paperHash(paper);
  return { ok: computed === paper.hash, stored: paper.hash, computed };
}
